// SPDX-License-Identifier: MIT
#include "core/providers/hms/HmsEndpoints.h"

#include "core/providers/hms/HmsModule.h"

namespace td::hms {
namespace {

using server::errorResponse;
using server::HandlerResponse;
using server::Policy;
using server::RequestFields;
namespace policy = server::policy;

class GetEndpoint final : public server::EndpointKind {
public:
    QString name() const override { return QStringLiteral("100ms-get"); }
    const char* title() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "100ms: GET ?room_id=&user_id=&role= (100ms-get)");
    }
    QStringList requestFields() const override
    {
        return {QStringLiteral("room_id"), QStringLiteral("user_id"), QStringLiteral("role"), QStringLiteral("ttl")};
    }
    QStringList contractFields() const override
    {
        return {QStringLiteral("room_id"), QStringLiteral("user_id"), QStringLiteral("role")};
    }
    QStringList policyFields() const override { return {QStringLiteral("roles")}; }
    bool canServe(Provider provider) const override { return provider == Provider::Hms; }
    Result<server::EndpointCredentials> credentialsFromEnvironment(const QProcessEnvironment& env) const override
    {
        auto values = server::requiredVariables(env, {QStringLiteral("HMS_ACCESS_KEY"), QStringLiteral("HMS_SECRET")});
        if (!values)
            return std::unexpected(values.error());
        server::EndpointCredentials c;
        c.provider = Provider::Hms;
        c.apiKey = values->at(0);
        c.secret = values->at(1).toUtf8();
        return c;
    }
    HandlerResponse handle(const server::EndpointCredentials& /*credentials*/, const Policy& rules,
                           const PreparedMinter* minter, RequestFields fields, const Clock& clock) const override
    {
        if (auto refused =
                policy::applyCommon(rules, fields, QStringLiteral("room_id"), QStringLiteral("user_id"), true, true))
            return *refused;
        HmsClaims claims;
        claims.roomId = policy::text(fields, QStringLiteral("room_id"));
        claims.userId = policy::text(fields, QStringLiteral("user_id"));
        claims.role = policy::text(fields, QStringLiteral("role"));
        // A client gets a role only when the policy lists it: a role is what the room lets its holder do.
        if (!rules.roles.contains(claims.role))
            return errorResponse(403, claims.role.isEmpty()
                                          ? QStringLiteral("give a role this endpoint's policy lists")
                                          : QStringLiteral("the role \"%1\" may not be requested from this endpoint")
                                                .arg(claims.role.left(64)));
        if (auto ok = validateClaims(claims); !ok)
            return errorResponse(ok.error());
        HandlerResponse r;
        const auto ttl = policy::ttl(rules, fields.value(QStringLiteral("ttl")), kDefaultTtlSeconds, r.headers);
        if (const auto* refused = std::get_if<HandlerResponse>(&ttl))
            return *refused;
        const auto* prepared = dynamic_cast<const PreparedHms*>(minter);
        if (!prepared)
            return errorResponse(500, QStringLiteral("the endpoint's credentials are unusable"));
        auto minted = prepared->mintClaims(claims, std::get<qint64>(ttl), clock);
        if (!minted)
            return errorResponse(minted.error());
        r.body = server::jsonResponse(200, QJsonObject{{QStringLiteral("token"), QString::fromLatin1(minted->token)},
                                                       {QStringLiteral("roomId"), claims.roomId},
                                                       {QStringLiteral("userId"), claims.userId},
                                                       {QStringLiteral("role"), claims.role}})
                     .body;
        r.identity = claims.userId;
        r.room = claims.roomId;
        r.grantsSummary = summary(claims);
        return r;
    }
    QList<QPair<QString, QString>> sampleFields() const override
    {
        return {{QStringLiteral("room_id"), QStringLiteral("6421a1b2c3d4e5f6a7b8c9d0")},
                {QStringLiteral("user_id"), QStringLiteral("alice")},
                {QStringLiteral("role"), QStringLiteral("guest")}};
    }
};

} // namespace

const server::EndpointKind& getEndpoint()
{
    static const GetEndpoint kind;
    return kind;
}

} // namespace td::hms
