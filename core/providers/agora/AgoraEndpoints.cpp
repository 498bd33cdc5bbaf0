// SPDX-License-Identifier: MIT
#include "core/providers/agora/AgoraEndpoints.h"

#include "core/providers/agora/AgoraModule.h"

namespace td::agora {
namespace {

using server::errorResponse;
using server::HandlerResponse;
using server::Policy;
using server::RequestFields;
namespace policy = server::policy;

class GetEndpoint final : public server::EndpointKind {
public:
    QString name() const override { return QStringLiteral("agora-get"); }
    const char* title() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "Agora: GET ?channel=&uid= (agora-get)");
    }
    QStringList requestFields() const override
    {
        return {QStringLiteral("channel"), QStringLiteral("uid"), QStringLiteral("account"), QStringLiteral("role"),
                QStringLiteral("ttl")};
    }
    QStringList contractFields() const override
    {
        return {QStringLiteral("channel"), QStringLiteral("uid"), QStringLiteral("account")};
    }
    QStringList policyFields() const override { return {QStringLiteral("roles")}; }
    bool canServe(Provider provider) const override { return provider == Provider::Agora; }
    Result<server::EndpointCredentials> credentialsFromEnvironment(const QProcessEnvironment& env) const override
    {
        auto values =
            server::requiredVariables(env, {QStringLiteral("AGORA_APP_ID"), QStringLiteral("AGORA_APP_CERTIFICATE")});
        if (!values)
            return std::unexpected(values.error());
        server::EndpointCredentials c;
        c.provider = Provider::Agora;
        c.appId = values->at(0);
        c.secret = values->at(1).toUtf8();
        return c;
    }
    HandlerResponse handle(const server::EndpointCredentials& credentials, const Policy& rules,
                           const PreparedMinter* minter, RequestFields fields, const Clock& clock) const override
    {
        // The identity rules judge the uid or the account, whichever the client sent.
        const QString identityKey =
            fields.contains(QStringLiteral("account")) ? QStringLiteral("account") : QStringLiteral("uid");
        if (fields.contains(QStringLiteral("uid")) && fields.contains(QStringLiteral("account")))
            return errorResponse(400, QStringLiteral("give uid or account, not both"));
        if (auto refused = policy::applyCommon(rules, fields, QStringLiteral("channel"), identityKey, true, true))
            return *refused;
        AgoraClaims claims;
        claims.channel = policy::text(fields, QStringLiteral("channel"));
        const QString user = policy::text(fields, identityKey);
        if (identityKey == QStringLiteral("uid")) {
            bool ok = false;
            const qulonglong uid = user.toULongLong(&ok);
            if (!ok || uid > 4294967295ULL)
                return errorResponse(400, QStringLiteral("uid must be a whole number from 0 to 4294967295"));
            // uid 0 is a token for any user: only a policy whose identity pattern admits "0" grants one.
            claims.uid = static_cast<quint32>(uid);
        } else {
            claims.account = user;
        }
        // A client is a subscriber unless it asks for a role the policy lists.
        const QString role = policy::text(fields, QStringLiteral("role"));
        if (!role.isEmpty() && role != QStringLiteral("publisher") && role != QStringLiteral("subscriber"))
            return errorResponse(400, QStringLiteral("role is publisher or subscriber"));
        if (role == QStringLiteral("publisher") && !rules.roles.contains(role))
            return errorResponse(403, QStringLiteral("the role \"publisher\" may not be requested from this endpoint"));
        claims.publisher = role == QStringLiteral("publisher");
        HandlerResponse r;
        const auto ttl = policy::ttl(rules, fields.value(QStringLiteral("ttl")), kDefaultTtlSeconds, r.headers);
        if (const auto* refused = std::get_if<HandlerResponse>(&ttl))
            return *refused;
        if (auto ok = validateClaims(claims, std::get<qint64>(ttl)); !ok)
            return errorResponse(ok.error());
        const auto* prepared = dynamic_cast<const PreparedAgora*>(minter);
        if (!prepared)
            return errorResponse(500, QStringLiteral("the endpoint's credentials are unusable"));
        auto minted = prepared->mintClaims(claims, std::get<qint64>(ttl), clock);
        if (!minted)
            return errorResponse(minted.error());
        QJsonObject body{{QStringLiteral("token"), QString::fromLatin1(minted->token)},
                         {QStringLiteral("appId"), credentials.appId},
                         {QStringLiteral("channel"), claims.channel}};
        if (claims.uid)
            body.insert(QStringLiteral("uid"), static_cast<qint64>(*claims.uid));
        else
            body.insert(QStringLiteral("account"), claims.account);
        r.body = server::jsonResponse(200, body).body;
        r.identity = user;
        r.room = claims.channel;
        r.grantsSummary = summary(claims);
        return r;
    }
    QList<QPair<QString, QString>> sampleFields() const override
    {
        return {{QStringLiteral("channel"), QStringLiteral("demo-room")},
                {QStringLiteral("uid"), QStringLiteral("42")}};
    }
};

} // namespace

const server::EndpointKind& getEndpoint()
{
    static const GetEndpoint kind;
    return kind;
}

} // namespace td::agora
