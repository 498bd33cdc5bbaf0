// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace td {

enum class Severity { Error, Warning, Info };

/** One observation about a token: a stable code, how serious, and why in words. */
struct Finding {
    QString code; // stable, kebab-case: "expired", "unknown-grant-key"
    Severity severity = Severity::Warning;
    QString message;
};

QString severityName(Severity severity);
bool hasErrors(const QList<Finding>& findings);

/** The candidate closest to `word` by edit distance, or "" when none is close ("roomName" -> "room"). */
QString closestMatch(const QString& word, const QStringList& candidates);

} // namespace td
