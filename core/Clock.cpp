// SPDX-License-Identifier: MIT
#include "core/Clock.h"

#include <QDateTime>

namespace td {

qint64 SystemClock::nowSeconds() const
{
    return QDateTime::currentSecsSinceEpoch();
}

} // namespace td
