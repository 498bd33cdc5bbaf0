// SPDX-License-Identifier: MIT
// The profile's fields and secrets as flags of profile add and profile edit.
#include "app/cli/ProfileActions.h"

#include "app/cli/CliContext.h"
#include "core/credentials/ProfileSecrets.h"
#include "core/providers/Registry.h"

namespace td::cli {
namespace {

using credentials::Profile;

struct FieldFlag {
    const char* flag = "";
    QString Profile::*member = nullptr;
    const char* help = "";
    const char* choices = nullptr; // what a shell completes
};

const FieldFlag kFieldFlags[] = {
    {"url", &Profile::serverUrl, "Server URL (LiveKit wss://, Jitsi base URL, https://8x8.vc)."},
    {"api-key", &Profile::apiKey, "LiveKit or Stream API key, Twilio API key SID, 100ms access key."},
    {"app-id", &Profile::appId, "Zego AppID, JaaS AppID or Jitsi app_id."},
    {"account-sid", &Profile::appId, "Twilio account SID (the same field as --app-id)."},
    {"key-id", &Profile::keyId, "JaaS AppID/kid or Jitsi RS256 kid."},
    {"audience", &Profile::audience, "Jitsi aud."},
    {"subject", &Profile::subject, "Jitsi sub (domain, tenant or *)."},
    {"ttl", &Profile::ttl, "Default TTL (6h, 10m, ...)."},
    {"room", &Profile::room, "Default room."},
    {"cipher", &Profile::cipher, "Zego default cipher: gcm or cbc.", "gcm cbc"},
    {"note", &Profile::note, "Free text."},
    {"env", &Profile::environment, "Environment tag: dev, staging or prod.", "dev staging prod"},
};

// Each secret can be given as a value, a variable name (--X-env) or a file (--X-file).
struct SecretFlag {
    const char* flag;
    const char* field;
};
const SecretFlag kSecretFlags[] = {{"api-secret", "apiSecret"},
                                   {"server-secret", "serverSecret"},
                                   {"app-secret", "appSecret"},
                                   {"private-key", "privateKey"},
                                   {"app-certificate", "apiSecret"}};

constexpr const char* kValueHelp = "Secret value (visible in the process list; prefer -env or -file).";
constexpr const char* kEnvHelp = "Read the secret from this variable.";
constexpr const char* kFileHelp = "Read the secret from this file.";

const OptionSpec kSecretOptions[] = {
    option("api-secret", "S", kValueHelp),
    option("api-secret-env", "VAR", kEnvHelp),
    option("api-secret-file", "FILE", kFileHelp).file(),
    option("server-secret", "S", kValueHelp),
    option("server-secret-env", "VAR", kEnvHelp),
    option("server-secret-file", "FILE", kFileHelp).file(),
    option("app-secret", "S", kValueHelp),
    option("app-secret-env", "VAR", kEnvHelp),
    option("app-secret-file", "FILE", kFileHelp).file(),
    option("app-certificate", "CERT", "Agora app certificate (stored as the API secret)."),
    option("app-certificate-env", "VAR", kEnvHelp),
    option("app-certificate-file", "FILE", kFileHelp).file(),
    option("private-key", "FILE", "RSA private key PEM file (same as --private-key-file).").file(),
    option("private-key-env", "VAR", kEnvHelp),
    option("private-key-file", "FILE", kFileHelp).file(),
    option("passphrase-file", "FILE", "Passphrase of an encrypted private key.").file(),
    option("domain-verification", "on|off", "Jitsi: Prosody's enable_domain_verification, on (as shipped) or off.")
        .oneOf(),
};

/** --domain-verification on|off into the profile; an error names the accepted values. */
Result<void> applyDomainVerification(const QCommandLineParser& parser, Profile& p)
{
    if (!parser.isSet(QStringLiteral("domain-verification")))
        return {};
    const QString v = parser.value(QStringLiteral("domain-verification")).trimmed().toLower();
    if (v != QStringLiteral("on") && v != QStringLiteral("off"))
        return fail(ErrorCode::InvalidValue, QStringLiteral("--domain-verification takes on or off"));
    const ProviderModule* module = findModule(p.provider);
    if (!module || !module->profileFields().contains(QStringLiteral("domainVerification")))
        return fail(ErrorCode::NotApplicable,
                    QStringLiteral("--domain-verification applies to self-hosted Jitsi profiles only"));
    p.domainVerification = v == QStringLiteral("on");
    return {};
}

/** A private key as it is stored: decrypted with --passphrase-file when it is encrypted. */
Result<crypto::SecretByteArray> privateKeyForStorage(const QCommandLineParser& parser, CliContext& context,
                                                     const crypto::SecretByteArray& value)
{
    crypto::SecretByteArray pass;
    if (parser.isSet(QStringLiteral("passphrase-file"))) {
        auto p = context.readInput(parser.value(QStringLiteral("passphrase-file")));
        if (!p)
            return std::unexpected(p.error());
        pass = p->trimmed();
        crypto::wipe(*p);
    }
    auto stored = credentials::privateKeyForStorage(value, pass);
    if (!stored)
        return fail(stored.error().code, QStringLiteral("private key: ") + stored.error().message);
    return crypto::SecretByteArray(*stored);
}

/** One secret from its flags (value, then -env, then -file); empty when none is given. */
Result<crypto::SecretByteArray> secretFromFlags(const QCommandLineParser& parser, CliContext& context,
                                                const QString& flag)
{
    crypto::SecretByteArray value; // a key pasted encrypted is wiped once its decrypted form replaces it
    if (flag != QStringLiteral("private-key") && parser.isSet(flag))
        value = parser.value(flag).toUtf8();
    if (parser.isSet(flag + QStringLiteral("-env"))) {
        const QString var = parser.value(flag + QStringLiteral("-env"));
        value = context.environmentValue(var);
        if (value.isEmpty())
            return fail(ErrorCode::MissingValue, QStringLiteral("--%1-env: %2 is not set").arg(flag, var));
    }
    const QString fileFlag =
        flag == QStringLiteral("private-key") && parser.isSet(flag) ? flag : flag + QStringLiteral("-file");
    if (parser.isSet(fileFlag)) {
        auto file = context.readInput(parser.value(fileFlag));
        if (!file)
            return std::unexpected(file.error());
        value = flag == QStringLiteral("private-key") ? *file : file->trimmed();
        crypto::wipe(*file);
    }
    return value;
}

} // namespace

QList<OptionSpec> profileFieldOptions()
{
    QList<OptionSpec> options{
        option("provider", "P", persistentText(providerNameList() + QLatin1Char('.'))).oneOf(providerNames())};
    for (const auto& f : kFieldFlags) {
        OptionSpec o = option(f.flag, "VALUE", f.help);
        options << (f.choices ? o.oneOf(f.choices) : o);
    }
    options.append(QList<OptionSpec>(std::begin(kSecretOptions), std::end(kSecretOptions)));
    return options;
}

Result<void> applyFieldFlags(const QCommandLineParser& parser, Profile& profile)
{
    for (const auto& f : kFieldFlags) {
        if (parser.isSet(QString::fromLatin1(f.flag)))
            profile.*f.member = parser.value(QString::fromLatin1(f.flag));
    }
    return applyDomainVerification(parser, profile);
}

Result<crypto::SecretMap> secretsFromFlags(const QCommandLineParser& parser, CliContext& context)
{
    crypto::SecretMap out;
    for (const auto& s : kSecretFlags) {
        const QString flag = QString::fromLatin1(s.flag);
        auto value = secretFromFlags(parser, context, flag);
        if (!value)
            return std::unexpected(value.error());
        if (value->isEmpty())
            continue;
        if (flag == QStringLiteral("private-key")) {
            auto stored = privateKeyForStorage(parser, context, *value);
            if (!stored)
                return std::unexpected(stored.error());
            *value = *stored;
        }
        out.insert(QString::fromLatin1(s.field), value->bytes());
    }
    return out;
}

void printFindings(const credentials::ProfileCheck& check, CliContext& context)
{
    for (const Finding& f : check.findings)
        context.err() << "tokendesk-cli: " << severityName(f.severity) << ": " << f.message << Qt::endl;
    if (!check.fingerprint.isEmpty())
        context.err() << "tokendesk-cli: public key SHA-256 fingerprint " << check.fingerprint << Qt::endl;
}

} // namespace td::cli
