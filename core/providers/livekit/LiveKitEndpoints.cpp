// SPDX-License-Identifier: MIT
#include "core/providers/livekit/LiveKitEndpoints.h"

#include "core/json/JsonNumber.h"
#include "core/providers/livekit/LiveKitGrants.h"
#include "core/providers/livekit/LiveKitModule.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace td::livekit {
namespace {

using server::errorResponse;
using server::HandlerResponse;
using server::Policy;
using server::RequestFields;
namespace policy = server::policy;

/** The grants a client asked for, checked against the policy and merged into `grant`; a refusal otherwise. */
std::optional<HandlerResponse> mergeRequestedGrants(const Policy& rules, const QJsonValue& asked, VideoGrant& grant)
{
    QJsonObject requested;
    if (asked.isObject()) {
        requested = asked.toObject();
    } else {
        for (const QString& name : asked.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            requested.insert(name.trimmed(), true);
    }
    // A client may ask for extra grants only where the policy lets it; privileged ones need their own permission.
    const QList<QPair<const char*, bool>> privileged = {
        {"roomAdmin", rules.allowRoomAdmin}, {"hidden", rules.allowHidden},  {"recorder", rules.allowRecorder},
        {"roomCreate", rules.allowAdmin},    {"roomList", rules.allowAdmin}, {"roomRecord", rules.allowAdmin},
        {"ingressAdmin", rules.allowAdmin},  {"agent", rules.allowAdmin},    {"destinationRoom", rules.allowAdmin}};
    for (const auto& [name, allowed] : privileged) {
        const QString key = QLatin1String(name);
        if (policy::asksFor(requested.value(key)) && !allowed)
            return errorResponse(403,
                                 QStringLiteral("the grant \"%1\" may not be requested from this endpoint").arg(key));
        // What the check reads as "not asking" ("0", "false", " ") must not reach the token either.
        if (!allowed && requested.contains(key))
            requested.remove(key);
    }
    // Go decodes grant names case-insensitively: "RoomAdmin" is roomAdmin to the server, so it is refused here.
    for (auto it = requested.begin(); it != requested.end(); ++it) {
        for (const QString& known : videoFieldNames()) {
            if (it.key() != known && it.key().compare(known, Qt::CaseInsensitive) == 0)
                return errorResponse(
                    400, QStringLiteral("the grant \"%1\" must be spelled \"%2\"").arg(it.key().left(64), known));
        }
    }
    if (requested.contains(QStringLiteral("room")))
        return errorResponse(403, QStringLiteral("the room is chosen with the room field, not a grant"));
    // The endpoint's own grants are fixed: a client may add grants the policy leaves open, never change one it sets.
    for (auto it = requested.begin(); it != requested.end(); ++it) {
        const auto fixed = rules.grants.constFind(it.key());
        if (fixed != rules.grants.constEnd() && *fixed != *it)
            return errorResponse(403,
                                 QStringLiteral("the grant \"%1\" is fixed by this endpoint").arg(it.key().left(64)));
    }
    if (auto ok = grant.merge(requested); !ok)
        return errorResponse(ok.error());
    return std::nullopt;
}

/** A room configuration a client asked for, checked against the policy; a refusal otherwise. */
std::variant<QJsonObject, HandlerResponse> checkedRoomConfig(const Policy& rules, const QJsonValue& asked,
                                                             const QString& room)
{
    if (!asked.isObject())
        return errorResponse(400, QStringLiteral("room_config must be an object"));
    auto config = normaliseRoomConfig(asked.toObject());
    if (!config)
        return errorResponse(config.error());
    // What a room configuration can do is a privilege like any grant: recording and streaming need allowRecorder,
    // agents allowAgentDispatch (and a listed name); streams and another room's name never pass.
    if (config->contains(QStringLiteral("egress")) && !rules.allowRecorder)
        return errorResponse(
            403, QStringLiteral("room_config.egress (recording, export) may not be requested from this endpoint"));
    if (roomConfigStreams(*config))
        return errorResponse(403, QStringLiteral("room_config may not stream the room (stream outputs)"));
    if (config->contains(QStringLiteral("agents"))) {
        if (!rules.allowAgentDispatch)
            return errorResponse(
                403, QStringLiteral("room_config.agents (agent dispatch) may not be requested from this endpoint"));
        for (const QJsonValue& a : config->value(QStringLiteral("agents")).toArray()) {
            const QString agent = a.toObject().value(QStringLiteral("agentName")).toString();
            if (!rules.agentNames.isEmpty() && !rules.agentNames.contains(agent))
                return errorResponse(
                    403,
                    QStringLiteral("the agent \"%1\" may not be dispatched from this endpoint").arg(agent.left(64)));
        }
    }
    const QString name = config->value(QStringLiteral("name")).toString();
    if (!name.isEmpty() && name != room)
        return errorResponse(403, QStringLiteral("room_config.name must be the room the token is for"));
    return *config;
}

/** What both LiveKit types share: the fields, the policy, the credentials and the mint. */
class LiveKitEndpoint : public server::EndpointKind {
public:
    QStringList requestFields() const override
    {
        return {QStringLiteral("room"),     QStringLiteral("identity"),   QStringLiteral("name"),
                QStringLiteral("metadata"), QStringLiteral("attributes"), QStringLiteral("ttl"),
                QStringLiteral("grants"),   QStringLiteral("room_config")};
    }
    QStringList policyFields() const override
    {
        return {QStringLiteral("grants"),        QStringLiteral("allowRoomAdmin"), QStringLiteral("allowHidden"),
                QStringLiteral("allowRecorder"), QStringLiteral("allowAdmin"),     QStringLiteral("allowAgentDispatch"),
                QStringLiteral("agentNames")};
    }
    QString fixedClaimsField() const override { return QStringLiteral("grants"); }
    QStringList fixedClaimNames() const override
    {
        // The boolean members of the video grant an endpoint can fix (roomJoin is always set).
        return {QStringLiteral("canPublish"),
                QStringLiteral("canSubscribe"),
                QStringLiteral("canPublishData"),
                QStringLiteral("canUpdateOwnMetadata"),
                QStringLiteral("canSubscribeMetrics"),
                QStringLiteral("hidden"),
                QStringLiteral("recorder"),
                QStringLiteral("roomAdmin"),
                QStringLiteral("roomCreate"),
                QStringLiteral("roomList"),
                QStringLiteral("roomRecord"),
                QStringLiteral("ingressAdmin"),
                QStringLiteral("agent")};
    }
    Result<void> checkPolicy(const Policy& rules, const QString& field) const override
    {
        if (!rules.grants.isEmpty()) {
            if (auto ok = VideoGrant::fromJson(rules.grants); !ok)
                return std::unexpected(ok.error().at(field + QStringLiteral(".grants")));
        }
        return {};
    }
    bool canServe(Provider provider) const override { return provider == Provider::LiveKit; }
    Result<server::EndpointCredentials> credentialsFromEnvironment(const QProcessEnvironment& env) const override
    {
        auto values =
            server::requiredVariables(env, {QStringLiteral("LIVEKIT_API_KEY"), QStringLiteral("LIVEKIT_API_SECRET")});
        if (!values)
            return std::unexpected(values.error());
        server::EndpointCredentials c;
        c.provider = Provider::LiveKit;
        c.apiKey = values->at(0);
        c.secret = values->at(1).toUtf8();
        c.serverUrl = env.value(QStringLiteral("LIVEKIT_URL"));
        return c;
    }
    HandlerResponse handle(const server::EndpointCredentials& credentials, const Policy& rules,
                           const PreparedMinter* minter, RequestFields fields, const Clock& clock) const override
    {
        if (auto refused =
                policy::applyCommon(rules, fields, QStringLiteral("room"), QStringLiteral("identity"), true, true))
            return *refused;
        VideoGrant grant;
        grant.roomJoin = true;
        if (auto ok = grant.merge(rules.grants); !ok)
            return errorResponse(500, QStringLiteral("the endpoint's grants are invalid"));
        if (const QJsonValue asked = fields.value(QStringLiteral("grants")); !asked.isUndefined()) {
            if (auto refused = mergeRequestedGrants(rules, asked, grant))
                return *refused;
        }
        grant.room = policy::text(fields, QStringLiteral("room"));

        LiveKitClaims claims;
        claims.identity = policy::text(fields, QStringLiteral("identity"));
        claims.name = policy::text(fields, QStringLiteral("name"));
        claims.metadata = policy::text(fields, QStringLiteral("metadata"));
        claims.video = grant;
        const QJsonObject attributes = fields.value(QStringLiteral("attributes")).toObject();
        for (auto it = attributes.begin(); it != attributes.end(); ++it) {
            if (!it.value().isString())
                return errorResponse(400, QStringLiteral("attribute \"%1\" must be a string").arg(it.key()));
            claims.attributes.append({it.key(), it.value().toString()});
        }
        if (const QJsonValue rc = fields.value(QStringLiteral("room_config")); !rc.isUndefined() && !rc.isNull()) {
            auto config = checkedRoomConfig(rules, rc, grant.room);
            if (const auto* refused = std::get_if<HandlerResponse>(&config))
                return *refused;
            claims.roomConfig = std::get<QJsonObject>(config);
        }

        HandlerResponse r;
        const auto ttl = policy::ttl(rules, fields.value(QStringLiteral("ttl")), kDefaultTtlSeconds, r.headers);
        if (const auto* refused = std::get_if<HandlerResponse>(&ttl))
            return *refused;
        const auto* prepared = dynamic_cast<const PreparedLiveKit*>(minter);
        if (!prepared)
            return errorResponse(500, QStringLiteral("the endpoint's credentials are unusable"));
        auto minted = prepared->mintClaims(claims, std::get<qint64>(ttl), clock);
        if (!minted)
            return errorResponse(minted.error());
        answer(r, credentials, minted->token);
        r.identity = claims.identity;
        r.room = grant.room;
        r.grantsSummary = QString::fromUtf8(grant.toJson().serialize());
        return r;
    }

protected:
    /** Writes the minted token into the answer, in the type's form. */
    virtual void answer(HandlerResponse& r, const server::EndpointCredentials& credentials,
                        const QByteArray& token) const = 0;
};

class GetEndpoint final : public LiveKitEndpoint {
public:
    QString name() const override { return QStringLiteral("livekit-get"); }
    const char* title() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "LiveKit: GET ?room=&identity= (livekit-get)");
    }
    QStringList contractFields() const override
    {
        return {QStringLiteral("room"), QStringLiteral("identity"), QStringLiteral("name")};
    }
    QList<QPair<QString, QString>> sampleFields() const override
    {
        return {{QStringLiteral("room"), QStringLiteral("demo-room")},
                {QStringLiteral("identity"), QStringLiteral("alice")}};
    }
    QString readAnswerSnippet() const override { return QStringLiteral("const token = await response.text();"); }

protected:
    void answer(HandlerResponse& r, const server::EndpointCredentials& /*credentials*/,
                const QByteArray& token) const override
    {
        r.contentType = "text/plain; charset=utf-8";
        r.body = token;
    }
};

class StandardEndpoint final : public LiveKitEndpoint {
public:
    QString name() const override { return QStringLiteral("livekit-standard"); }
    const char* title() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "LiveKit: POST connection details (livekit-standard)");
    }
    bool usesPost() const override { return true; }
    QStringList contractFields() const override
    {
        // room_config is not among them: it can record, stream and dispatch agents, so a policy must list it.
        return {QStringLiteral("room"), QStringLiteral("identity"), QStringLiteral("name"), QStringLiteral("metadata"),
                QStringLiteral("attributes")};
    }
    Result<RequestFields> readBody(const QByteArray& body) const override
    {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
        if (!doc.isObject())
            return fail(ErrorCode::InvalidJson, QT_TRANSLATE_NOOP("td::Error", "the body must be a JSON object (%1)"),
                        err.errorString());
        static const QList<QPair<QString, QString>> names = {
            {QStringLiteral("room_name"), QStringLiteral("room")},
            {QStringLiteral("participant_identity"), QStringLiteral("identity")},
            {QStringLiteral("participant_name"), QStringLiteral("name")},
            {QStringLiteral("participant_metadata"), QStringLiteral("metadata")},
            {QStringLiteral("participant_attributes"), QStringLiteral("attributes")},
            {QStringLiteral("room_config"), QStringLiteral("room_config")},
            {QStringLiteral("grants"), QStringLiteral("grants")},
            {QStringLiteral("ttl"), QStringLiteral("ttl")}};
        static const QStringList textFields = {QStringLiteral("room"), QStringLiteral("identity"),
                                               QStringLiteral("name"), QStringLiteral("metadata")};
        RequestFields fields;
        const QJsonObject o = doc.object();
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
    QList<QPair<QString, QString>> sampleFields() const override
    {
        return {{QStringLiteral("room_name"), QStringLiteral("demo-room")},
                {QStringLiteral("participant_identity"), QStringLiteral("alice")},
                {QStringLiteral("participant_name"), QStringLiteral("Alice")}};
    }
    QString readAnswerSnippet() const override
    {
        return QStringLiteral("const { server_url, participant_token } = await response.json();");
    }

protected:
    void answer(HandlerResponse& r, const server::EndpointCredentials& credentials,
                const QByteArray& token) const override
    {
        r.status = 201;
        r.body =
            server::jsonResponse(201, QJsonObject{{QStringLiteral("server_url"), credentials.serverUrl},
                                                  {QStringLiteral("participant_token"), QString::fromLatin1(token)}})
                .body;
    }
};

} // namespace

const server::EndpointKind& getEndpoint()
{
    static const GetEndpoint kind;
    return kind;
}

const server::EndpointKind& standardEndpoint()
{
    static const StandardEndpoint kind;
    return kind;
}

} // namespace td::livekit
