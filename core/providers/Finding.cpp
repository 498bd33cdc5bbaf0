// SPDX-License-Identifier: MIT
#include "core/providers/Finding.h"

#include <QCoreApplication>

#include <algorithm>
#include <vector>

namespace td {

Finding makeFinding(QString code, Severity severity, const char* text, QStringList args)
{
    QString message = fillErrorText(QString::fromUtf8(text), args);
    return Finding{std::move(code), severity, std::move(message), text, std::move(args)};
}

QString Finding::localized() const
{
    return localizedMessage(message, text, args, context);
}

void addFinding(QList<Finding>& out, Severity severity, const QString& code, const Error& error)
{
    out.append(Finding{code, severity, error.message, error.text, error.args, error.context});
}

Error findingError(const Finding& finding, ErrorCode code)
{
    return Error{code, finding.message, {}, finding.text, finding.args, finding.context};
}

Result<void> firstError(const QList<Finding>& findings)
{
    for (const Finding& f : findings) {
        if (f.severity == Severity::Error)
            return fail(findingError(f, ErrorCode::InvalidValue));
    }
    return {};
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Info: return QStringLiteral("info");
    }
    return {};
}

bool hasErrors(const QList<Finding>& findings)
{
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.severity == Severity::Error; });
}

namespace {

qsizetype editDistance(const QString& a, const QString& b)
{
    std::vector<qsizetype> prev(static_cast<size_t>(b.size() + 1));
    std::vector<qsizetype> cur(prev.size());
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[static_cast<size_t>(j)] = j;
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            cur[static_cast<size_t>(j)] =
                std::min({prev[static_cast<size_t>(j)] + 1, cur[static_cast<size_t>(j - 1)] + 1,
                          prev[static_cast<size_t>(j - 1)] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[static_cast<size_t>(b.size())];
}

} // namespace

QString closestMatch(const QString& word, const QStringList& candidates)
{
    QString best;
    qsizetype bestDistance = std::numeric_limits<qsizetype>::max();
    for (const QString& c : candidates) {
        qsizetype d = editDistance(word, c);
        // A candidate that is a prefix or suffix of the word ("roomName" ends with... starts with "room") is close.
        if (word.startsWith(c, Qt::CaseInsensitive) || c.startsWith(word, Qt::CaseInsensitive))
            d = std::min<qsizetype>(d, 2);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    const qsizetype limit = std::max<qsizetype>(2, word.size() / 3);
    return bestDistance <= limit ? best : QString();
}

} // namespace td
