// SPDX-License-Identifier: MIT
#include "app/cli/InspectCommand.h"

#include "app/cli/CliContext.h"
#include "core/crypto/Pem.h"
#include "core/inspect/TokenInspector.h"

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

} // namespace

int InspectCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(m_verify ? QStringLiteral("Verify a token against credentials and explain it.")
                                              : QStringLiteral("Decode a token (signature unchecked) and explain it."));
    parser.addPositionalArgument(QStringLiteral("token"), QStringLiteral("The token, a join link, or - for stdin."));
    parser.addOptions({
        {QStringLiteral("json"), QStringLiteral("Print the result as JSON.")},
        {QStringLiteral("provider"), QStringLiteral("Treat the token as livekit, zego, jaas or jitsi."),
         QStringLiteral("P")},
        {QStringLiteral("leeway"), QStringLiteral("Clock tolerance in seconds (default: the provider's verifier)."),
         QStringLiteral("SECONDS")},
    });
    if (m_verify) {
        parser.addOptions({
            {QStringLiteral("api-key"), QStringLiteral("LiveKit API key (or LIVEKIT_API_KEY)."), QStringLiteral("KEY")},
            {QStringLiteral("api-secret"), QStringLiteral("LiveKit API secret (or LIVEKIT_API_SECRET)."),
             QStringLiteral("S")},
            {QStringLiteral("app-id"), QStringLiteral("Zego AppID, or Jitsi app_id (expected iss)."),
             QStringLiteral("ID")},
            {QStringLiteral("server-secret"), QStringLiteral("Zego ServerSecret (or ZEGO_SERVER_SECRET)."),
             QStringLiteral("S")},
            {QStringLiteral("app-secret"), QStringLiteral("Jitsi app_secret (or JITSI_APP_SECRET)."),
             QStringLiteral("S")},
            {QStringLiteral("audience"), QStringLiteral("Jitsi: expected aud."), QStringLiteral("AUD")},
            {QStringLiteral("public-key"), QStringLiteral("RSA public key, certificate or private key PEM (RS256)."),
             QStringLiteral("FILE")},
            {QStringLiteral("env-file"), QStringLiteral("Read credentials from an env file."), QStringLiteral("FILE")},
        });
        addCredentialOptions(parser);
    }
    if (auto stop = parseArguments(parser, args, context))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return context.error(ExitUsage, QStringLiteral("give exactly one token, or - to read it from standard input"));
    QByteArray text = positional.first().toUtf8();
    if (text == "-") {
        auto in = context.readInput(QStringLiteral("-"));
        if (!in)
            return context.error(ExitUsage, in.error());
        text = *in;
    }
    if (m_verify && parser.isSet(QStringLiteral("env-file"))) {
        if (auto ok = context.loadEnvFile(parser.value(QStringLiteral("env-file"))); !ok)
            return context.error(ExitUsage, ok.error());
    }
    if (m_verify) {
        if (auto ok = context.applyCredentialOptions(parser, std::nullopt); !ok)
            return context.error(ExitUsage, ok.error());
    }

    VerifyCredentials creds;
    if (parser.isSet(QStringLiteral("provider"))) {
        creds.provider = parseProvider(parser.value(QStringLiteral("provider")));
        if (!creds.provider)
            return context.error(ExitUsage, QStringLiteral("--provider takes livekit, zego, jaas or jitsi"));
    }
    if (parser.isSet(QStringLiteral("leeway"))) {
        bool ok = false;
        creds.leewaySeconds = parser.value(QStringLiteral("leeway")).toLongLong(&ok);
        if (!ok || *creds.leewaySeconds < 0 || *creds.leewaySeconds > 86400)
            return context.error(ExitUsage, QStringLiteral("--leeway takes 0 to 86400 seconds"));
    }

    const TokenInspector inspector(context.clock());
    auto first = inspector.inspect(text, creds);
    if (!first)
        return context.error(ExitInvalid, first.error());
    if (!m_verify) {
        if (parser.isSet(QStringLiteral("json")))
            context.printJson(first->toJson());
        else
            printHuman(*first, context);
        return hasErrors(first->findings) ? ExitInvalid : ExitOk;
    }

    // Credentials depend on what the token turned out to be.
    switch (first->provider) {
    case Provider::LiveKit:
        creds.apiKey =
            QString::fromUtf8(context.credential(parser, QStringLiteral("api-key"), QStringLiteral("LIVEKIT_API_KEY")));
        creds.secret = context.credential(parser, QStringLiteral("api-secret"), QStringLiteral("LIVEKIT_API_SECRET"));
        break;
    case Provider::Zego: {
        creds.secret =
            context.credential(parser, QStringLiteral("server-secret"), QStringLiteral("ZEGO_SERVER_SECRET"));
        const QByteArray appId = context.credential(parser, QStringLiteral("app-id"), QStringLiteral("ZEGO_APP_ID"));
        if (!appId.isEmpty()) {
            bool ok = false;
            const qulonglong id = appId.trimmed().toULongLong(&ok);
            if (!ok || id == 0 || id > 0xffffffffULL)
                return context.error(ExitUsage, QStringLiteral("the Zego AppID must be a non-zero 32-bit number"));
            creds.zegoAppId = static_cast<quint32>(id);
        }
        break;
    }
    case Provider::Jitsi:
        creds.issuer =
            QString::fromUtf8(context.credential(parser, QStringLiteral("app-id"), QStringLiteral("JITSI_APP_ID")));
        creds.audience = parser.value(QStringLiteral("audience"));
        if (!first->header.value(QStringLiteral("alg")).toString().startsWith(QStringLiteral("RS")) ||
            parser.isSet(QStringLiteral("app-secret")))
            creds.secret = context.credential(parser, QStringLiteral("app-secret"), QStringLiteral("JITSI_APP_SECRET"));
        break;
    case Provider::Jaas:
    case Provider::Unknown:
        if (parser.isSet(QStringLiteral("app-secret")))
            creds.secret = parser.value(QStringLiteral("app-secret")).toUtf8();
        break;
    }
    if (parser.isSet(QStringLiteral("public-key"))) {
        auto pem = context.readInput(parser.value(QStringLiteral("public-key")));
        if (!pem)
            return context.error(ExitUsage, pem.error());
        auto key = crypto::loadRsaPublicKey(*pem);
        if (!key)
            return context.error(ExitUsage, QStringLiteral("public key: ") + key.error().message);
        creds.publicKey = *key;
    } else if (creds.secret.isEmpty() && (first->provider == Provider::Jaas || first->provider == Provider::Jitsi)) {
        // Without --public-key, the public half of a configured private key verifies RS256.
        const QString variable = first->provider == Provider::Jaas ? QStringLiteral("JAAS_PRIVATE_KEY")
                                                                   : QStringLiteral("JITSI_PRIVATE_KEY");
        const QByteArray pem = context.environmentValue(variable);
        if (!pem.isEmpty()) {
            auto key = crypto::loadRsaPublicKey(pem);
            if (!key)
                return context.error(ExitUsage, variable + QStringLiteral(": ") + key.error().message);
            creds.publicKey = *key;
        }
    }
    if (creds.secret.isEmpty() && creds.publicKey.isNull())
        return context.error(ExitUsage,
                             QStringLiteral("no credentials to verify this %1 token with: give the secret or "
                                            "--public-key (see --help)")
                                 .arg(providerName(first->provider)));

    auto result = inspector.inspect(text, creds);
    if (!result)
        return context.error(ExitInvalid, result.error());
    if (parser.isSet(QStringLiteral("json")))
        context.printJson(result->toJson());
    else
        printHuman(*result, context);
    return result->valid() ? ExitOk : ExitInvalid;
}

} // namespace td::cli
