// SPDX-License-Identifier: MIT
#include "core/server/EndpointHandler.h"

#include "core/mint/PlanMinter.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace td::server {

bool signsWithRsa(const Endpoint& endpoint)
{
    return endpoint.type->signsWithRsa(endpoint.credentials);
}

Result<RequestFields> readFields(const EndpointKind& type, const QByteArray& method,
                                 const QList<QPair<QString, QString>>& query, const QByteArray& body)
{
    if (type.usesPost() && method == "POST")
        return type.readBody(body);
    RequestFields fields;
    for (const auto& [key, value] : query) {
        if (fields.contains(key))
            return fail(ErrorCode::Conflict, QT_TRANSLATE_NOOP("td::Error", "\"%1\" is given twice"), key.left(64));
        if (key == QStringLiteral("features") || key == QStringLiteral("attributes")) {
            const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8());
            if (!doc.isObject())
                return fail(ErrorCode::InvalidJson, QT_TRANSLATE_NOOP("td::Error", "\"%1\" must be a JSON object"),
                            key);
            fields.insert(key, doc.object());
        } else {
            fields.insert(key, value);
        }
    }
    return fields;
}

HandlerResponse handleTokenRequest(const Endpoint& endpoint, const RequestFields& fields, const Clock& clock)
{
    return endpoint.type->handle(endpoint.credentials, endpoint.policy,
                                 endpoint.minter ? &endpoint.minter->preparedMinter() : nullptr, fields, clock);
}

} // namespace td::server
