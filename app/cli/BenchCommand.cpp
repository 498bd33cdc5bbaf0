// SPDX-License-Identifier: MIT
#include "app/cli/BenchCommand.h"

#include "app/cli/CliContext.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/SecretBytes.h"
#include "core/providers/Registry.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>
#include <vector>

namespace td::cli {
namespace {

/** The provider's bench minter, with the profile's credentials when one is given (sizing a server for that
 *  account), else throw-away ones. */
Result<BenchMint> makeMinter(const ProviderModule& module, const CliContext& context)
{
    auto secret = crypto::randomBytes(16);
    if (!secret)
        return std::unexpected(secret.error());
    BenchCredentials credentials{{}, secret->toHex()};
    if (context.profileProvider())
        credentials.profileValue = [&context](const QString& variable) { return context.environmentValue(variable); };
    return module.benchMinter(credentials, context.clock());
}

/** "100000; 2000 for jaas": the default --count, and the providers that mint fewer. */
QString defaultCounts()
{
    const qint64 usual = 100000;
    QString text = QString::number(usual);
    for (const ProviderModule* module : providerModules()) {
        if (module->benchCount() != usual)
            text += QStringLiteral("; %1 for %2").arg(module->benchCount()).arg(module->name());
    }
    return text;
}

const OptionSpec kOptions[] = {
    option("provider", "P", persistentText(providerNameList(QStringLiteral(" (default)")) + QLatin1Char('.')))
        .oneOf(providerNames()),
    option("count", "N", persistentText(QStringLiteral("Tokens to mint (default %1).").arg(defaultCounts()))),
    option("threads", "T", "Worker threads (default 1)."),
    flag("json", "Print {provider, count, threads, seconds, tokensPerSecond}."),
};

struct Settings {
    const ProviderModule* module = nullptr;
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
    s.module = findModule(parseProvider(s.provider).value_or(Provider::Unknown));
    bool ok = true;
    s.count = parser.isSet(QStringLiteral("count")) ? parser.value(QStringLiteral("count")).toLongLong(&ok)
                                                    : (s.module ? s.module->benchCount() : 1);
    if (!ok || s.count < 1 || s.count > 100'000'000)
        return std::unexpected(QStringLiteral("--count takes 1 to 100000000"));
    s.threads = parser.isSet(QStringLiteral("threads")) ? parser.value(QStringLiteral("threads")).toInt(&ok) : 1;
    if (!ok || s.threads < 1 || s.threads > 256)
        return std::unexpected(QStringLiteral("--threads takes 1 to 256"));
    if (!s.module)
        return std::unexpected(QStringLiteral("--provider takes %1").arg(providerNameList()));
    return s;
}

/** Mints `count` tokens on `threads` threads; returns the seconds taken and the number of failed mints. */
std::pair<double, qint64> measure(const BenchMint& mint, const Settings& s)
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
    auto mint = makeMinter(*s->module, context);
    if (!mint)
        return context.exitWith(mint.error());
    const auto [seconds, failures] = measure(*mint, *s);
    if (failures > 0)
        return context.error(ExitInvalid, QStringLiteral("%1 of %2 mints failed").arg(failures).arg(s->count));
    print(*s, seconds, parser.isSet(QStringLiteral("json")), context);
    return ExitOk;
}

} // namespace td::cli
