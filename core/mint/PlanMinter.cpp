// SPDX-License-Identifier: MIT
#include "core/mint/PlanMinter.h"

#include "core/providers/Registry.h"
#include "core/providers/livekit/LiveKitModule.h"

namespace td::mint {

Result<PlanMinter> PlanMinter::create(const credentials::Profile& profile, const QHash<QString, QByteArray>& secrets)
{
    const ProviderModule* module = findModule(profile.provider);
    if (!module)
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "the profile has no provider"));
    auto prepared = module->prepare(profile, secrets);
    if (!prepared)
        return std::unexpected(prepared.error());
    return PlanMinter(profile, std::move(*prepared));
}

Result<MintedToken> PlanMinter::mint(const MintPlan& plan, const Clock& clock, const crypto::RandomSource& random) const
{
    if (plan.provider != m_profile.provider)
        return fail(ErrorCode::NotApplicable, QT_TRANSLATE_NOOP("td::Error", "profile %1 is for %2, not %3"),
                    m_profile.name, providerName(m_profile.provider), providerName(plan.provider));
    // Each provider's minter checks the TTL in its own order and words (Zego's official error 6).
    return m_prepared->mint(plan, clock, random);
}

Result<MintedToken> PlanMinter::mintLiveKit(const livekit::LiveKitClaims& claims, qint64 ttlSeconds, const Clock& clock,
                                            const QJsonObject& extraClaims) const
{
    const auto* liveKit = prepared<livekit::PreparedLiveKit>();
    if (!liveKit)
        return fail(ErrorCode::NotApplicable, QT_TRANSLATE_NOOP("td::Error", "profile %1 is not a LiveKit profile"),
                    m_profile.name);
    return liveKit->mintClaims(claims, ttlSeconds, clock, extraClaims);
}

} // namespace td::mint
