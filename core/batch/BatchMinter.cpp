// SPDX-License-Identifier: MIT
#include "core/batch/BatchMinter.h"

#include "core/crypto/Crypto.h"
#include "core/providers/livekit/LiveKitModule.h"

namespace td::batch {
namespace {

/** grantsSummary() remembered per thread for the last few grant sets: batches repeat a handful of presets. */
QString summaryOf(const livekit::LiveKitClaims& claims)
{
    if (!claims.video || claims.sip || claims.agent)
        return livekit::grantsSummary(claims);
    const QByteArray key = claims.video->toJson().serialize();
    thread_local QHash<QByteArray, QString> cache;
    if (const auto it = cache.constFind(key); it != cache.cend())
        return it.value();
    QString summary = livekit::grantsSummary(claims);
    if (cache.size() < 64)
        cache.insert(key, summary);
    return summary;
}

} // namespace

QString reproducibleRefusal(const credentials::Profile& profile)
{
    if (profile.environment != QStringLiteral("prod"))
        return {};
    return QStringLiteral("--clock and --seed are refused for profile %1, which is tagged prod: reproducible tokens "
                          "are predictable (fixed times, nonces and IVs). Use a dev or staging profile for golden "
                          "tokens")
        .arg(profile.name);
}

Result<BatchMinter> BatchMinter::create(const credentials::Profile& profile, const QHash<QString, QByteArray>& secrets,
                                        BatchOptions options)
{
    if (options.seed || options.fixedClock) {
        if (const QString refusal = reproducibleRefusal(profile); !refusal.isEmpty())
            return fail(ErrorCode::Conflict, refusal);
    }
    auto minter = mint::PlanMinter::create(profile, secrets);
    if (!minter)
        return std::unexpected(minter.error());
    return BatchMinter(std::move(*minter), std::move(options));
}

BatchMinter::BatchMinter(mint::PlanMinter minter, BatchOptions options)
    : m_minter(std::move(minter)), m_options(std::move(options))
{
    // The link for a token "T" is the prefix followed by T; work the prefix out once instead of per row.
    const QString probe =
        livekit::meetLink(m_minter.profile().serverUrl, QStringLiteral("room"), QByteArrayLiteral("T"));
    if (!probe.isEmpty())
        m_liveKitLinkPrefix = probe.chopped(1);
}

RowResult BatchMinter::mintRow(const InputRow& row, const Clock& clock)
{
    RowResult result = mintOnly(row, clock);
    checkAgainstEarlierRows(result);
    return result;
}

RowResult BatchMinter::mintOnly(const InputRow& row, const Clock& clock) const
{
    RowResult result;
    result.line = row.line;
    auto plan = planForRow(row, m_minter.profile(), m_options.defaults);
    if (!plan) {
        result.error = plan.error().message;
        return result;
    }
    result.identity = plan->identity();
    result.room = plan->room();
    crypto::RandomSource random;
    if (m_options.seed)
        random = crypto::seededRandom(*m_options.seed + '#' + QByteArray::number(row.line));
    auto minted = plan->liveKit ? m_minter.mintLiveKit(*plan->liveKit, plan->base.ttlSeconds, clock, plan->liveKitExtra)
                                : m_minter.mint(plan->base, clock, random);
    if (!minted) {
        result.error = minted.error().message;
        return result;
    }
    result.token = minted->token;
    result.expiresAt = minted->expiresAt;
    if (plan->liveKit) {
        if (!m_liveKitLinkPrefix.isEmpty() && !result.room.isEmpty())
            result.joinLink = m_liveKitLinkPrefix + QLatin1StringView(minted->token);
        result.summary = summaryOf(*plan->liveKit);
    } else {
        result.joinLink = mint::joinLink(plan->base, m_minter.profile(), minted->token);
        result.summary = mint::grantsSummary(plan->base);
    }
    return result;
}

void BatchMinter::checkAgainstEarlierRows(RowResult& result)
{
    if (!result.ok())
        return;

    const size_t key = qHash(QStringView(result.identity), qHash(QStringView(result.room)));
    if (const auto it = m_seen.constFind(key); it == m_seen.cend())
        m_seen.insert(key, result.line);
    else
        result.warnings << QStringLiteral("identity \"%1\" is also on line %2 for room \"%3\": the second to join "
                                          "disconnects the first")
                               .arg(result.identity)
                               .arg(it.value())
                               .arg(result.room);
}

} // namespace td::batch
