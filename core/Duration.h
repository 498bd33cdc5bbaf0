// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QString>

namespace td {

/** Parses a duration: plain seconds ("90") or units d/h/m/s combined in descending order ("1h30m", "2d"). */
Result<qint64> parseDuration(const QString& text);

/** Formats seconds compactly ("6h", "1h30m", "45s"). */
QString formatDuration(qint64 seconds);

/** "in 5h 59m" / "3m ago", relative to now. */
QString formatRelative(qint64 seconds, qint64 now);

} // namespace td
