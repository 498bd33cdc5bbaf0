// SPDX-License-Identifier: MIT
#include "ui/server/Snippets.h"

#include <QList>
#include <QPair>
#include <QUrlQuery>

namespace td::ui {
namespace {

using Fields = QList<QPair<QString, QString>>;

/** Sample request fields per contract; "demo-room" matches the docs' example room pattern. */
Fields sampleFields(server::EndpointType type)
{
    const QString room = QStringLiteral("demo-room");
    const QString user = QStringLiteral("alice");
    switch (type) {
    case server::EndpointType::LiveKitGet: return {{QStringLiteral("room"), room}, {QStringLiteral("identity"), user}};
    case server::EndpointType::LiveKitStandard:
        return {{QStringLiteral("room_name"), room},
                {QStringLiteral("participant_identity"), user},
                {QStringLiteral("participant_name"), QStringLiteral("Alice")}};
    case server::EndpointType::JitsiGet:
        return {{QStringLiteral("room"), room},
                {QStringLiteral("user_id"), user},
                {QStringLiteral("user_name"), QStringLiteral("Alice")}};
    case server::EndpointType::ZegoGet: return {{QStringLiteral("userID"), user}, {QStringLiteral("roomID"), room}};
    case server::EndpointType::Health: break;
    }
    return {};
}

bool isPost(server::EndpointType type)
{
    return type == server::EndpointType::LiveKitStandard;
}

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
    const Fields fields = sampleFields(r.type);
    QStringList parts{QStringLiteral("curl"), QStringLiteral("-sS")};
    QString url = endpointUrl(r);
    if (isPost(r.type)) {
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
    if (isPost(r.type))
        parts << QStringLiteral("--data") << shellQuote(jsonBody(fields));
    return parts.join(QLatin1Char(' '));
}

QString fetchSnippet(const SnippetRequest& r)
{
    const Fields fields = sampleFields(r.type);
    QString target = jsString(endpointUrl(r));
    if (!isPost(r.type) && !fields.isEmpty())
        target += QStringLiteral(" + \"?\" + new URLSearchParams(") + jsObject(fields) + QLatin1Char(')');
    QStringList options;
    if (isPost(r.type))
        options << QStringLiteral("  method: \"POST\",");
    QStringList headers;
    if (isPost(r.type))
        headers << QStringLiteral("\"Content-Type\": \"application/json\"");
    if (!r.bearerKey.isEmpty())
        headers << QStringLiteral("Authorization: ") + jsString(QStringLiteral("Bearer ") + r.bearerKey);
    if (!headers.isEmpty())
        options << QStringLiteral("  headers: { ") + headers.join(QStringLiteral(", ")) + QStringLiteral(" },");
    if (isPost(r.type))
        options << QStringLiteral("  body: JSON.stringify(") + jsObject(fields) + QStringLiteral("),");

    QString out = QStringLiteral("const response = await fetch(") + target;
    out += options.isEmpty() ? QStringLiteral(");\n")
                             : QStringLiteral(", {\n") + options.join(QLatin1Char('\n')) + QStringLiteral("\n});\n");
    out += QStringLiteral("if (!response.ok) throw new Error((await response.json()).error);\n");
    switch (r.type) {
    case server::EndpointType::LiveKitGet: out += QStringLiteral("const token = await response.text();"); break;
    case server::EndpointType::LiveKitStandard:
        out += QStringLiteral("const { server_url, participant_token } = await response.json();");
        break;
    case server::EndpointType::JitsiGet:
    case server::EndpointType::ZegoGet: out += QStringLiteral("const { token } = await response.json();"); break;
    case server::EndpointType::Health: out += QStringLiteral("const { status } = await response.json();"); break;
    }
    return out;
}

} // namespace td::ui
