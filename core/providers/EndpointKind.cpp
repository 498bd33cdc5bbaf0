// SPDX-License-Identifier: MIT
#include "core/providers/EndpointKind.h"

#include "core/Duration.h"
#include "core/json/JsonNumber.h"

#include <QJsonDocument>

namespace td::server {

Result<QStringList> requiredVariables(const QProcessEnvironment& environment, const QStringList& names)
{
    QStringList values;
    for (const QString& name : names) {
        values << environment.value(name);
        if (values.constLast().isEmpty())
            return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "%1 is not set"), name);
    }
    return values;
}

HandlerResponse jsonResponse(int status, const QJsonObject& body)
{
    HandlerResponse r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

HandlerResponse errorResponse(const Error& error)
{
    const int status = httpStatus(error.code);
    // A client hears about its own input, never about the endpoint's key or secret.
    return errorResponse(status,
                         status >= 500 ? QStringLiteral("the endpoint's credentials are unusable") : error.message);
}

HandlerResponse errorResponse(int status, const QString& message)
{
    HandlerResponse r = jsonResponse(status, QJsonObject{{QStringLiteral("error"), message}});
    r.reason = message;
    return r;
}

Result<RequestFields> EndpointKind::readBody(const QByteArray& /*body*/) const
{
    return fail(ErrorCode::NotApplicable, QT_TRANSLATE_NOOP("td::Error", "%1 takes no request body"), name());
}

namespace policy {

QString text(const RequestFields& fields, const QString& key)
{
    const QJsonValue v = fields.value(key);
    return v.isString() ? v.toString() : v.isDouble() ? QString::number(v.toDouble()) : QString();
}

bool truthy(const QJsonValue& value)
{
    return value.toBool() || value.toString().compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0 ||
           value.toString() == QStringLiteral("1");
}

bool asksFor(const QJsonValue& value)
{
    // Stricter than truthy() on purpose: a string-valued grant such as destinationRoom asks by being non-empty.
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null: return false;
    case QJsonValue::Bool: return value.toBool();
    case QJsonValue::Double: return value.toDouble() != 0;
    case QJsonValue::String: {
        const QString s = value.toString().trimmed();
        return !s.isEmpty() && s.compare(QStringLiteral("false"), Qt::CaseInsensitive) != 0 && s != QStringLiteral("0");
    }
    case QJsonValue::Array:
    case QJsonValue::Object: return true;
    }
    return true;
}

std::optional<HandlerResponse> applyFields(const Policy& policy, RequestFields& fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!policy.allowedFields.contains(it.key()))
            return errorResponse(
                403, QStringLiteral("the field \"%1\" may not be set by clients on this endpoint").arg(it.key()));
    }
    for (auto it = policy.defaults.begin(); it != policy.defaults.end(); ++it) {
        if (!fields.contains(it.key()) || text(fields, it.key()).isEmpty())
            fields.insert(it.key(), it.value());
    }
    return std::nullopt;
}

std::optional<HandlerResponse> checkRoomAndIdentity(const Policy& policy, const RequestFields& fields,
                                                    const QString& roomKey, const QString& identityKey,
                                                    bool roomRequired, bool identityRequired)
{
    const auto check = [&](const QString& key, bool required, int maxLength,
                           const std::optional<QRegularExpression>& pattern) -> std::optional<HandlerResponse> {
        const QString value = text(fields, key);
        if (value.isEmpty()) {
            if (required)
                return errorResponse(400, QStringLiteral("\"%1\" is required").arg(key));
            return std::nullopt;
        }
        if (value.size() > maxLength)
            return errorResponse(400, QStringLiteral("\"%1\" is longer than %2 characters").arg(key).arg(maxLength));
        if (pattern && !pattern->match(value).hasMatch())
            return errorResponse(
                403, QStringLiteral("\"%1\" %2 is not allowed by this endpoint's policy").arg(key, value.left(64)));
        return std::nullopt;
    };
    if (!roomKey.isEmpty()) {
        if (auto r = check(roomKey, roomRequired, policy.maxRoomLength, policy.roomPattern))
            return r;
    }
    if (auto r = check(identityKey, identityRequired, policy.maxIdentityLength, policy.identityPattern))
        return r;
    return std::nullopt;
}

std::optional<HandlerResponse> applyCommon(const Policy& policy, RequestFields& fields, const QString& roomKey,
                                           const QString& identityKey, bool roomRequired, bool identityRequired)
{
    if (auto refused = applyFields(policy, fields))
        return refused;
    return checkRoomAndIdentity(policy, fields, roomKey, identityKey, roomRequired, identityRequired);
}

std::variant<qint64, HandlerResponse> ttl(const Policy& policy, const QJsonValue& requested, qint64 fallback,
                                          QList<QPair<QByteArray, QByteArray>>& headers)
{
    qint64 seconds = policy.defaultTtlSeconds.value_or(std::min(fallback, policy.maxTtlSeconds));
    if (!requested.isUndefined() && !requested.isNull() && !(requested.isString() && requested.toString().isEmpty())) {
        auto parsed = requested.isDouble() ? Result<qint64>(json::toInt64(requested).value_or(0))
                                           : parseDuration(requested.toString());
        if (!parsed || *parsed <= 0)
            return errorResponse(400, QStringLiteral("the requested TTL is not a positive duration"));
        seconds = *parsed;
    }
    if (seconds > policy.maxTtlSeconds) {
        headers.emplace_back(
            "X-TokenDesk-TTL-Clamped",
            QStringLiteral("requested=%1; granted=%2").arg(seconds).arg(policy.maxTtlSeconds).toLatin1());
        seconds = policy.maxTtlSeconds;
    }
    return seconds;
}

} // namespace policy
} // namespace td::server
