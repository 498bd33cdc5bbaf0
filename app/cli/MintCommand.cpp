// SPDX-License-Identifier: MIT
#include "app/cli/MintCommand.h"

#include "app/cli/CliContext.h"
#include "core/providers/ProviderModule.h"

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

/** The parsed options and the command line's context, as a provider module reads them. */
class ParsedArguments final : public MintArguments {
public:
    ParsedArguments(const QCommandLineParser& parser, CliContext& context) : m_parser(parser), m_context(context) {}
    bool isSet(const QString& option) const override { return m_parser.isSet(option); }
    QString value(const QString& option) const override { return m_parser.value(option); }
    QStringList values(const QString& option) const override { return m_parser.values(option); }
    QByteArray credential(const QString& option, const QString& variable) const override
    {
        return m_context.credential(m_parser, option, variable);
    }
    QByteArray environmentValue(const QString& variable) const override { return m_context.environmentValue(variable); }
    QString profileDefault(const QString& field) const override { return m_context.profileDefault(field); }
    Result<QByteArray> readFile(const QString& pathOrDash) const override { return m_context.readInput(pathOrDash); }
    const Clock& clock() const override { return m_context.clock(); }
    void notice(const QString& text) const override { m_context.err() << "tokendesk-cli: " << text << Qt::endl; }

private:
    const QCommandLineParser& m_parser;
    CliContext& m_context;
};

} // namespace

CommandSpec MintCommand::spec() const
{
    CommandSpec spec{QString::fromUtf8(m_module.mintDescription()), {}, m_module.mintOptions(), {}};
    return spec.add(kCommonMintOptions);
}

int MintCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    if (auto stop = parseCommand(parser, spec(), args, context))
        return *stop;
    if (auto stop = handleCommonOptions(parser, context, m_module.id()))
        return *stop;
    const ParsedArguments arguments(parser, context);
    auto minted = m_module.mintFromArguments(arguments);
    if (!minted)
        return context.error(ExitUsage, minted.error().message);
    return printMinted(*minted, parser.isSet(QStringLiteral("json")), context);
}

} // namespace td::cli
