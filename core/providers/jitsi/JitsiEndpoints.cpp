// SPDX-License-Identifier: MIT
#include "core/providers/jitsi/JitsiEndpoints.h"

#include "core/crypto/Pem.h"
#include "core/providers/Registry.h"
#include "core/providers/jitsi/JitsiClaims.h"
#include "core/providers/jitsi/JitsiModule.h"
#include "core/providers/jitsi/JitsiRoom.h"

namespace td::jitsi {
namespace {

using server::errorResponse;
using server::HandlerResponse;
using server::Policy;
using server::RequestFields;
namespace policy = server::policy;

class GetEndpoint final : public server::EndpointKind {
public:
    QString name() const override { return QStringLiteral("jitsi-get"); }
    const char* title() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "Jitsi / JaaS: GET ?room=&user_id= (jitsi-get)");
    }
    QStringList requestFields() const override
    {
        return {QStringLiteral("room"),       QStringLiteral("user_id"),     QStringLiteral("user_name"),
                QStringLiteral("user_email"), QStringLiteral("user_avatar"), QStringLiteral("user_moderator"),
                QStringLiteral("ttl"),        QStringLiteral("features")};
    }
    QStringList contractFields() const override
    {
        return {QStringLiteral("room"), QStringLiteral("user_id"), QStringLiteral("user_name"),
                QStringLiteral("user_email"), QStringLiteral("user_moderator")};
    }
    QStringList policyFields() const override
    {
        return {QStringLiteral("features"), QStringLiteral("allowModerator"), QStringLiteral("allowAnyRoom")};
    }
    QString fixedClaimsField() const override { return QStringLiteral("features"); }
    QStringList fixedClaimNames() const override { return knownFeatures(); }
    Result<void> checkPolicy(const Policy& rules, const QString& field) const override
    {
        for (auto it = rules.features.begin(); it != rules.features.end(); ++it) {
            if (!knownFeatures().contains(it.key()) || !it.value().isBool())
                return fail(makeError(ErrorCode::InvalidValue,
                                      QT_TRANSLATE_NOOP("td::Error", "a known feature set to true or false"), {})
                                .at(field + QStringLiteral(".features.") + it.key()));
        }
        return {};
    }
    QString policyWarning(const Policy& rules) const override
    {
        if (rules.roomPattern)
            return {};
        return QStringLiteral("no room pattern, so a client may ask for a token for any room name it likes%1")
            .arg(rules.allowAnyRoom ? QStringLiteral(", and allowAnyRoom lets it ask for every room (\"*\")")
                                    : QString());
    }
    bool canServe(Provider provider) const override
    {
        return provider == Provider::Jaas || provider == Provider::Jitsi;
    }
    Result<server::EndpointCredentials> credentialsFromEnvironment(const QProcessEnvironment& env) const override
    {
        server::EndpointCredentials c;
        if (!env.value(QStringLiteral("JAAS_APP_ID")).isEmpty()) {
            c.provider = Provider::Jaas;
            c.appId = env.value(QStringLiteral("JAAS_APP_ID"));
            c.keyId = env.value(QStringLiteral("JAAS_KEY_ID"));
            auto key = crypto::loadRsaPrivateKey(env.value(QStringLiteral("JAAS_PRIVATE_KEY")).toUtf8());
            if (!key)
                return fail(key.error().at(QStringLiteral("JAAS_PRIVATE_KEY")));
            c.privateKey = *key;
            return c;
        }
        auto values =
            server::requiredVariables(env, {QStringLiteral("JITSI_APP_ID"), QStringLiteral("JITSI_APP_SECRET")});
        if (!values)
            return std::unexpected(values.error());
        c.provider = Provider::Jitsi;
        c.appId = values->at(0);
        c.secret = values->at(1).toUtf8();
        c.subject = env.value(QStringLiteral("JITSI_DOMAIN"));
        return c;
    }
    bool signsWithRsa(const server::EndpointCredentials& c) const override
    {
        return !c.privateKey.isNull() && (c.provider == Provider::Jaas || c.secret.isEmpty());
    }
    HandlerResponse handle(const server::EndpointCredentials& credentials, const Policy& rules,
                           const PreparedMinter* minter, RequestFields fields, const Clock& clock) const override
    {
        if (auto refused = policy::applyFields(rules, fields))
            return *refused;
        // The room is written as Jitsi Meet joins it, and the policy judges that form: a pattern such as
        // "team-[a-z0-9%]+" sees "team-caf%c3%a9" whether the client sent "Team Café" or "team-caf%C3%A9". The
        // length limit applies to what the client sent (escapes make a name up to nine times longer).
        const QString askedRoom = policy::text(fields, QStringLiteral("room"));
        if (askedRoom.isEmpty())
            return errorResponse(400, QStringLiteral("\"room\" is required"));
        if (askedRoom.size() > rules.maxRoomLength)
            return errorResponse(400, QStringLiteral("\"room\" is longer than %1 characters").arg(rules.maxRoomLength));
        auto claim =
            roomClaimFor(askedRoom.trimmed() == QStringLiteral("*") ? QStringLiteral("*") : askedRoom, false, false);
        if (!claim)
            return errorResponse(claim.error());
        if (claim->written == QStringLiteral("*") && !rules.allowAnyRoom)
            return errorResponse(403, QStringLiteral("this endpoint does not grant tokens valid for any room (\"*\")"));
        if (rules.roomPattern && !rules.roomPattern->match(claim->written).hasMatch())
            return errorResponse(
                403,
                QStringLiteral("\"room\" %1 is not allowed by this endpoint's policy").arg(claim->written.left(64)));
        fields.insert(QStringLiteral("room"), claim->written);
        if (auto refused =
                policy::checkRoomAndIdentity(rules, fields, QString(), QStringLiteral("user_id"), false, false))
            return *refused;
        JitsiClaims claims;
        claims.room = claim->written;
        claims.roomRaw = true; // already the form Jitsi Meet joins, and the one the policy checked
        claims.user.id = policy::text(fields, QStringLiteral("user_id"));
        claims.user.name = policy::text(fields, QStringLiteral("user_name"));
        claims.user.email = policy::text(fields, QStringLiteral("user_email"));
        claims.user.avatar = policy::text(fields, QStringLiteral("user_avatar"));
        if (fields.contains(QStringLiteral("user_moderator"))) {
            const QJsonValue v = fields.value(QStringLiteral("user_moderator"));
            const QString word = v.isBool() ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                            : v.toString().trimmed().toLower();
            if (!QStringList{QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("1"), QStringLiteral("0")}
                     .contains(word))
                return errorResponse(400, QStringLiteral("user_moderator takes true, false, 1 or 0"));
            const bool wants = word == QStringLiteral("true") || word == QStringLiteral("1");
            if (wants && !rules.allowModerator)
                return errorResponse(403, QStringLiteral("moderator rights may not be requested from this endpoint"));
            claims.user.moderator = wants;
        }
        for (auto it = rules.features.begin(); it != rules.features.end(); ++it)
            claims.features.append({it.key(), it.value().toBool()});
        const QJsonObject asked = fields.value(QStringLiteral("features")).toObject();
        for (auto it = asked.begin(); it != asked.end(); ++it) {
            if (rules.features.contains(it.key()) &&
                rules.features.value(it.key()).toBool() != policy::truthy(it.value()))
                return errorResponse(403, QStringLiteral("the feature \"%1\" is fixed by this endpoint").arg(it.key()));
            if (!knownFeatures().contains(it.key()))
                return errorResponse(400, QStringLiteral("unknown feature \"%1\"").arg(it.key()));
            if (!rules.features.contains(it.key()))
                claims.features.append({it.key(), policy::truthy(it.value())});
        }
        HandlerResponse r;
        const ProviderModule* module = findModule(credentials.provider);
        const auto ttl = policy::ttl(rules, fields.value(QStringLiteral("ttl")),
                                     module ? module->defaultTtlSeconds() : 3600, r.headers);
        if (const auto* refused = std::get_if<HandlerResponse>(&ttl))
            return *refused;
        const auto* prepared = dynamic_cast<const PreparedJitsi*>(minter);
        if (!prepared)
            return errorResponse(500, QStringLiteral("the endpoint's credentials are unusable"));
        auto minted = prepared->mintClaims(claims, std::get<qint64>(ttl), kDefaultNotBeforeSkew, clock);
        if (!minted)
            return errorResponse(minted.error());
        const QString room = minted->claims.toJsonValue().toObject().value(QStringLiteral("room")).toString();
        QJsonObject body{{QStringLiteral("token"), QString::fromLatin1(minted->token)}, {QStringLiteral("room"), room}};
        if (room != QStringLiteral("*"))
            body.insert(QStringLiteral("roomPath"), joinLinkSegment(room));
        r.body = server::jsonResponse(200, body).body;
        r.identity = claims.user.id.isEmpty() ? claims.user.name : claims.user.id;
        r.room = claims.room;
        r.grantsSummary =
            claims.user.moderator.value_or(false) ? QStringLiteral("moderator") : QStringLiteral("participant");
        return r;
    }
    QList<QPair<QString, QString>> sampleFields() const override
    {
        return {{QStringLiteral("room"), QStringLiteral("demo-room")},
                {QStringLiteral("user_id"), QStringLiteral("alice")},
                {QStringLiteral("user_name"), QStringLiteral("Alice")}};
    }
};

} // namespace

const server::EndpointKind& getEndpoint()
{
    static const GetEndpoint kind;
    return kind;
}

} // namespace td::jitsi
