// SPDX-License-Identifier: MIT
#include "core/providers/vonage/VonageEndpoints.h"

#include "core/crypto/Pem.h"
#include "core/providers/vonage/VonageModule.h"

namespace td::vonage {
namespace {

using server::errorResponse;
using server::HandlerResponse;
using server::Policy;
using server::RequestFields;
namespace policy = server::policy;

/** The claims a client asked for, judged by the policy: the session by the room rules, the data by the identity
 *  rules, a role only when the policy lists it (none asked: publisher, both SDKs' default). */
std::variant<SessionClaims, HandlerResponse> requested(const Policy& rules, RequestFields& fields)
{
    if (auto refused =
            policy::applyCommon(rules, fields, QStringLiteral("session_id"), QStringLiteral("data"), true, false))
        return *refused;
    SessionClaims c;
    c.sessionId = policy::text(fields, QStringLiteral("session_id"));
    c.connectionData = policy::text(fields, QStringLiteral("data"));
    const QString role = policy::text(fields, QStringLiteral("role"));
    if (!role.isEmpty()) {
        if (!rules.roles.contains(role))
            return errorResponse(
                403, QStringLiteral("the role \"%1\" may not be requested from this endpoint").arg(role.left(64)));
        c.role = role;
    }
    if (auto ok = validateClaims(c); !ok)
        return errorResponse(ok.error());
    return c;
}

class SessionEndpoint : public server::EndpointKind {
public:
    QStringList requestFields() const override
    {
        return {QStringLiteral("session_id"), QStringLiteral("role"), QStringLiteral("data"), QStringLiteral("ttl")};
    }
    QStringList contractFields() const override { return {QStringLiteral("session_id"), QStringLiteral("data")}; }
    QStringList policyFields() const override { return {QStringLiteral("roles")}; }
    QList<QPair<QString, QString>> sampleFields() const override
    {
        return {{QStringLiteral("session_id"), QStringLiteral("2_MX4xMjM0NTY3OH5-demo")},
                {QStringLiteral("data"), QStringLiteral("name=alice")}};
    }

protected:
    /** Mints with the endpoint's minter; `answer` names the fields the client SDK needs besides the token. */
    template <typename Prepared, typename Mint>
    HandlerResponse serve(const Policy& rules, const PreparedMinter* minter, RequestFields& fields, Mint mint,
                          QJsonObject answer) const
    {
        auto claims = requested(rules, fields);
        if (const auto* refused = std::get_if<HandlerResponse>(&claims))
            return *refused;
        const SessionClaims& c = std::get<SessionClaims>(claims);
        HandlerResponse r;
        const auto ttl = policy::ttl(rules, fields.value(QStringLiteral("ttl")), kDefaultTtlSeconds, r.headers);
        if (const auto* refused = std::get_if<HandlerResponse>(&ttl))
            return *refused;
        const auto* prepared = dynamic_cast<const Prepared*>(minter);
        if (!prepared)
            return errorResponse(500, QStringLiteral("the endpoint's credentials are unusable"));
        auto minted = mint(*prepared, c, std::get<qint64>(ttl));
        if (!minted)
            return errorResponse(minted.error());
        answer.insert(QStringLiteral("token"), QString::fromLatin1(minted->token));
        answer.insert(QStringLiteral("sessionId"), c.sessionId);
        r.body = server::jsonResponse(200, answer).body;
        r.identity = c.connectionData;
        r.room = c.sessionId;
        r.grantsSummary = summary(c);
        return r;
    }
};

class VonageGet final : public SessionEndpoint {
public:
    QString name() const override { return QStringLiteral("vonage-get"); }
    const char* title() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "Vonage Video: GET ?session_id= (vonage-get)");
    }
    bool canServe(Provider provider) const override { return provider == Provider::Vonage; }
    bool signsWithRsa(const server::EndpointCredentials& /*credentials*/) const override { return true; }
    Result<server::EndpointCredentials> credentialsFromEnvironment(const QProcessEnvironment& env) const override
    {
        auto values = server::requiredVariables(
            env, {QStringLiteral("VONAGE_APPLICATION_ID"), QStringLiteral("VONAGE_PRIVATE_KEY")});
        if (!values)
            return std::unexpected(values.error());
        auto pem = crypto::pemOrKeyFile(values->at(1).toUtf8(), QStringLiteral("VONAGE_PRIVATE_KEY"));
        if (!pem)
            return std::unexpected(pem.error());
        auto key = crypto::loadRsaPrivateKey(*pem);
        if (!key)
            return fail(key.error().in(QStringLiteral("VONAGE_PRIVATE_KEY: ")));
        server::EndpointCredentials c;
        c.provider = Provider::Vonage;
        c.appId = values->at(0);
        c.privateKey = *key;
        return c;
    }
    HandlerResponse handle(const server::EndpointCredentials& credentials, const Policy& rules,
                           const PreparedMinter* minter, RequestFields fields, const Clock& clock) const override
    {
        return serve<PreparedVonage>(
            rules, minter, fields,
            [&clock](const PreparedVonage& p, const SessionClaims& c, qint64 ttl) {
                return p.mintClaims(c, ttl, clock);
            },
            QJsonObject{{QStringLiteral("applicationId"), credentials.appId}});
    }
};

class OpenTokGet final : public SessionEndpoint {
public:
    QString name() const override { return QStringLiteral("opentok-get"); }
    const char* title() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "OpenTok: GET ?session_id= (opentok-get)");
    }
    bool canServe(Provider provider) const override { return provider == Provider::OpenTok; }
    Result<server::EndpointCredentials> credentialsFromEnvironment(const QProcessEnvironment& env) const override
    {
        auto values =
            server::requiredVariables(env, {QStringLiteral("OPENTOK_API_KEY"), QStringLiteral("OPENTOK_API_SECRET")});
        if (!values)
            return std::unexpected(values.error());
        server::EndpointCredentials c;
        c.provider = Provider::OpenTok;
        c.apiKey = values->at(0);
        c.secret = values->at(1).toUtf8();
        return c;
    }
    HandlerResponse handle(const server::EndpointCredentials& credentials, const Policy& rules,
                           const PreparedMinter* minter, RequestFields fields, const Clock& clock) const override
    {
        return serve<PreparedOpenTok>(
            rules, minter, fields,
            [&clock](const PreparedOpenTok& p, const SessionClaims& c, qint64 ttl) {
                return p.mintClaims(c, ttl, OpenTokFormat::T1, clock);
            },
            QJsonObject{{QStringLiteral("apiKey"), credentials.apiKey}});
    }
};

} // namespace

const server::EndpointKind& vonageEndpoint()
{
    static const VonageGet kind;
    return kind;
}

const server::EndpointKind& openTokEndpoint()
{
    static const OpenTokGet kind;
    return kind;
}

} // namespace td::vonage
