// SPDX-License-Identifier: MIT
#include "core/providers/zego/ZegoEndpoints.h"

#include "core/mint/MintPlan.h"
#include "core/providers/ProviderModule.h"
#include "core/providers/zego/KitToken.h"
#include "core/providers/zego/Token04.h"

namespace td::zego {
namespace {

using server::errorResponse;
using server::HandlerResponse;
using server::Policy;
using server::RequestFields;
namespace policy = server::policy;

class GetEndpoint final : public server::EndpointKind {
public:
    QString name() const override { return QStringLiteral("zego-get"); }
    const char* title() const override
    {
        return QT_TRANSLATE_NOOP("td::Provider", "ZEGOCLOUD: GET ?userID= (zego-get)");
    }
    QStringList requestFields() const override
    {
        return {QStringLiteral("userID"), QStringLiteral("expired_ts"), QStringLiteral("roomID"),
                QStringLiteral("userName")};
    }
    QStringList contractFields() const override { return requestFields(); }
    bool canServe(Provider provider) const override { return provider == Provider::Zego; }
    Result<server::EndpointCredentials> credentialsFromEnvironment(const QProcessEnvironment& env) const override
    {
        auto values =
            server::requiredVariables(env, {QStringLiteral("ZEGO_APP_ID"), QStringLiteral("ZEGO_SERVER_SECRET")});
        if (!values)
            return std::unexpected(values.error());
        server::EndpointCredentials c;
        c.provider = Provider::Zego;
        c.appId = values->at(0);
        c.secret = values->at(1).toUtf8();
        return c;
    }
    Result<void> checkCredentials(const server::EndpointCredentials& c) const override
    {
        bool idOk = false;
        const qulonglong id = c.appId.toULongLong(&idOk);
        if (!idOk || id == 0 || id > 0xffffffffULL)
            return fail(ErrorCode::InvalidValue,
                        QT_TRANSLATE_NOOP("td::Error", "the ZEGOCLOUD AppID is not a non-zero 32-bit number"));
        if (c.secret.size() != 32)
            return fail(ErrorCode::InvalidValue,
                        QT_TRANSLATE_NOOP("td::Error", "the ZEGOCLOUD ServerSecret is not a 32-character secret"));
        return {};
    }
    HandlerResponse handle(const server::EndpointCredentials& credentials, const Policy& rules,
                           const PreparedMinter* minter, RequestFields fields, const Clock& clock) const override
    {
        if (auto refused =
                policy::applyCommon(rules, fields, QStringLiteral("roomID"), QStringLiteral("userID"), false, true))
            return *refused;
        HandlerResponse r;
        const auto ttl =
            policy::ttl(rules, fields.value(QStringLiteral("expired_ts")), kDefaultEffectiveSeconds, r.headers);
        if (const auto* refused = std::get_if<HandlerResponse>(&ttl))
            return *refused;
        if (!minter)
            return errorResponse(500, QStringLiteral("the endpoint's credentials are unusable"));
        const QString userId = policy::text(fields, QStringLiteral("userID"));
        mint::MintPlan plan;
        plan.provider = Provider::Zego;
        plan.ttlSeconds = std::get<qint64>(ttl);
        plan.claims.insert(QStringLiteral("user_id"), userId);
        auto minted = minter->mint(plan, clock, crypto::RandomSource{});
        if (!minted)
            return errorResponse(minted.error());
        QJsonObject body{{QStringLiteral("token"), QString::fromLatin1(minted->token)}};
        const QString roomId = policy::text(fields, QStringLiteral("roomID"));
        const QString userName = policy::text(fields, QStringLiteral("userName"));
        if (!roomId.isEmpty() && !userName.isEmpty()) {
            auto kit = makeKitToken(minted->token, KitInfo{userId, roomId, userName, credentials.appId.toUInt()});
            if (!kit)
                return errorResponse(kit.error());
            body.insert(QStringLiteral("kitToken"), QString::fromLatin1(*kit));
        }
        r.body = server::jsonResponse(200, body).body;
        r.identity = userId;
        r.room = roomId;
        r.grantsSummary = QStringLiteral("token04");
        return r;
    }
    QList<QPair<QString, QString>> sampleFields() const override
    {
        return {{QStringLiteral("userID"), QStringLiteral("alice")},
                {QStringLiteral("roomID"), QStringLiteral("demo-room")}};
    }
};

} // namespace

const server::EndpointKind& getEndpoint()
{
    static const GetEndpoint kind;
    return kind;
}

} // namespace td::zego
