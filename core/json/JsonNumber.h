// SPDX-License-Identifier: MIT
// JSON numbers are doubles; converting one that does not fit into an integer is undefined behaviour in C++. Every
// number read from a token, a request, a config or a batch row goes through these.
#pragma once

#include <QJsonValue>

#include <optional>

namespace td::json {

/** The number truncated to an integer, or nullopt when the value is not a number or does not fit in 64 bits. */
std::optional<qint64> toInt64(const QJsonValue& value);

/** Earliest and latest instants a time claim is taken to mean: 0001-01-01 and 9999-12-31T23:59:59 UTC. */
inline constexpr qint64 kMinClaimSeconds = -62135596800;
inline constexpr qint64 kMaxClaimSeconds = 253402300799;

/**
 * A time claim (exp, nbf, iat, ...) in seconds, clamped to [kMinClaimSeconds, kMaxClaimSeconds]: an exp of 1e300
 * still means "far in the future", and arithmetic with the clock or QDateTime cannot overflow. Not a number: 0.
 */
qint64 claimSeconds(const QJsonValue& value);

} // namespace td::json
