// SPDX-License-Identifier: MIT
#include "core/providers/stream/StreamEndpoints.h"

#include "core/providers/stream/StreamModule.h"

#include <QJsonArray>

namespace td::stream {
namespace {

using server::errorResponse;
using server::HandlerResponse;
using server::Policy;
using server::RequestFields;
namespace policy = server::policy;

class GetEndpoint final : public server::EndpointKind {
public:
    QString name() const override { return QStringLiteral("stream-get"); }
    const char* title() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "Stream: GET ?user_id=&call_cids= (stream-get)");
    }
    QStringList requestFields() const override
    {
        return {QStringLiteral("user_id"), QStringLiteral("call_cids"), QStringLiteral("role"), QStringLiteral("ttl")};
    }
    QStringList contractFields() const override { return {QStringLiteral("user_id"), QStringLiteral("call_cids")}; }
    QStringList policyFields() const override { return {QStringLiteral("roles")}; }
    bool canServe(Provider provider) const override { return provider == Provider::Stream; }
    Result<server::EndpointCredentials> credentialsFromEnvironment(const QProcessEnvironment& env) const override
    {
        auto values =
            server::requiredVariables(env, {QStringLiteral("STREAM_API_KEY"), QStringLiteral("STREAM_API_SECRET")});
        if (!values)
            return std::unexpected(values.error());
        server::EndpointCredentials c;
        c.provider = Provider::Stream;
        c.apiKey = values->at(0);
        c.secret = values->at(1).toUtf8();
        return c;
    }
    HandlerResponse handle(const server::EndpointCredentials& credentials, const Policy& rules,
                           const PreparedMinter* minter, RequestFields fields, const Clock& clock) const override
    {
        // The identity rules judge user_id; the room rules judge each call cid (a pattern such as default:demo-.*).
        if (auto refused = policy::applyCommon(rules, fields, QString(), QStringLiteral("user_id"), false, true))
            return *refused;
        StreamClaims claims;
        claims.userId = policy::text(fields, QStringLiteral("user_id"));
        for (const QString& cid :
             policy::text(fields, QStringLiteral("call_cids")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString trimmed = cid.trimmed();
            if (trimmed.size() > rules.maxRoomLength)
                return errorResponse(
                    400, QStringLiteral("a call cid is longer than %1 characters").arg(rules.maxRoomLength));
            if (rules.roomPattern && !rules.roomPattern->match(trimmed).hasMatch())
                return errorResponse(
                    403, QStringLiteral("the call %1 is not allowed by this endpoint's policy").arg(trimmed.left(64)));
            claims.callCids << trimmed;
        }
        if (claims.callCids.isEmpty() && rules.roomPattern)
            return errorResponse(403, QStringLiteral("this endpoint grants call tokens only: give call_cids"));
        claims.role = policy::text(fields, QStringLiteral("role"));
        if (!claims.role.isEmpty() && !rules.roles.contains(claims.role))
            return errorResponse(
                403,
                QStringLiteral("the role \"%1\" may not be requested from this endpoint").arg(claims.role.left(64)));
        if (auto ok = validateClaims(claims); !ok)
            return errorResponse(ok.error());
        HandlerResponse r;
        const auto ttl = policy::ttl(rules, fields.value(QStringLiteral("ttl")), kDefaultTtlSeconds, r.headers);
        if (const auto* refused = std::get_if<HandlerResponse>(&ttl))
            return *refused;
        const auto* prepared = dynamic_cast<const PreparedStream*>(minter);
        if (!prepared)
            return errorResponse(500, QStringLiteral("the endpoint's credentials are unusable"));
        auto minted = prepared->mintClaims(claims, std::get<qint64>(ttl), clock);
        if (!minted)
            return errorResponse(minted.error());
        // What StreamVideoClient is built with: the app's key, the user and the token.
        r.body = server::jsonResponse(200, QJsonObject{{QStringLiteral("token"), QString::fromLatin1(minted->token)},
                                                       {QStringLiteral("apiKey"), credentials.apiKey},
                                                       {QStringLiteral("userId"), claims.userId}})
                     .body;
        r.identity = claims.userId;
        r.room = claims.callCids.join(QLatin1Char(','));
        r.grantsSummary = summary(claims);
        return r;
    }
    QList<QPair<QString, QString>> sampleFields() const override
    {
        return {{QStringLiteral("user_id"), QStringLiteral("alice")},
                {QStringLiteral("call_cids"), QStringLiteral("default:demo-room")}};
    }
};

} // namespace

const server::EndpointKind& getEndpoint()
{
    static const GetEndpoint kind;
    return kind;
}

} // namespace td::stream
