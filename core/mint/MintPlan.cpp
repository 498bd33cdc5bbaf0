// SPDX-License-Identifier: MIT
#include "core/mint/MintPlan.h"

#include "core/mint/PlanMinter.h"
#include "core/providers/Registry.h"

#include <algorithm>

namespace td::mint {

QJsonObject MintPlan::toJson() const
{
    QJsonObject o{
        {QStringLiteral("provider"), providerName(provider)},
        {QStringLiteral("profile"), profile},
        {QStringLiteral("ttl"), ttlSeconds},
        {QStringLiteral("nbfSkew"), notBeforeSkew},
        {QStringLiteral("claims"), claims},
    };
    if (roomRaw)
        o.insert(QStringLiteral("roomRaw"), true);
    return o;
}

Result<MintPlan> MintPlan::fromJson(const QJsonObject& json)
{
    MintPlan plan;
    const auto provider = parseProvider(json.value(QStringLiteral("provider")).toString());
    if (!provider)
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "a mint plan needs provider livekit, zego, jaas or jitsi"));
    plan.provider = *provider;
    plan.profile = json.value(QStringLiteral("profile")).toString();
    plan.ttlSeconds = json.value(QStringLiteral("ttl")).toInteger();
    plan.notBeforeSkew = json.value(QStringLiteral("nbfSkew")).toInteger(10);
    plan.roomRaw = json.value(QStringLiteral("roomRaw")).toBool();
    plan.claims = json.value(QStringLiteral("claims")).toObject();
    return plan;
}

Result<MintedToken> mint(const MintPlan& plan, const credentials::Profile& profile,
                         const QHash<QString, QByteArray>& secrets, const Clock& clock)
{
    if (plan.provider != profile.provider)
        return fail(ErrorCode::NotApplicable, QT_TRANSLATE_NOOP("td::Error", "profile %1 is for %2, not %3"),
                    profile.name, providerName(profile.provider), providerName(plan.provider));
    auto minter = PlanMinter::create(profile, secrets);
    if (!minter)
        return std::unexpected(minter.error());
    return minter->mint(plan, clock);
}

Result<VerifyCredentials> verifyCredentials(const credentials::Profile& profile,
                                            const QHash<QString, QByteArray>& secrets)
{
    const ProviderModule* module = findModule(profile.provider);
    if (!module) {
        VerifyCredentials c;
        c.provider = profile.provider;
        return c;
    }
    return module->verifyCredentials(profile, secrets);
}

Result<MintOutcome> mintAndInspect(const MintPlan& plan, const credentials::Profile& profile,
                                   const QHash<QString, QByteArray>& secrets, const Clock& clock)
{
    auto minted = mint(plan, profile, secrets, clock);
    if (!minted)
        return std::unexpected(minted.error());
    auto credentials = verifyCredentials(profile, secrets);
    if (!credentials)
        return std::unexpected(credentials.error());
    auto inspection = TokenInspector(clock).inspect(minted->token, *credentials);
    if (!inspection)
        return std::unexpected(inspection.error());
    MintOutcome out{*minted, *inspection, joinLink(plan, profile, minted->token)};
    QList<Finding> extra;
    for (const Finding& note : minted->notes) {
        const bool known = std::any_of(out.inspection.findings.cbegin(), out.inspection.findings.cend(),
                                       [&](const Finding& f) { return f.code == note.code; });
        if (!known)
            extra.append(note);
    }
    if (const ProviderModule* module = findModule(plan.provider))
        extra.append(
            module->profileFindings(minted->claims.toJsonValue().toObject(), profile, out.inspection.findings));
    out.inspection.findings = extra + out.inspection.findings;
    return out;
}

QString joinLink(const MintPlan& plan, const credentials::Profile& profile, const QByteArray& token)
{
    const ProviderModule* module = findModule(plan.provider);
    return module ? module->joinLink(plan, profile, token) : QString();
}

qint64 defaultTtlSeconds(Provider provider)
{
    const ProviderModule* module = findModule(provider);
    return module ? module->defaultTtlSeconds() : 3600;
}

QString identityOf(const MintPlan& plan)
{
    const ProviderModule* module = findModule(plan.provider);
    return module ? module->identityOf(plan) : QString();
}

QString roomOf(const MintPlan& plan)
{
    const ProviderModule* module = findModule(plan.provider);
    return module ? module->roomOf(plan) : QString();
}

QString grantsSummary(const MintPlan& plan)
{
    const ProviderModule* module = findModule(plan.provider);
    return module ? module->grantsSummary(plan) : QString();
}

} // namespace td::mint
