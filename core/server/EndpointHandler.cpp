// SPDX-License-Identifier: MIT
#include "core/server/EndpointHandler.h"

#include "core/Duration.h"
#include "core/mint/PlanMinter.h"
#include "core/providers/jitsi/JitsiModule.h"
#include "core/providers/jitsi/JitsiRoom.h"
#include "core/providers/livekit/LiveKitModule.h"
#include "core/providers/zego/KitToken.h"
#include "core/json/JsonNumber.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <QJsonObject>

namespace td::server {
namespace {

QString text(const RequestFields& f, const QString& key)
{
    const QJsonValue v = f.value(key);
    return v.isString() ? v.toString() : v.isDouble() ? QString::number(v.toDouble()) : QString();
}

bool truthy(const QJsonValue& v)
{
    return v.toBool() || v.toString().compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0 ||
           v.toString() == QStringLiteral("1");
}

/** Whether a requested grant value asks for something: any value but absent, null, false, 0, "", "false" or "0".
 *  Stricter than truthy() on purpose: a string-valued grant such as destinationRoom asks by being non-empty. */
bool asksFor(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null: return false;
    case QJsonValue::Bool: return v.toBool();
    case QJsonValue::Double: return v.toDouble() != 0;
    case QJsonValue::String: {
        const QString s = v.toString().trimmed();
        return !s.isEmpty() && s.compare(QStringLiteral("false"), Qt::CaseInsensitive) != 0 && s != QStringLiteral("0");
    }
    case QJsonValue::Array:
    case QJsonValue::Object: return true;
    }
    return true;
}

/** Field permission and defaults, shared by every endpoint type. */
std::optional<HandlerResponse> applyFieldPolicy(const Policy& policy, RequestFields& fields)
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

/** The room / identity rules shared by every endpoint type, on the fields after applyFieldPolicy(). */
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

/** Field permission, defaults, and the room / identity rules. */
std::optional<HandlerResponse> applyCommonPolicy(const Policy& policy, RequestFields& fields, const QString& roomKey,
                                                 const QString& identityKey, bool roomRequired, bool identityRequired)
{
    if (auto refused = applyFieldPolicy(policy, fields))
        return refused;
    return checkRoomAndIdentity(policy, fields, roomKey, identityKey, roomRequired, identityRequired);
}

/** Requested TTL, clamped to the ceiling; the response says when it was clamped. */
std::variant<qint64, HandlerResponse> ttlFor(const Policy& policy, const QJsonValue& requested, qint64 fallback,
                                             QList<QPair<QByteArray, QByteArray>>& headers)
{
    qint64 ttl = policy.defaultTtlSeconds.value_or(std::min(fallback, policy.maxTtlSeconds));
    if (!requested.isUndefined() && !requested.isNull() && !(requested.isString() && requested.toString().isEmpty())) {
        auto parsed = requested.isDouble() ? Result<qint64>(json::toInt64(requested).value_or(0))
                                           : parseDuration(requested.toString());
        if (!parsed || *parsed <= 0)
            return errorResponse(400, QStringLiteral("the requested TTL is not a positive duration"));
        ttl = *parsed;
    }
    if (ttl > policy.maxTtlSeconds) {
        headers.emplace_back("X-TokenDesk-TTL-Clamped",
                             QStringLiteral("requested=%1; granted=%2").arg(ttl).arg(policy.maxTtlSeconds).toLatin1());
        ttl = policy.maxTtlSeconds;
    }
    return ttl;
}

HandlerResponse json(int status, const QJsonObject& o)
{
    HandlerResponse r;
    r.status = status;
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return r;
}

HandlerResponse handleLiveKit(const Endpoint& ep, RequestFields fields, const Clock& clock)
{
    const Policy& policy = ep.policy;
    if (auto refused =
            applyCommonPolicy(policy, fields, QStringLiteral("room"), QStringLiteral("identity"), true, true))
        return *refused;
    livekit::VideoGrant grant;
    grant.roomJoin = true;
    if (auto ok = grant.merge(policy.grants); !ok)
        return errorResponse(500, QStringLiteral("the endpoint's grants are invalid"));
    // A client may ask for extra grants only where the policy lets it; privileged ones need their own permission.
    const QJsonValue asked = fields.value(QStringLiteral("grants"));
    if (!asked.isUndefined()) {
        QJsonObject requested;
        if (asked.isObject()) {
            requested = asked.toObject();
        } else {
            for (const QString& name : asked.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
                requested.insert(name.trimmed(), true);
        }
        const QList<QPair<const char*, bool>> privileged = {
            {"roomAdmin", policy.allowRoomAdmin},  {"hidden", policy.allowHidden},
            {"recorder", policy.allowRecorder},    {"roomCreate", policy.allowAdmin},
            {"roomList", policy.allowAdmin},       {"roomRecord", policy.allowAdmin},
            {"ingressAdmin", policy.allowAdmin},   {"agent", policy.allowAdmin},
            {"destinationRoom", policy.allowAdmin}};
        for (const auto& [name, allowed] : privileged) {
            const QString key = QLatin1String(name);
            if (asksFor(requested.value(key)) && !allowed)
                return errorResponse(
                    403, QStringLiteral("the grant \"%1\" may not be requested from this endpoint").arg(key));
            // What the check reads as "not asking" ("0", "false", " ") must not reach the token either.
            if (!allowed && requested.contains(key))
                requested.remove(key);
        }
        // Go decodes grant names case-insensitively: "RoomAdmin" is roomAdmin to the server, so it is refused here.
        for (auto it = requested.begin(); it != requested.end(); ++it) {
            for (const QString& known : livekit::videoFieldNames()) {
                if (it.key() != known && it.key().compare(known, Qt::CaseInsensitive) == 0)
                    return errorResponse(
                        400, QStringLiteral("the grant \"%1\" must be spelled \"%2\"").arg(it.key().left(64), known));
            }
        }
        if (requested.contains(QStringLiteral("room")))
            return errorResponse(403, QStringLiteral("the room is chosen with the room field, not a grant"));
        // The endpoint's own grants are fixed: a client may add grants the policy leaves open, never change one it
        // sets.
        for (auto it = requested.begin(); it != requested.end(); ++it) {
            const auto fixed = policy.grants.constFind(it.key());
            if (fixed != policy.grants.constEnd() && *fixed != *it)
                return errorResponse(
                    403, QStringLiteral("the grant \"%1\" is fixed by this endpoint").arg(it.key().left(64)));
        }
        if (auto ok = grant.merge(requested); !ok)
            return errorResponse(ok.error());
    }
    grant.room = text(fields, QStringLiteral("room"));

    livekit::LiveKitClaims claims;
    claims.identity = text(fields, QStringLiteral("identity"));
    claims.name = text(fields, QStringLiteral("name"));
    claims.metadata = text(fields, QStringLiteral("metadata"));
    claims.video = grant;
    const QJsonObject attributes = fields.value(QStringLiteral("attributes")).toObject();
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        if (!it.value().isString())
            return errorResponse(400, QStringLiteral("attribute \"%1\" must be a string").arg(it.key()));
        claims.attributes.append({it.key(), it.value().toString()});
    }
    if (const QJsonValue rc = fields.value(QStringLiteral("room_config")); !rc.isUndefined() && !rc.isNull()) {
        if (!rc.isObject())
            return errorResponse(400, QStringLiteral("room_config must be an object"));
        auto config = livekit::normaliseRoomConfig(rc.toObject());
        if (!config)
            return errorResponse(config.error());
        // What a room configuration can do is a privilege like any grant: recording and streaming need
        // allowRecorder, agents allowAgentDispatch (and a listed name); streams and another room's name never pass.
        if (config->contains(QStringLiteral("egress")) && !policy.allowRecorder)
            return errorResponse(403, QStringLiteral("room_config.egress (recording, export) may not be requested "
                                                     "from this endpoint"));
        if (livekit::roomConfigStreams(*config))
            return errorResponse(403, QStringLiteral("room_config may not stream the room (stream outputs)"));
        if (config->contains(QStringLiteral("agents"))) {
            if (!policy.allowAgentDispatch)
                return errorResponse(403, QStringLiteral("room_config.agents (agent dispatch) may not be requested "
                                                         "from this endpoint"));
            for (const QJsonValue& a : config->value(QStringLiteral("agents")).toArray()) {
                const QString agent = a.toObject().value(QStringLiteral("agentName")).toString();
                if (!policy.agentNames.isEmpty() && !policy.agentNames.contains(agent))
                    return errorResponse(403,
                                         QStringLiteral("the agent \"%1\" may not be dispatched from this endpoint")
                                             .arg(agent.left(64)));
            }
        }
        const QString name = config->value(QStringLiteral("name")).toString();
        if (!name.isEmpty() && name != grant.room)
            return errorResponse(403, QStringLiteral("room_config.name must be the room the token is for"));
        claims.roomConfig = *config;
    }

    HandlerResponse r;
    const auto ttl =
        ttlFor(policy, fields.value(QStringLiteral("ttl")), mint::defaultTtlSeconds(Provider::LiveKit), r.headers);
    if (const auto* refused = std::get_if<HandlerResponse>(&ttl))
        return *refused;
    if (!ep.minter)
        return errorResponse(500, QStringLiteral("the endpoint's credentials are unusable"));
    auto minted = ep.minter->mintLiveKit(claims, std::get<qint64>(ttl), clock);
    if (!minted)
        return errorResponse(minted.error());
    if (ep.type == EndpointType::LiveKitGet) {
        r.contentType = "text/plain; charset=utf-8";
        r.body = minted->token;
    } else {
        const HandlerResponse j =
            json(201, QJsonObject{{QStringLiteral("server_url"), ep.credentials.serverUrl},
                                  {QStringLiteral("participant_token"), QString::fromLatin1(minted->token)}});
        r.status = 201;
        r.body = j.body;
    }
    r.identity = claims.identity;
    r.room = grant.room;
    r.grantsSummary = QString::fromUtf8(grant.toJson().serialize());
    return r;
}

HandlerResponse handleJitsi(const Endpoint& ep, RequestFields fields, const Clock& clock)
{
    const Policy& policy = ep.policy;
    if (auto refused = applyFieldPolicy(policy, fields))
        return *refused;
    // The room is written as Jitsi Meet joins it, and the policy judges that form: a pattern such as
    // "team-[a-z0-9%]+" sees "team-caf%c3%a9" whether the client sent "Team Café" or "team-caf%C3%A9". The length
    // limit applies to what the client sent (escapes make a name up to nine times longer).
    const QString askedRoom = text(fields, QStringLiteral("room"));
    if (askedRoom.isEmpty())
        return errorResponse(400, QStringLiteral("\"room\" is required"));
    if (askedRoom.size() > policy.maxRoomLength)
        return errorResponse(400, QStringLiteral("\"room\" is longer than %1 characters").arg(policy.maxRoomLength));
    auto claim =
        jitsi::roomClaimFor(askedRoom.trimmed() == QStringLiteral("*") ? QStringLiteral("*") : askedRoom, false, false);
    if (!claim)
        return errorResponse(claim.error());
    if (claim->written == QStringLiteral("*") && !policy.allowAnyRoom)
        return errorResponse(403, QStringLiteral("this endpoint does not grant tokens valid for any room (\"*\")"));
    if (policy.roomPattern && !policy.roomPattern->match(claim->written).hasMatch())
        return errorResponse(
            403, QStringLiteral("\"room\" %1 is not allowed by this endpoint's policy").arg(claim->written.left(64)));
    fields.insert(QStringLiteral("room"), claim->written);
    if (auto refused = checkRoomAndIdentity(policy, fields, QString(), QStringLiteral("user_id"), false, false))
        return *refused;
    jitsi::JitsiClaims claims;
    claims.room = claim->written;
    claims.roomRaw = true; // already the form Jitsi Meet joins, and the one the policy checked
    claims.user.id = text(fields, QStringLiteral("user_id"));
    claims.user.name = text(fields, QStringLiteral("user_name"));
    claims.user.email = text(fields, QStringLiteral("user_email"));
    claims.user.avatar = text(fields, QStringLiteral("user_avatar"));
    if (fields.contains(QStringLiteral("user_moderator"))) {
        const QJsonValue v = fields.value(QStringLiteral("user_moderator"));
        const QString word = v.isBool() ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                        : v.toString().trimmed().toLower();
        if (!QStringList{QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("1"), QStringLiteral("0")}
                 .contains(word))
            return errorResponse(400, QStringLiteral("user_moderator takes true, false, 1 or 0"));
        const bool wants = word == QStringLiteral("true") || word == QStringLiteral("1");
        if (wants && !policy.allowModerator)
            return errorResponse(403, QStringLiteral("moderator rights may not be requested from this endpoint"));
        claims.user.moderator = wants;
    }
    for (auto it = policy.features.begin(); it != policy.features.end(); ++it)
        claims.features.append({it.key(), it.value().toBool()});
    const QJsonObject asked = fields.value(QStringLiteral("features")).toObject();
    for (auto it = asked.begin(); it != asked.end(); ++it) {
        if (policy.features.contains(it.key()) && policy.features.value(it.key()).toBool() != truthy(it.value()))
            return errorResponse(403, QStringLiteral("the feature \"%1\" is fixed by this endpoint").arg(it.key()));
        if (!jitsi::knownFeatures().contains(it.key()))
            return errorResponse(400, QStringLiteral("unknown feature \"%1\"").arg(it.key()));
        if (!policy.features.contains(it.key()))
            claims.features.append({it.key(), truthy(it.value())});
    }
    HandlerResponse r;
    const auto ttl = ttlFor(policy, fields.value(QStringLiteral("ttl")),
                            mint::defaultTtlSeconds(ep.credentials.provider), r.headers);
    if (const auto* refused = std::get_if<HandlerResponse>(&ttl))
        return *refused;
    const auto* minter = ep.minter ? ep.minter->prepared<jitsi::PreparedJitsi>() : nullptr;
    if (!minter)
        return errorResponse(500, QStringLiteral("the endpoint's credentials are unusable"));
    auto minted = minter->mintClaims(claims, std::get<qint64>(ttl), jitsi::kDefaultNotBeforeSkew, clock);
    if (!minted)
        return errorResponse(minted.error());
    const QString room = minted->claims.toJsonValue().toObject().value(QStringLiteral("room")).toString();
    QJsonObject body{{QStringLiteral("token"), QString::fromLatin1(minted->token)}, {QStringLiteral("room"), room}};
    if (room != QStringLiteral("*"))
        body.insert(QStringLiteral("roomPath"), jitsi::joinLinkSegment(room));
    r.body = json(200, body).body;
    r.identity = claims.user.id.isEmpty() ? claims.user.name : claims.user.id;
    r.room = claims.room;
    r.grantsSummary =
        claims.user.moderator.value_or(false) ? QStringLiteral("moderator") : QStringLiteral("participant");
    return r;
}

HandlerResponse handleZego(const Endpoint& ep, RequestFields fields, const Clock& clock)
{
    const Policy& policy = ep.policy;
    if (auto refused =
            applyCommonPolicy(policy, fields, QStringLiteral("roomID"), QStringLiteral("userID"), false, true))
        return *refused;
    HandlerResponse r;
    const auto ttl =
        ttlFor(policy, fields.value(QStringLiteral("expired_ts")), mint::defaultTtlSeconds(Provider::Zego), r.headers);
    if (const auto* refused = std::get_if<HandlerResponse>(&ttl))
        return *refused;
    if (!ep.minter)
        return errorResponse(500, QStringLiteral("the endpoint's credentials are unusable"));
    const QString userId = text(fields, QStringLiteral("userID"));
    mint::MintPlan plan;
    plan.provider = Provider::Zego;
    plan.ttlSeconds = std::get<qint64>(ttl);
    plan.claims.insert(QStringLiteral("user_id"), userId);
    auto minted = ep.minter->mint(plan, clock);
    if (!minted)
        return errorResponse(minted.error());
    QJsonObject body{{QStringLiteral("token"), QString::fromLatin1(minted->token)}};
    const QString roomId = text(fields, QStringLiteral("roomID"));
    const QString userName = text(fields, QStringLiteral("userName"));
    if (!roomId.isEmpty() && !userName.isEmpty()) {
        auto kit =
            zego::makeKitToken(minted->token, zego::KitInfo{userId, roomId, userName, ep.credentials.appId.toUInt()});
        if (!kit)
            return errorResponse(kit.error());
        body.insert(QStringLiteral("kitToken"), QString::fromLatin1(*kit));
    }
    r.body = json(200, body).body;
    r.identity = userId;
    r.room = roomId;
    r.grantsSummary = QStringLiteral("token04");
    return r;
}

} // namespace

HandlerResponse errorResponse(const Error& error)
{
    const int status = httpStatus(error.code);
    // A client hears about its own input, never about the endpoint's key or secret.
    return errorResponse(status,
                         status >= 500 ? QStringLiteral("the endpoint's credentials are unusable") : error.message);
}

HandlerResponse errorResponse(int status, const QString& message)
{
    HandlerResponse r = json(status, QJsonObject{{QStringLiteral("error"), message}});
    r.reason = message;
    return r;
}

bool signsWithRsa(const Endpoint& endpoint)
{
    return endpoint.type == EndpointType::JitsiGet && !endpoint.credentials.privateKey.isNull() &&
           (endpoint.credentials.provider == Provider::Jaas || endpoint.credentials.secret.isEmpty());
}

Result<RequestFields> readFields(EndpointType type, const QByteArray& method,
                                 const QList<QPair<QString, QString>>& query, const QByteArray& body)
{
    RequestFields fields;
    if (type == EndpointType::LiveKitStandard && method == "POST") {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
        if (!doc.isObject())
            return fail(ErrorCode::InvalidJson, QT_TRANSLATE_NOOP("td::Error", "the body must be a JSON object (%1)"),
                        err.errorString());
        const QJsonObject o = doc.object();
        static const QList<QPair<QString, QString>> names = {
            {QStringLiteral("room_name"), QStringLiteral("room")},
            {QStringLiteral("participant_identity"), QStringLiteral("identity")},
            {QStringLiteral("participant_name"), QStringLiteral("name")},
            {QStringLiteral("participant_metadata"), QStringLiteral("metadata")},
            {QStringLiteral("participant_attributes"), QStringLiteral("attributes")},
            {QStringLiteral("room_config"), QStringLiteral("room_config")},
            {QStringLiteral("grants"), QStringLiteral("grants")},
            {QStringLiteral("ttl"), QStringLiteral("ttl")}};
        for (auto it = o.begin(); it != o.end(); ++it) {
            QString field;
            for (const auto& [wire, internal] : names) {
                if (wire == it.key())
                    field = internal;
            }
            if (field.isEmpty())
                return fail(ErrorCode::UnknownField, QT_TRANSLATE_NOOP("td::Error", "unknown field \"%1\""),
                            it.key().left(64));
            if (it.value().isNull())
                continue;
            // Text fields take text. A whole number is written exactly (1234567, never 1.23457e+06, which two
            // clients would share); anything else is refused rather than guessed at.
            static const QStringList textFields = {QStringLiteral("room"), QStringLiteral("identity"),
                                                   QStringLiteral("name"), QStringLiteral("metadata")};
            if (textFields.contains(field) && !it.value().isString()) {
                const double d = it.value().toDouble();
                const auto whole = it.value().isDouble() && std::trunc(d) == d && std::abs(d) <= 9007199254740992.0
                                       ? json::toInt64(it.value())
                                       : std::nullopt;
                if (!whole)
                    return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "\"%1\" must be a string"),
                                it.key());
                fields.insert(field, QString::number(*whole));
                continue;
            }
            fields.insert(field, it.value());
        }
        return fields;
    }
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
    switch (endpoint.type) {
    case EndpointType::LiveKitGet:
    case EndpointType::LiveKitStandard: return handleLiveKit(endpoint, fields, clock);
    case EndpointType::JitsiGet: return handleJitsi(endpoint, fields, clock);
    case EndpointType::ZegoGet: return handleZego(endpoint, fields, clock);
    case EndpointType::Health: break;
    }
    return json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
}

} // namespace td::server
