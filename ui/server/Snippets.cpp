// SPDX-License-Identifier: MIT
#include "ui/server/Snippets.h"

#include <QList>
#include <QPair>
#include <QUrlQuery>

namespace td::ui {
namespace {

using Fields = QList<QPair<QString, QString>>;

QString shellQuote(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString jsString(const QString& text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        if (c == QLatin1Char('\n')) {
            out += QStringLiteral("\\n");
            continue;
        }
        out += c;
    }
    return out + QLatin1Char('"');
}

QString jsonBody(const Fields& fields)
{
    QStringList members;
    for (const auto& [key, value] : fields)
        members << jsString(key) + QLatin1Char(':') + jsString(value);
    return QLatin1Char('{') + members.join(QLatin1Char(',')) + QLatin1Char('}');
}

QString jsObject(const Fields& fields)
{
    QStringList members;
    for (const auto& [key, value] : fields)
        members << key + QStringLiteral(": ") + jsString(value);
    return QStringLiteral("{ ") + members.join(QStringLiteral(", ")) + QStringLiteral(" }");
}

QString endpointUrl(const SnippetRequest& r)
{
    QString base = r.baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + r.path;
}

} // namespace

QString curlCommand(const SnippetRequest& r)
{
    const Fields fields = r.type->sampleFields();
    QStringList parts{QStringLiteral("curl"), QStringLiteral("-sS")};
    QString url = endpointUrl(r);
    if (r.type->usesPost()) {
        parts << QStringLiteral("-X") << QStringLiteral("POST") << shellQuote(url) << QStringLiteral("-H")
              << shellQuote(QStringLiteral("Content-Type: application/json"));
    } else {
        if (!fields.isEmpty()) {
            QUrlQuery query;
            query.setQueryItems(fields);
            url += QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
        }
        parts << shellQuote(url);
    }
    if (!r.bearerKey.isEmpty())
        parts << QStringLiteral("-H") << shellQuote(QStringLiteral("Authorization: Bearer ") + r.bearerKey);
    if (r.type->usesPost())
        parts << QStringLiteral("--data") << shellQuote(jsonBody(fields));
    return parts.join(QLatin1Char(' '));
}

QString fetchSnippet(const SnippetRequest& r)
{
    const Fields fields = r.type->sampleFields();
    QString target = jsString(endpointUrl(r));
    if (!r.type->usesPost() && !fields.isEmpty())
        target += QStringLiteral(" + \"?\" + new URLSearchParams(") + jsObject(fields) + QLatin1Char(')');
    QStringList options;
    if (r.type->usesPost())
        options << QStringLiteral("  method: \"POST\",");
    QStringList headers;
    if (r.type->usesPost())
        headers << QStringLiteral("\"Content-Type\": \"application/json\"");
    if (!r.bearerKey.isEmpty())
        headers << QStringLiteral("Authorization: ") + jsString(QStringLiteral("Bearer ") + r.bearerKey);
    if (!headers.isEmpty())
        options << QStringLiteral("  headers: { ") + headers.join(QStringLiteral(", ")) + QStringLiteral(" },");
    if (r.type->usesPost())
        options << QStringLiteral("  body: JSON.stringify(") + jsObject(fields) + QStringLiteral("),");

    QString out = QStringLiteral("const response = await fetch(") + target;
    out += options.isEmpty() ? QStringLiteral(");\n")
                             : QStringLiteral(", {\n") + options.join(QLatin1Char('\n')) + QStringLiteral("\n});\n");
    out += QStringLiteral("if (!response.ok) throw new Error((await response.json()).error);\n");
    out += r.type->readAnswerSnippet();
    return out;
}

} // namespace td::ui
