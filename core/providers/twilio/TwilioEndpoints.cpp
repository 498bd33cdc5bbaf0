// SPDX-License-Identifier: MIT
#include "core/providers/twilio/TwilioEndpoints.h"

#include "core/providers/twilio/TwilioModule.h"

namespace td::twilio {
namespace {

using server::errorResponse;
using server::HandlerResponse;
using server::Policy;
using server::RequestFields;
namespace policy = server::policy;

class GetEndpoint final : public server::EndpointKind {
public:
    QString name() const override { return QStringLiteral("twilio-get"); }
    const char* title() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "Twilio Video: GET ?identity=&room= (twilio-get)");
    }
    QStringList requestFields() const override
    {
        return {QStringLiteral("identity"), QStringLiteral("room"), QStringLiteral("ttl")};
    }
    QStringList contractFields() const override { return {QStringLiteral("identity"), QStringLiteral("room")}; }
    bool canServe(Provider provider) const override { return provider == Provider::Twilio; }
    Result<server::EndpointCredentials> credentialsFromEnvironment(const QProcessEnvironment& env) const override
    {
        auto values =
            server::requiredVariables(env, {QStringLiteral("TWILIO_ACCOUNT_SID"), QStringLiteral("TWILIO_API_KEY"),
                                            QStringLiteral("TWILIO_API_SECRET")});
        if (!values)
            return std::unexpected(values.error());
        server::EndpointCredentials c;
        c.provider = Provider::Twilio;
        c.appId = values->at(0);
        c.apiKey = values->at(1);
        c.secret = values->at(2).toUtf8();
        return c;
    }
    HandlerResponse handle(const server::EndpointCredentials& /*credentials*/, const Policy& rules,
                           const PreparedMinter* minter, RequestFields fields, const Clock& clock) const override
    {
        // A room pattern makes the room required: a grant without a room would open every room of the account.
        if (auto refused = policy::applyCommon(rules, fields, QStringLiteral("room"), QStringLiteral("identity"),
                                               rules.roomPattern.has_value(), true))
            return *refused;
        TwilioGrants grants;
        grants.identity = policy::text(fields, QStringLiteral("identity"));
        grants.room = policy::text(fields, QStringLiteral("room"));
        if (auto ok = validateGrants(grants); !ok)
            return errorResponse(ok.error());
        HandlerResponse r;
        const auto ttl = policy::ttl(rules, fields.value(QStringLiteral("ttl")), kDefaultTtlSeconds, r.headers);
        if (const auto* refused = std::get_if<HandlerResponse>(&ttl))
            return *refused;
        const auto* prepared = dynamic_cast<const PreparedTwilio*>(minter);
        if (!prepared)
            return errorResponse(500, QStringLiteral("the endpoint's credentials are unusable"));
        auto minted = prepared->mintGrants(grants, std::get<qint64>(ttl), clock);
        if (!minted)
            return errorResponse(minted.error());
        r.body = server::jsonResponse(200, QJsonObject{{QStringLiteral("token"), QString::fromLatin1(minted->token)},
                                                       {QStringLiteral("identity"), grants.identity},
                                                       {QStringLiteral("room"), grants.room}})
                     .body;
        r.identity = grants.identity;
        r.room = grants.room;
        r.grantsSummary = summary(grants);
        return r;
    }
    QList<QPair<QString, QString>> sampleFields() const override
    {
        return {{QStringLiteral("identity"), QStringLiteral("alice")},
                {QStringLiteral("room"), QStringLiteral("demo-room")}};
    }
};

} // namespace

const server::EndpointKind& getEndpoint()
{
    static const GetEndpoint kind;
    return kind;
}

} // namespace td::twilio
