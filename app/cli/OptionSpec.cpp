// SPDX-License-Identifier: MIT
#include "app/cli/OptionSpec.h"

#include "app/cli/CliContext.h"
#include "core/providers/Registry.h"

#include <deque>

namespace td::cli {
namespace {

constexpr OptionSpec kProfile =
    option("profile", "NAME", "Use a stored profile; flags given beside it override its fields.").profileName();
constexpr OptionSpec kConfigDir =
    option("config-dir", "DIR", "Profiles and vault directory (or TOKENDESK_CONFIG_DIR).").directory();
constexpr OptionSpec kSecretStore =
    option("secret-store", "STORE", "keychain or vault (default: keychain when available).").oneOf("keychain vault");

} // namespace

const OptionSpec kCredentialOptions[3] = {kProfile, kConfigDir, kSecretStore};

const OptionSpec kProfileOrEnvironmentOptions[5] = {
    kProfile,
    kConfigDir,
    kSecretStore,
    option("provider", providerNames("|"),
           "Without --profile: this provider, with credentials from the environment or --env-file.")
        .oneOf(),
    option("env-file", "file", "Read credential variables from an env file too.").file(),
};

const OptionSpec kCommonMintOptions[6] = {
    kProfile,
    kConfigDir,
    kSecretStore,
    flag("json", "Print {provider, token, header, claims, expiresAt} as JSON."),
    option("env-file", "FILE", "Read credentials from an env file (export K=V or .dev.vars).").file(),
    option("ttl", "DURATION", "Lifetime: 90, 10m, 6h, 1h30m, 2d."),
};

const OptionSpec kReproducibleOptions[2] = {
    option("clock", "time",
           "Mint as if it were this time (ISO 8601, e.g. 2026-01-01T00:00:00Z, or Unix seconds); with --seed the "
           "output is the same on every run. Refused for profiles tagged prod."),
    option("seed", "text",
           "Derive Zego nonces and IVs from this text instead of the system's random generator. Refused for "
           "profiles tagged prod."),
};

const char* persistentText(const QString& text)
{
    static std::deque<QByteArray> texts; // a deque never moves what it holds
    for (const QByteArray& t : texts) {
        if (t == text.toUtf8())
            return t.constData();
    }
    return texts.emplace_back(text.toUtf8()).constData();
}

const char* providerNames(const char* separator)
{
    QStringList names;
    for (const ProviderModule* module : providerModules())
        names << module->name();
    return persistentText(names.join(QLatin1String(separator)));
}

QString providerNameList(const QString& firstMark)
{
    QStringList names;
    for (const ProviderModule* module : providerModules())
        names << module->name() + (names.isEmpty() ? firstMark : QString());
    const QString last = names.takeLast();
    return names.isEmpty() ? last : names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

const OptionSpec* CommandSpec::find(const QString& name) const
{
    for (const OptionSpec& o : options) {
        if (QLatin1String(o.name) == name)
            return &o;
    }
    return nullptr;
}

std::optional<int> parseCommand(QCommandLineParser& parser, const CommandSpec& spec, const QStringList& args,
                                CliContext& context)
{
    parser.setApplicationDescription(spec.description);
    for (const PositionalSpec& p : spec.positionals)
        parser.addPositionalArgument(QLatin1String(p.name), QString::fromUtf8(p.help));
    for (const OptionSpec& o : spec.options) {
        parser.addOption(QCommandLineOption(QLatin1String(o.name), QString::fromUtf8(o.help),
                                            o.valueName ? QString::fromLatin1(o.valueName) : QString()));
    }
    return parseArguments(parser, args, context);
}

} // namespace td::cli
