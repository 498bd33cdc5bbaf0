// SPDX-License-Identifier: MIT
#include "core/json/JsonNumber.h"

#include <cmath>

namespace td::json {

std::optional<qint64> toInt64(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    // 2^63 is exact as a double; NaN fails both comparisons.
    if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0))
        return std::nullopt;
    return static_cast<qint64>(d);
}

qint64 claimSeconds(const QJsonValue& value)
{
    const double d = value.toDouble();
    if (std::isnan(d))
        return 0;
    if (d <= static_cast<double>(kMinClaimSeconds))
        return kMinClaimSeconds;
    if (d >= static_cast<double>(kMaxClaimSeconds))
        return kMaxClaimSeconds;
    return static_cast<qint64>(d);
}

} // namespace td::json
