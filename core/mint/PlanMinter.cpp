// SPDX-License-Identifier: MIT
#include "core/mint/PlanMinter.h"

#include "core/crypto/Pem.h"
#include "core/providers/jitsi/JitsiToken.h"
#include "core/providers/livekit/LiveKitGrants.h"
#include "core/providers/zego/KitToken.h"
#include "core/providers/zego/Token04.h"

namespace td::mint {
namespace {

// What LiveKit's claims reader understands; anything else in a plan is passed through as a custom claim.
const QStringList& liveKitKnownClaims()
{
    static const QStringList keys{
        QStringLiteral("sub"),        QStringLiteral("jti"),           QStringLiteral("name"),
        QStringLiteral("video"),      QStringLiteral("sip"),           QStringLiteral("agent"),
        QStringLiteral("inference"),  QStringLiteral("observability"), QStringLiteral("roomConfig"),
        QStringLiteral("roomPreset"), QStringLiteral("metadata"),      QStringLiteral("attributes"),
        QStringLiteral("kind"),       QStringLiteral("kindDetails"),   QStringLiteral("sha256"),
    };
    return keys;
}

} // namespace

Result<crypto::RsaPrivateKey> profilePrivateKey(const QHash<QString, QByteArray>& secrets)
{
    const QByteArray pem = secrets.value(QStringLiteral("privateKey"));
    if (pem.isEmpty())
        return fail(ErrorCode::EmptyKey, QT_TRANSLATE_NOOP("td::Error", "the profile has no private key"));
    auto key = crypto::loadRsaPrivateKey(pem);
    if (!key)
        return fail(key.error().in(QStringLiteral("the profile's private key: ")));
    return key;
}

Result<quint32> zegoAppId(const QString& text)
{
    bool ok = false;
    const qulonglong id = text.trimmed().toULongLong(&ok);
    if (!ok || id == 0 || id > 0xffffffffULL)
        return fail(ErrorCode::ZegoAppIdInvalid,
                    QT_TRANSLATE_NOOP("td::Error", "the profile's AppID must be a non-zero 32-bit number"));
    return static_cast<quint32>(id);
}

Result<PlanMinter> PlanMinter::create(const credentials::Profile& profile, const QHash<QString, QByteArray>& secrets)
{
    PlanMinter minter(profile);
    switch (profile.provider) {
    case Provider::LiveKit: {
        auto lk = livekit::LiveKitMinter::create(profile.apiKey, secrets.value(QStringLiteral("apiSecret")));
        if (!lk)
            return std::unexpected(lk.error());
        minter.m_liveKit.emplace(std::move(*lk));
        return minter;
    }
    case Provider::Zego: {
        auto appId = zegoAppId(profile.appId);
        if (!appId)
            return std::unexpected(appId.error());
        minter.m_zegoAppId = *appId;
        minter.m_symmetricSecret = secrets.value(QStringLiteral("serverSecret"));
        return minter;
    }
    case Provider::Jitsi:
        minter.m_symmetricSecret = secrets.value(QStringLiteral("appSecret"));
        if (!minter.m_symmetricSecret.isEmpty())
            return minter;
        [[fallthrough]];
    case Provider::Jaas: {
        auto key = profilePrivateKey(secrets);
        if (!key)
            return std::unexpected(key.error());
        minter.m_privateKey.emplace(std::move(*key));
        return minter;
    }
    case Provider::Unknown: break;
    }
    return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "the profile has no provider"));
}

Result<MintedToken> PlanMinter::mint(const MintPlan& plan, const Clock& clock, const crypto::RandomSource& random) const
{
    if (plan.provider != m_profile.provider)
        return fail(ErrorCode::NotApplicable, QT_TRANSLATE_NOOP("td::Error", "profile %1 is for %2, not %3"),
                    m_profile.name, providerName(m_profile.provider), providerName(plan.provider));
    if (plan.ttlSeconds <= 0)
        return fail(ErrorCode::OutOfRange, QT_TRANSLATE_NOOP("td::Error", "the TTL must be positive"));
    switch (plan.provider) {
    case Provider::LiveKit: return mintLiveKit(plan, clock);
    case Provider::Zego: return mintZego(plan, clock, random);
    case Provider::Jaas:
    case Provider::Jitsi: return mintJitsi(plan, clock);
    case Provider::Unknown: break;
    }
    return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "unknown provider"));
}

Result<MintedToken> PlanMinter::mintLiveKit(const MintPlan& plan, const Clock& clock) const
{
    QList<Finding> findings;
    const livekit::LiveKitClaims claims = livekit::readClaims(plan.claims, findings);
    for (const Finding& f : findings) {
        if (f.severity == Severity::Error)
            return fail(findingError(f, ErrorCode::InvalidValue));
    }
    QJsonObject extra;
    for (auto it = plan.claims.begin(); it != plan.claims.end(); ++it) {
        if (!liveKitKnownClaims().contains(it.key()))
            extra.insert(it.key(), it.value());
    }
    return mintLiveKit(claims, plan.ttlSeconds, clock, extra);
}

Result<MintedToken> PlanMinter::mintLiveKit(const livekit::LiveKitClaims& claims, qint64 ttlSeconds, const Clock& clock,
                                            const QJsonObject& extraClaims) const
{
    if (!m_liveKit)
        return fail(ErrorCode::NotApplicable, QT_TRANSLATE_NOOP("td::Error", "profile %1 is not a LiveKit profile"),
                    m_profile.name);
    if (ttlSeconds <= 0)
        return fail(ErrorCode::OutOfRange, QT_TRANSLATE_NOOP("td::Error", "the TTL must be positive"));
    return m_liveKit->mint(claims, ttlSeconds, clock, extraClaims);
}

Result<MintedToken> PlanMinter::mintZego(const MintPlan& plan, const Clock& clock,
                                         const crypto::RandomSource& random) const
{
    zego::Token04Request request;
    request.appId = m_zegoAppId;
    request.userId = plan.claims.value(QStringLiteral("user_id")).toString();
    request.serverSecret = m_symmetricSecret;
    request.effectiveSeconds = plan.ttlSeconds;
    request.payload = plan.claims.value(QStringLiteral("payload")).toString();
    request.random = random;
    const QString cipher = plan.claims.value(QStringLiteral("cipher")).toString(QStringLiteral("gcm"));
    const auto layout = zego::parseLayout(cipher);
    if (!layout)
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "cipher must be gcm or cbc, not \"%1\""),
                    cipher);
    request.layout = *layout;
    auto minted = zego::mintToken04(request, clock);
    if (!minted)
        return minted;
    const QJsonObject kit = plan.claims.value(QStringLiteral("kit")).toObject();
    if (!kit.isEmpty()) {
        const zego::KitInfo info{request.userId, kit.value(QStringLiteral("room_id")).toString(),
                                 kit.value(QStringLiteral("user_name")).toString(), request.appId};
        auto kitToken = zego::makeKitToken(minted->token, info);
        if (!kitToken)
            return std::unexpected(kitToken.error());
        minted->token = *kitToken;
    }
    return minted;
}

Result<MintedToken> PlanMinter::mintJitsi(const MintPlan& plan, const Clock& clock) const
{
    auto claims = jitsi::claimsFromPayload(plan.claims);
    if (!claims)
        return std::unexpected(claims.error());
    claims->roomRaw = plan.roomRaw;
    if (plan.provider == Provider::Jaas) {
        jitsi::JaasRequest request{m_profile.appId, m_profile.keyId, *m_privateKey,
                                   *claims,         plan.ttlSeconds, plan.notBeforeSkew};
        return jitsi::mintJaas(request, clock);
    }
    jitsi::SelfHostedRequest request;
    request.appId = m_profile.appId;
    request.appSecret = m_symmetricSecret;
    if (m_privateKey)
        request.privateKey = *m_privateKey;
    request.keyId = m_profile.keyId;
    if (!m_profile.audience.isEmpty())
        request.audience = m_profile.audience;
    if (!m_profile.subject.isEmpty())
        request.subject = m_profile.subject;
    request.claims = *claims;
    request.ttlSeconds = plan.ttlSeconds;
    request.notBeforeSkew = plan.notBeforeSkew;
    return jitsi::mintSelfHosted(request, clock);
}

} // namespace td::mint
