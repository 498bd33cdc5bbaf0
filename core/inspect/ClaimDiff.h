// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace td {

/** One claim path and its value in each of two tokens. */
struct ClaimDifference {
    enum class Kind { Same, Changed, OnlyLeft, OnlyRight };
    QString path; // "header.alg", "claims.video.canPublish", "claims.attributes.team"
    QString left; // compact JSON of the value, "" when absent
    QString right;
    Kind kind = Kind::Same;
};

/**
 * Compares two tokens' headers and claims member by member (objects are walked, arrays and scalars compared whole),
 * in path order. Same-valued members are included so a side-by-side view can show everything.
 */
QList<ClaimDifference> diffClaims(const QJsonObject& leftHeader, const QJsonObject& leftClaims,
                                  const QJsonObject& rightHeader, const QJsonObject& rightClaims);

} // namespace td
