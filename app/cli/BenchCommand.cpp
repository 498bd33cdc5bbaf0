// SPDX-License-Identifier: MIT
#include "app/cli/BenchCommand.h"

#include "app/cli/CliContext.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/SecretBytes.h"
#include "core/mint/PlanMinter.h"
#include "core/providers/jitsi/JitsiModule.h"
#include "core/providers/livekit/LiveKitGrants.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>
#include <vector>

namespace td::cli {
namespace {

using MintOne = std::function<bool(qint64 index)>;

/** A profile's own credentials when one is given (sizing a server for that account), else throw-away ones. */
struct BenchCredentials {
    const CliContext& context;
    QByteArray secretHex; // 32 characters, like a Zego ServerSecret

    QByteArray operator()(const char* variable, const QByteArray& fallback) const
    {
        return context.profileProvider() ? context.environmentValue(QLatin1String(variable)) : fallback;
    }
};

/** The profile's minter through the provider module, as every front door mints. */
Result<std::shared_ptr<const mint::PlanMinter>> prepare(Provider provider, const credentials::Profile& base,
                                                        const crypto::SecretMap& secrets)
{
    credentials::Profile profile = base;
    profile.provider = provider;
    auto minter = mint::PlanMinter::create(profile, secrets);
    if (!minter)
        return std::unexpected(minter.error());
    return std::make_shared<const mint::PlanMinter>(std::move(*minter));
}

Result<MintOne> liveKitMinter(const BenchCredentials& credential, const Clock& clock)
{
    credentials::Profile profile;
    profile.apiKey = QString::fromUtf8(credential("LIVEKIT_API_KEY", "bench-key"));
    auto minter = prepare(Provider::LiveKit, profile,
                          {{QStringLiteral("apiSecret"), credential("LIVEKIT_API_SECRET", credential.secretHex)}});
    if (!minter)
        return std::unexpected(minter.error());
    return MintOne([m = *minter, &clock](qint64 i) {
        livekit::LiveKitClaims claims;
        claims.identity = QStringLiteral("user-%1").arg(i);
        claims.name = QStringLiteral("User %1").arg(i);
        livekit::VideoGrant grant;
        grant.roomJoin = true;
        grant.room = QStringLiteral("bench-room");
        grant.canPublish = true;
        grant.canSubscribe = true;
        claims.video = grant;
        return m->mintLiveKit(claims, mint::defaultTtlSeconds(Provider::LiveKit), clock).has_value();
    });
}

Result<MintOne> zegoMinter(const BenchCredentials& credential, const Clock& clock)
{
    credentials::Profile profile;
    profile.appId = QString::number(credential("ZEGO_APP_ID", "1234567890").toUInt());
    auto minter = prepare(Provider::Zego, profile,
                          {{QStringLiteral("serverSecret"), credential("ZEGO_SERVER_SECRET", credential.secretHex)}});
    if (!minter)
        return std::unexpected(minter.error());
    return MintOne([m = *minter, &clock](qint64 i) {
        mint::MintPlan plan;
        plan.provider = Provider::Zego;
        plan.ttlSeconds = mint::defaultTtlSeconds(Provider::Zego);
        plan.claims.insert(QStringLiteral("user_id"), QStringLiteral("user-%1").arg(i));
        return m->mint(plan, clock).has_value();
    });
}

/** JaaS or self-hosted Jitsi: the claims minted as they are, through the module's prepared minter. */
MintOne jitsiFamilyMinter(std::shared_ptr<const mint::PlanMinter> minter, const Clock& clock)
{
    return MintOne([m = std::move(minter), &clock](qint64 i) {
        jitsi::JitsiClaims claims;
        claims.room = QStringLiteral("bench-room");
        claims.user.id = QStringLiteral("user-%1").arg(i);
        claims.user.name = QStringLiteral("User %1").arg(i);
        return m->prepared<jitsi::PreparedJitsi>()
            ->mintClaims(claims, jitsi::kDefaultTtlSeconds, jitsi::kDefaultNotBeforeSkew, clock)
            .has_value();
    });
}

Result<MintOne> jaasMinter(const Clock& clock)
{
    auto key = crypto::RsaPrivateKey::generate(2048);
    if (!key)
        return std::unexpected(key.error());
    credentials::Profile profile;
    profile.appId = QStringLiteral("vpaas-magic-cookie-0123456789abcdef0123456789abcdef");
    profile.keyId = QStringLiteral("bench");
    auto minter = prepare(Provider::Jaas, profile, {{QStringLiteral("privateKey"), key->pkcs8Pem()}});
    if (!minter)
        return std::unexpected(minter.error());
    return jitsiFamilyMinter(*minter, clock);
}

Result<MintOne> jitsiMinter(const BenchCredentials& credential, const Clock& clock)
{
    credentials::Profile profile;
    profile.appId = QString::fromUtf8(credential("JITSI_APP_ID", "bench-app"));
    profile.subject = QStringLiteral("meet.example.com");
    auto minter = prepare(Provider::Jitsi, profile,
                          {{QStringLiteral("appSecret"), credential("JITSI_APP_SECRET", credential.secretHex)}});
    if (!minter)
        return std::unexpected(minter.error());
    return jitsiFamilyMinter(*minter, clock);
}

/** Builds a minter for the provider with throw-away credentials; each call mints one token. */
Result<MintOne> makeMinter(const QString& provider, const CliContext& context)
{
    const Clock& clock = context.clock();
    auto secret = crypto::randomBytes(16);
    if (!secret)
        return std::unexpected(secret.error());
    const BenchCredentials credential{context, secret->toHex()};
    if (provider == QStringLiteral("livekit"))
        return liveKitMinter(credential, clock);
    if (provider == QStringLiteral("zego"))
        return zegoMinter(credential, clock);
    if (provider == QStringLiteral("jaas"))
        return jaasMinter(clock);
    if (provider == QStringLiteral("jitsi"))
        return jitsiMinter(credential, clock);
    return fail(ErrorCode::InvalidValue, QStringLiteral("--provider takes livekit, zego, jaas or jitsi"));
}

const OptionSpec kOptions[] = {
    option("provider", "P", persistentText(providerNameList(QStringLiteral(" (default)")) + QLatin1Char('.')))
        .oneOf(providerNames()),
    option("count", "N", "Tokens to mint (default 100000; 2000 for jaas)."),
    option("threads", "T", "Worker threads (default 1)."),
    flag("json", "Print {provider, count, threads, seconds, tokensPerSecond}."),
};

struct Settings {
    QString provider;
    qint64 count = 0;
    int threads = 1;
};

/** --provider (else the profile's, else livekit), --count and --threads. */
std::expected<Settings, QString> settings(const QCommandLineParser& parser, const CliContext& context)
{
    Settings s;
    s.provider =
        parser.isSet(QStringLiteral("provider")) ? parser.value(QStringLiteral("provider")) : QStringLiteral("livekit");
    if (!parser.isSet(QStringLiteral("provider")) && context.profileProvider())
        s.provider = providerName(*context.profileProvider());
    bool ok = true;
    s.count = parser.isSet(QStringLiteral("count")) ? parser.value(QStringLiteral("count")).toLongLong(&ok)
                                                    : (s.provider == QStringLiteral("jaas") ? 2000 : 100000);
    if (!ok || s.count < 1 || s.count > 100'000'000)
        return std::unexpected(QStringLiteral("--count takes 1 to 100000000"));
    s.threads = parser.isSet(QStringLiteral("threads")) ? parser.value(QStringLiteral("threads")).toInt(&ok) : 1;
    if (!ok || s.threads < 1 || s.threads > 256)
        return std::unexpected(QStringLiteral("--threads takes 1 to 256"));
    return s;
}

/** Mints `count` tokens on `threads` threads; returns the seconds taken and the number of failed mints. */
std::pair<double, qint64> measure(const MintOne& mint, const Settings& s)
{
    // Warm-up: first-use costs (algorithm fetches, allocator growth) are not what a server sees.
    for (qint64 i = 0; i < std::min<qint64>(s.count / 10 + 1, 1000); ++i)
        mint(i);
    std::atomic<qint64> failures{0};
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> workers;
    for (int t = 0; t < s.threads; ++t) {
        const qint64 begin = s.count * t / s.threads;
        const qint64 end = s.count * (t + 1) / s.threads;
        workers.emplace_back([&, begin, end] {
            for (qint64 i = begin; i < end; ++i) {
                if (!mint(i))
                    failures.fetch_add(1);
            }
        });
    }
    for (auto& w : workers)
        w.join();
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), failures.load()};
}

void print(const Settings& s, double seconds, bool json, CliContext& context)
{
    const double rate = s.count / seconds;
    if (json) {
        context.printJson(QJsonObject{{QStringLiteral("provider"), s.provider},
                                      {QStringLiteral("count"), s.count},
                                      {QStringLiteral("threads"), s.threads},
                                      {QStringLiteral("seconds"), seconds},
                                      {QStringLiteral("tokensPerSecond"), rate}});
    } else {
        context.out() << QStringLiteral("%1: %2 tokens in %3 s on %4 thread(s): %5 tokens/s\n")
                             .arg(s.provider)
                             .arg(s.count)
                             .arg(seconds, 0, 'f', 3)
                             .arg(s.threads)
                             .arg(rate, 0, 'f', 0);
    }
}

} // namespace

CommandSpec BenchCommand::spec() const
{
    CommandSpec spec{QStringLiteral("Mint tokens in-process and report tokens per second."), {}, {}, {}};
    return spec.add(kOptions).add(kCredentialOptions);
}

int BenchCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    if (auto stop = parseCommand(parser, spec(), args, context))
        return *stop;
    if (auto ok = context.applyCredentialOptions(parser, std::nullopt); !ok)
        return context.exitWith(ok.error());
    auto s = settings(parser, context);
    if (!s)
        return context.error(ExitUsage, s.error());
    auto mint = makeMinter(s->provider, context);
    if (!mint)
        return context.exitWith(mint.error());
    const auto [seconds, failures] = measure(*mint, *s);
    if (failures > 0)
        return context.error(ExitInvalid, QStringLiteral("%1 of %2 mints failed").arg(failures).arg(s->count));
    print(*s, seconds, parser.isSet(QStringLiteral("json")), context);
    return ExitOk;
}

} // namespace td::cli
