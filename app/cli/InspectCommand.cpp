// SPDX-License-Identifier: MIT
#include "app/cli/InspectCommand.h"

#include "app/cli/CliContext.h"
#include "core/crypto/Pem.h"
#include "core/inspect/TokenInspector.h"
#include "core/providers/Registry.h"

#include <QJsonDocument>

namespace td::cli {
namespace {

void printHuman(const Inspection& r, CliContext& context)
{
    QTextStream& out = context.out();
    out << "provider:  " << providerName(r.provider) << " (" << r.kind << ")\n";
    out << "signature: " << signatureStateName(r.signature) << "\n";
    out << "valid:     " << (r.valid() ? "yes" : "no") << "\n";
    out << "header:    " << QString::fromUtf8(QJsonDocument(r.header).toJson(QJsonDocument::Compact)) << "\n";
    out << "claims:\n" << QString::fromUtf8(QJsonDocument(r.claims).toJson(QJsonDocument::Indented));
    if (!r.times.isEmpty()) {
        out << "times:\n";
        for (const TimeClaim& t : r.times)
            out << "  " << t.name.leftJustified(7) << t.utc << "  (" << t.relative << ")\n";
    }
    if (!r.permissions.isEmpty()) {
        out << "permissions:\n";
        for (const QString& p : r.permissions)
            out << "  - " << p << "\n";
    }
    if (!r.findings.isEmpty()) {
        out << "findings:\n";
        for (const Finding& f : r.findings)
            out << "  [" << severityName(f.severity) << "] " << f.code << ": " << f.message << "\n";
    }
    out.flush();
}

const OptionSpec kOptions[] = {
    flag("json", "Print the result as JSON."),
    option("provider", "P", persistentText(QStringLiteral("Treat the token as %1.").arg(providerNameList())))
        .oneOf(providerNames()),
    option("leeway", "SECONDS", "Clock tolerance in seconds (default: the provider's verifier)."),
};

const OptionSpec kVerifyOptions[] = {
    option("api-key", "KEY", "LiveKit or OpenTok API key, or Twilio API key SID (or the provider's *_API_KEY)."),
    option("api-secret", "S", "LiveKit, Stream, Twilio or OpenTok API secret (or the provider's *_API_SECRET)."),
    option("account-sid", "AC…", "Twilio: expected account SID, the token's sub (or TWILIO_ACCOUNT_SID)."),
    option("access-key", "KEY", "100ms: expected access key (or HMS_ACCESS_KEY)."),
    option("secret", "S", "100ms app secret (or HMS_SECRET)."),
    option("app-id", "ID", "Zego AppID, Jitsi app_id (expected iss), or Agora app ID."),
    option("app-certificate", "CERT", "Agora app certificate (or AGORA_APP_CERTIFICATE)."),
    option("application-id", "ID", "Vonage: expected application_id (or VONAGE_APPLICATION_ID)."),
    option("server-secret", "S", "Zego ServerSecret (or ZEGO_SERVER_SECRET)."),
    option("app-secret", "S", "Jitsi app_secret (or JITSI_APP_SECRET)."),
    option("audience", "AUD", "Jitsi: expected aud."),
    option("public-key", "FILE", "RSA public key, certificate or private key PEM (RS256).").file(),
    option("env-file", "FILE", "Read credentials from an env file.").file(),
};

/** The token argument, or standard input for "-". */
std::expected<QByteArray, QString> tokenText(const QCommandLineParser& parser, CliContext& context)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return std::unexpected(QStringLiteral("give exactly one token, or - to read it from standard input"));
    QByteArray text = positional.first().toUtf8();
    if (text == "-") {
        auto in = context.readInput(QStringLiteral("-"));
        if (!in)
            return std::unexpected(in.error().message);
        text = *in;
    }
    return text;
}

/** --provider and --leeway, which decode and verify share. */
std::expected<VerifyCredentials, QString> inspectOptions(const QCommandLineParser& parser)
{
    VerifyCredentials creds;
    if (parser.isSet(QStringLiteral("provider"))) {
        creds.provider = parseProvider(parser.value(QStringLiteral("provider")));
        if (!creds.provider)
            return std::unexpected(QStringLiteral("--provider takes %1").arg(providerNameList()));
    }
    if (parser.isSet(QStringLiteral("leeway"))) {
        bool ok = false;
        creds.leewaySeconds = parser.value(QStringLiteral("leeway")).toLongLong(&ok);
        if (!ok || *creds.leewaySeconds < 0 || *creds.leewaySeconds > 86400)
            return std::unexpected(QStringLiteral("--leeway takes 0 to 86400 seconds"));
    }
    return creds;
}

/** Flags, else variables (environment, env file, --profile), as the provider modules read them. */
class ParsedCredentials final : public CredentialSource {
public:
    ParsedCredentials(const QCommandLineParser& parser, const CliContext& context)
        : m_parser(parser), m_context(context)
    {
    }
    QByteArray value(const QString& flag, const QString& variable) const override
    {
        return m_context.credential(m_parser, flag, variable);
    }
    bool isSet(const QString& flag) const override { return m_parser.isSet(flag); }
    QString flagValue(const QString& flag) const override { return m_parser.value(flag); }

private:
    const QCommandLineParser& m_parser;
    const CliContext& m_context;
};

/** The secrets and ids for what the token turned out to be; an error message when one is unusable. */
std::optional<QString> secretsFor(const Inspection& first, const QCommandLineParser& parser, const CliContext& context,
                                  VerifyCredentials& creds)
{
    const ProviderModule* module = findModule(first.provider);
    if (!module) {
        if (parser.isSet(QStringLiteral("app-secret")))
            creds.secret = parser.value(QStringLiteral("app-secret")).toUtf8();
        return std::nullopt;
    }
    if (auto ok = module->readVerifyCredentials(ParsedCredentials(parser, context), first, creds); !ok)
        return ok.error().message;
    return std::nullopt;
}

/** The variable a provider's private key stands in for ("" when the provider signs with no RSA key). */
QString privateKeyVariable(Provider provider)
{
    const ProviderModule* module = findModule(provider);
    for (const EnvironmentVariable& v : module ? module->environmentVariables() : QList<EnvironmentVariable>()) {
        if (v.secret && QLatin1String(v.field) == QLatin1String("privateKey"))
            return QString::fromLatin1(v.variable);
    }
    return {};
}

/** --public-key, else the public half of a configured private key (RS256); an error message when unusable. */
std::optional<QString> publicKeyFor(const Inspection& first, const QCommandLineParser& parser, CliContext& context,
                                    VerifyCredentials& creds)
{
    if (parser.isSet(QStringLiteral("public-key"))) {
        auto pem = context.readInput(parser.value(QStringLiteral("public-key")));
        if (!pem)
            return pem.error().message;
        auto key = crypto::loadRsaPublicKey(*pem);
        if (!key)
            return QStringLiteral("public key: ") + key.error().message;
        creds.publicKey = *key;
    } else if (const QString variable = privateKeyVariable(first.provider);
               creds.secret.isEmpty() && !variable.isEmpty()) {
        QByteArray pem = context.environmentValue(variable);
        if (!pem.isEmpty() && !pem.contains("-----BEGIN")) { // a path to the PEM (VONAGE_PRIVATE_KEY may be one)
            auto file = context.readInput(QString::fromUtf8(pem.trimmed()));
            if (!file)
                return variable + QStringLiteral(": ") + file.error().message;
            pem = *file;
        }
        if (!pem.isEmpty()) {
            auto key = crypto::loadRsaPublicKey(pem);
            if (!key)
                return variable + QStringLiteral(": ") + key.error().message;
            creds.publicKey = *key;
        }
    }
    return std::nullopt;
}

int printResult(const Inspection& r, bool json, CliContext& context)
{
    if (json)
        context.printJson(r.toJson());
    else
        printHuman(r, context);
    return ExitOk;
}

} // namespace

CommandSpec InspectCommand::spec() const
{
    CommandSpec spec{m_verify ? QStringLiteral("Verify a token against credentials and explain it.")
                              : QStringLiteral("Decode a token (signature unchecked) and explain it."),
                     {{"token", "The token, a join link, or - for stdin."}},
                     {},
                     {}};
    spec.add(kOptions);
    if (m_verify)
        spec.add(kVerifyOptions).add(kCredentialOptions);
    return spec;
}

int InspectCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    if (auto stop = parseCommand(parser, spec(), args, context))
        return *stop;
    auto text = tokenText(parser, context);
    if (!text)
        return context.error(ExitUsage, text.error());
    if (m_verify && parser.isSet(QStringLiteral("env-file"))) {
        if (auto ok = context.loadEnvFile(parser.value(QStringLiteral("env-file"))); !ok)
            return context.exitWith(ok.error());
    }
    if (m_verify) {
        if (auto ok = context.applyCredentialOptions(parser, std::nullopt); !ok)
            return context.exitWith(ok.error());
    }
    auto creds = inspectOptions(parser);
    if (!creds)
        return context.error(ExitUsage, creds.error());
    const bool json = parser.isSet(QStringLiteral("json"));
    const TokenInspector inspector(context.clock());
    auto first = inspector.inspect(*text, *creds);
    if (!first)
        return context.exitWith(first.error());
    if (!m_verify) {
        printResult(*first, json, context);
        return hasErrors(first->findings) ? ExitInvalid : ExitOk;
    }
    return verify(*first, *text, parser, *creds, context);
}

int InspectCommand::verify(const Inspection& first, const QByteArray& text, const QCommandLineParser& parser,
                           VerifyCredentials& creds, CliContext& context) const
{
    // Credentials depend on what the token turned out to be.
    if (auto refused = secretsFor(first, parser, context, creds))
        return context.error(ExitUsage, *refused);
    if (auto refused = publicKeyFor(first, parser, context, creds))
        return context.error(ExitUsage, *refused);
    if (creds.secret.isEmpty() && creds.publicKey.isNull())
        return context.error(ExitUsage,
                             QStringLiteral("no credentials to verify this %1 token with: give the secret or "
                                            "--public-key (see --help)")
                                 .arg(providerName(first.provider)));
    const TokenInspector inspector(context.clock());
    auto result = inspector.inspect(text, creds);
    if (!result)
        return context.exitWith(result.error());
    printResult(*result, parser.isSet(QStringLiteral("json")), context);
    return result->valid() ? ExitOk : ExitInvalid;
}

} // namespace td::cli
