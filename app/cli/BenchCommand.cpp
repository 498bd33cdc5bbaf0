// SPDX-License-Identifier: MIT
#include "app/cli/BenchCommand.h"

#include "app/cli/CliContext.h"
#include "core/crypto/Crypto.h"
#include "core/providers/jitsi/JitsiToken.h"
#include "core/providers/livekit/LiveKitToken.h"
#include "core/providers/zego/Token04.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>
#include <vector>

namespace td::cli {
namespace {

using MintOne = std::function<bool(qint64 index)>;

/** Builds a minter for the provider with throw-away credentials; each call mints one token. */
Result<MintOne> makeMinter(const QString& provider, const CliContext& context)
{
    const Clock& clock = context.clock();
    auto secret = crypto::randomBytes(16);
    if (!secret)
        return std::unexpected(secret.error());
    const bool fromProfile = context.profileProvider().has_value();
    // A profile's own credentials when one is given (sizing a server for that account), else throw-away ones.
    const auto credential = [&](const char* variable, const QByteArray& fallback) {
        return fromProfile ? context.environmentValue(QLatin1String(variable)) : fallback;
    };
    const QByteArray secretHex = secret->toHex(); // 32 characters, like a Zego ServerSecret
    if (provider == QStringLiteral("livekit")) {
        auto minter = livekit::LiveKitMinter::create(QString::fromUtf8(credential("LIVEKIT_API_KEY", "bench-key")),
                                                     credential("LIVEKIT_API_SECRET", secretHex));
        if (!minter)
            return std::unexpected(minter.error());
        return MintOne([m = std::move(*minter), &clock](qint64 i) {
            livekit::LiveKitClaims claims;
            claims.identity = QStringLiteral("user-%1").arg(i);
            claims.name = QStringLiteral("User %1").arg(i);
            livekit::VideoGrant grant;
            grant.roomJoin = true;
            grant.room = QStringLiteral("bench-room");
            grant.canPublish = true;
            grant.canSubscribe = true;
            claims.video = grant;
            return m.mint(claims, livekit::kDefaultTtlSeconds, clock).has_value();
        });
    }
    if (provider == QStringLiteral("zego")) {
        const quint32 appId = credential("ZEGO_APP_ID", "1234567890").toUInt();
        const QByteArray zegoSecret = credential("ZEGO_SERVER_SECRET", secretHex);
        return MintOne([appId, zegoSecret, &clock](qint64 i) {
            zego::Token04Request r;
            r.appId = appId;
            r.userId = QStringLiteral("user-%1").arg(i);
            r.serverSecret = zegoSecret;
            return zego::mintToken04(r, clock).has_value();
        });
    }
    if (provider == QStringLiteral("jaas")) {
        auto key = crypto::RsaPrivateKey::generate(2048);
        if (!key)
            return std::unexpected(key.error());
        return MintOne([k = *key, &clock](qint64 i) {
            jitsi::JaasRequest r;
            r.appId = QStringLiteral("vpaas-magic-cookie-0123456789abcdef0123456789abcdef");
            r.keyId = QStringLiteral("bench");
            r.privateKey = k;
            r.claims.room = QStringLiteral("bench-room");
            r.claims.user.id = QStringLiteral("user-%1").arg(i);
            r.claims.user.name = QStringLiteral("User %1").arg(i);
            return jitsi::mintJaas(r, clock).has_value();
        });
    }
    if (provider == QStringLiteral("jitsi")) {
        const QString appId = QString::fromUtf8(credential("JITSI_APP_ID", "bench-app"));
        const QByteArray appSecret = credential("JITSI_APP_SECRET", secretHex);
        return MintOne([appId, appSecret, &clock](qint64 i) {
            jitsi::SelfHostedRequest r;
            r.appId = appId;
            r.appSecret = appSecret;
            r.subject = QStringLiteral("meet.example.com");
            r.claims.room = QStringLiteral("bench-room");
            r.claims.user.id = QStringLiteral("user-%1").arg(i);
            return jitsi::mintSelfHosted(r, clock).has_value();
        });
    }
    return fail(ErrorCode::InvalidArgument, QStringLiteral("--provider takes livekit, zego, jaas or jitsi"));
}

} // namespace

int BenchCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Mint tokens in-process and report tokens per second."));
    parser.addOptions({
        {QStringLiteral("provider"), QStringLiteral("livekit (default), zego, jaas or jitsi."), QStringLiteral("P")},
        {QStringLiteral("count"), QStringLiteral("Tokens to mint (default 100000; 2000 for jaas)."),
         QStringLiteral("N")},
        {QStringLiteral("threads"), QStringLiteral("Worker threads (default 1)."), QStringLiteral("T")},
        {QStringLiteral("json"), QStringLiteral("Print {provider, count, threads, seconds, tokensPerSecond}.")},
    });
    addCredentialOptions(parser);
    if (auto stop = parseArguments(parser, args, context))
        return *stop;
    if (auto ok = context.applyCredentialOptions(parser, std::nullopt); !ok)
        return context.error(ExitUsage, ok.error());
    QString provider =
        parser.isSet(QStringLiteral("provider")) ? parser.value(QStringLiteral("provider")) : QStringLiteral("livekit");
    if (!parser.isSet(QStringLiteral("provider")) && context.profileProvider())
        provider = providerName(*context.profileProvider());
    bool ok = true;
    const qint64 count = parser.isSet(QStringLiteral("count")) ? parser.value(QStringLiteral("count")).toLongLong(&ok)
                                                               : (provider == QStringLiteral("jaas") ? 2000 : 100000);
    if (!ok || count < 1 || count > 100'000'000)
        return context.error(ExitUsage, QStringLiteral("--count takes 1 to 100000000"));
    const int threads =
        parser.isSet(QStringLiteral("threads")) ? parser.value(QStringLiteral("threads")).toInt(&ok) : 1;
    if (!ok || threads < 1 || threads > 256)
        return context.error(ExitUsage, QStringLiteral("--threads takes 1 to 256"));

    auto mint = makeMinter(provider, context);
    if (!mint)
        return context.error(ExitUsage, mint.error());
    // Warm-up: first-use costs (algorithm fetches, allocator growth) are not what a server sees.
    for (qint64 i = 0; i < std::min<qint64>(count / 10 + 1, 1000); ++i)
        (*mint)(i);

    std::atomic<qint64> failures{0};
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        const qint64 begin = count * t / threads;
        const qint64 end = count * (t + 1) / threads;
        workers.emplace_back([&, begin, end] {
            for (qint64 i = begin; i < end; ++i) {
                if (!(*mint)(i))
                    failures.fetch_add(1);
            }
        });
    }
    for (auto& w : workers)
        w.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (failures.load() > 0)
        return context.error(ExitInvalid, QStringLiteral("%1 of %2 mints failed").arg(failures.load()).arg(count));
    const double rate = count / seconds;
    if (parser.isSet(QStringLiteral("json"))) {
        context.printJson(QJsonObject{{QStringLiteral("provider"), provider},
                                      {QStringLiteral("count"), count},
                                      {QStringLiteral("threads"), threads},
                                      {QStringLiteral("seconds"), seconds},
                                      {QStringLiteral("tokensPerSecond"), rate}});
    } else {
        context.out() << QStringLiteral("%1: %2 tokens in %3 s on %4 thread(s): %5 tokens/s\n")
                             .arg(provider)
                             .arg(count)
                             .arg(seconds, 0, 'f', 3)
                             .arg(threads)
                             .arg(rate, 0, 'f', 0);
    }
    return ExitOk;
}

} // namespace td::cli
