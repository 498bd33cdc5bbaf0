// SPDX-License-Identifier: MIT
#include "app/cli/MintCommand.h"

#include "app/cli/CliContext.h"
#include "core/Duration.h"

#include <QJsonArray>

namespace td::cli {
namespace {

/** Refuses positional arguments, loads --env-file and --profile; returns an exit code when the command should stop. */
std::optional<int> handleCommonOptions(QCommandLineParser& parser, CliContext& context, Provider provider)
{
    if (!parser.positionalArguments().isEmpty())
        return context.error(ExitUsage,
                             QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    if (parser.isSet(QStringLiteral("env-file"))) {
        if (auto ok = context.loadEnvFile(parser.value(QStringLiteral("env-file"))); !ok)
            return context.exitWith(ok.error());
    }
    if (auto ok = context.applyCredentialOptions(parser, provider); !ok)
        return context.exitWith(ok.error());
    return std::nullopt;
}

QJsonObject mintedJson(const MintedToken& minted)
{
    QJsonObject o{{QStringLiteral("provider"), minted.provider},
                  {QStringLiteral("token"), QString::fromLatin1(minted.token)},
                  {QStringLiteral("header"), minted.header.toJsonValue()},
                  {QStringLiteral("claims"), minted.claims.toJsonValue()},
                  {QStringLiteral("expiresAt"), minted.expiresAt}};
    if (!minted.notes.isEmpty()) {
        QJsonArray notes;
        for (const Finding& n : minted.notes)
            notes.append(QJsonObject{{QStringLiteral("code"), n.code},
                                     {QStringLiteral("severity"), severityName(n.severity)},
                                     {QStringLiteral("message"), n.message}});
        o.insert(QStringLiteral("notes"), notes);
    }
    return o;
}

/** The token alone, or with --json {"provider","token","header","claims","expiresAt"}. */
int printMinted(const MintedToken& minted, bool json, CliContext& context)
{
    // What the minter changed or noticed goes to stderr, so stdout stays the token alone.
    for (const Finding& note : minted.notes) {
        QString text = note.message;
        if (note.code == QStringLiteral("room-normalised"))
            text += QStringLiteral(" (--room-raw keeps the text as typed)");
        context.err() << (note.severity == Severity::Info ? "note: " : "warning: ") << text << '\n';
    }
    context.err().flush();
    if (json) {
        context.printJson(mintedJson(minted));
    } else {
        context.out() << QString::fromLatin1(minted.token) << '\n';
        context.out().flush();
    }
    return ExitOk;
}

} // namespace

CommandSpec MintCommand::spec() const
{
    CommandSpec spec{description(), {}, providerOptions(), {}};
    return spec.add(kCommonMintOptions);
}

int MintCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    if (auto stop = parseCommand(parser, spec(), args, context))
        return *stop;
    if (auto stop = handleCommonOptions(parser, context, provider()))
        return *stop;
    auto minted = mint(parser, context);
    if (!minted)
        return context.error(ExitUsage, minted.error());
    return printMinted(*minted, parser.isSet(QStringLiteral("json")), context);
}

Result<qint64> ttlOption(const QCommandLineParser& parser, qint64 defaultSeconds, const CliContext& context)
{
    if (!parser.isSet(QStringLiteral("ttl"))) {
        if (const QString fromProfile = context.profileDefault(QStringLiteral("ttl")); !fromProfile.isEmpty())
            return parseDuration(fromProfile);
        return defaultSeconds;
    }
    return parseDuration(parser.value(QStringLiteral("ttl")));
}

std::expected<std::optional<bool>, QString> boolFlag(const QCommandLineParser& parser, const QString& flag)
{
    if (!parser.isSet(flag))
        return std::optional<bool>();
    const auto v = parseBool(parser.value(flag));
    if (!v)
        return std::unexpected(QStringLiteral("--%1 takes true or false").arg(flag));
    return v;
}

} // namespace td::cli
