// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace td {

enum class Severity { Error, Warning, Info };

/**
 * One observation about a token: a stable code, how serious, and why in words. `message` is English; where the
 * finding was made from a marked text (QT_TRANSLATE_NOOP("td::Finding", ...)), `text` and `args` give localized().
 */
struct Finding {
    QString code; // stable, kebab-case: "expired", "unknown-grant-key"
    Severity severity = Severity::Warning;
    QString message;
    const char* text = nullptr;
    QStringList args = {};
    const char* context = "td::Finding"; // "td::Error" for a finding made from an error

    /** The message in the application's language; English when it has no marked text. */
    QString localized() const;
};

/** A finding from a marked English text and its %1..%n. */
Finding makeFinding(QString code, Severity severity, const char* text, QStringList args = {});

/** Appends a finding made from a marked text (QT_TRANSLATE_NOOP("td::Finding", "...")) and its arguments. */
template <typename... Args>
void addFinding(QList<Finding>& out, Severity severity, const char* code, const char* text, const Args&... args)
{
    out.append(makeFinding(QString::fromLatin1(code), severity, text, QStringList{detail::errorArg(args)...}));
}

/** Appends a finding whose English message was built elsewhere (it stays English in every language). */
inline void addFinding(QList<Finding>& out, Severity severity, const char* code, QString message)
{
    out.append(Finding{QString::fromLatin1(code), severity, std::move(message)});
}

/** Appends a finding that reports an error (its words, translatable as the error's are). */
void addFinding(QList<Finding>& out, Severity severity, const QString& code, const Error& error);
inline void addFinding(QList<Finding>& out, Severity severity, const char* code, const Error& error)
{
    addFinding(out, severity, QString::fromLatin1(code), error);
}

/** An error finding as an Error (kept translatable): a mint refused because of what the lint found. */
Error findingError(const Finding& finding, ErrorCode code);

/** The first error among `findings` as an InvalidValue error (what reading a plan's claims refused), else success. */
Result<void> firstError(const QList<Finding>& findings);

QString severityName(Severity severity);
bool hasErrors(const QList<Finding>& findings);

/** The candidate closest to `word` by edit distance, or "" when none is close ("roomName" -> "room"). */
QString closestMatch(const QString& word, const QStringList& candidates);

} // namespace td
