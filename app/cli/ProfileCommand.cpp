// SPDX-License-Identifier: MIT
#include "app/cli/ProfileCommand.h"

#include "core/io/PrivateFile.h"
#include "app/cli/CliContext.h"
#include "app/cli/Prompt.h"
#include "core/credentials/Importer.h"
#include "core/credentials/ProfileSecrets.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace td::cli {
namespace {

using credentials::ImportedProfile;
using credentials::Profile;

struct FieldFlag {
    const char* flag;
    QString Profile::*member;
    const char* help;
};

const FieldFlag kFieldFlags[] = {
    {"url", &Profile::serverUrl, "Server URL (LiveKit wss://, Jitsi base URL, https://8x8.vc)."},
    {"api-key", &Profile::apiKey, "LiveKit API key."},
    {"app-id", &Profile::appId, "Zego AppID, JaaS AppID or Jitsi app_id."},
    {"key-id", &Profile::keyId, "JaaS AppID/kid or Jitsi RS256 kid."},
    {"audience", &Profile::audience, "Jitsi aud."},
    {"subject", &Profile::subject, "Jitsi sub (domain, tenant or *)."},
    {"ttl", &Profile::ttl, "Default TTL (6h, 10m, ...)."},
    {"room", &Profile::room, "Default room."},
    {"cipher", &Profile::cipher, "Zego default cipher: gcm or cbc."},
    {"note", &Profile::note, "Free text."},
    {"env", &Profile::environment, "Environment tag: dev, staging or prod."},
};

// Each secret can be given as a value, a variable name (--X-env) or a file (--X-file).
struct SecretFlag {
    const char* flag;
    const char* field;
};
const SecretFlag kSecretFlags[] = {{"api-secret", "apiSecret"},
                                   {"server-secret", "serverSecret"},
                                   {"app-secret", "appSecret"},
                                   {"private-key", "privateKey"}};

void addProfileOptions(QCommandLineParser& parser)
{
    parser.addOption(
        {QStringLiteral("provider"), QStringLiteral("livekit, zego, jaas or jitsi."), QStringLiteral("P")});
    for (const auto& f : kFieldFlags)
        parser.addOption({QString::fromLatin1(f.flag), QString::fromLatin1(f.help), QStringLiteral("VALUE")});
    for (const auto& s : kSecretFlags) {
        const QString flag = QString::fromLatin1(s.flag);
        if (flag != QStringLiteral("private-key"))
            parser.addOption({flag, QStringLiteral("Secret value (visible in the process list; prefer -env or -file)."),
                              QStringLiteral("S")});
        else
            parser.addOption({flag, QStringLiteral("RSA private key PEM file (same as --private-key-file)."),
                              QStringLiteral("FILE")});
        parser.addOption({flag + QStringLiteral("-env"), QStringLiteral("Read the secret from this variable."),
                          QStringLiteral("VAR")});
        parser.addOption({flag + QStringLiteral("-file"), QStringLiteral("Read the secret from this file."),
                          QStringLiteral("FILE")});
    }
    parser.addOption({QStringLiteral("passphrase-file"), QStringLiteral("Passphrase of an encrypted private key."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("domain-verification"),
                      QStringLiteral("Jitsi: Prosody's enable_domain_verification, on (as shipped) or off."),
                      QStringLiteral("on|off")});
}

/** --domain-verification on|off into the profile; an error names the accepted values. */
Result<void> applyDomainVerification(const QCommandLineParser& parser, Profile& p)
{
    if (!parser.isSet(QStringLiteral("domain-verification")))
        return {};
    const QString v = parser.value(QStringLiteral("domain-verification")).trimmed().toLower();
    if (v != QStringLiteral("on") && v != QStringLiteral("off"))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("--domain-verification takes on or off"));
    if (p.provider != Provider::Jitsi)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("--domain-verification applies to self-hosted Jitsi profiles only"));
    p.domainVerification = v == QStringLiteral("on");
    return {};
}

/** Secrets given on the command line, by field; an encrypted private key is decrypted before it is stored. */
Result<crypto::SecretMap> secretsFromFlags(const QCommandLineParser& parser, CliContext& context)
{
    crypto::SecretMap out;
    for (const auto& s : kSecretFlags) {
        const QString flag = QString::fromLatin1(s.flag);
        crypto::SecretByteArray value; // a key pasted encrypted is wiped once its decrypted form replaces it
        if (flag != QStringLiteral("private-key") && parser.isSet(flag))
            value = parser.value(flag).toUtf8();
        if (parser.isSet(flag + QStringLiteral("-env"))) {
            const QString var = parser.value(flag + QStringLiteral("-env"));
            value = context.environmentValue(var);
            if (value.isEmpty())
                return fail(ErrorCode::InvalidArgument, QStringLiteral("--%1-env: %2 is not set").arg(flag, var));
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
        if (value.isEmpty())
            continue;
        if (flag == QStringLiteral("private-key")) {
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
            value = *stored;
        }
        out.insert(QString::fromLatin1(s.field), value.bytes());
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

/** Validates, then writes the secrets and the profile. Nothing is saved when validation fails. */
int saveProfile(const Profile& profile, const QHash<QString, QByteArray>& secrets, bool mustBeNew, bool mayReplace,
                CliContext& context)
{
    const credentials::ProfileCheck check = credentials::validateProfile(profile, secrets);
    printFindings(check, context);
    if (!check.ok())
        return context.error(ExitUsage, QStringLiteral("profile %1 not saved").arg(profile.name));
    auto store = context.profileStore();
    auto existing = (*store)->load();
    if (!existing)
        return context.error(ExitUsage, existing.error());
    const bool exists =
        std::any_of(existing->begin(), existing->end(), [&](const Profile& p) { return p.name == profile.name; });
    if (exists && mustBeNew && !mayReplace)
        return context.error(ExitUsage,
                             QStringLiteral("a profile named %1 exists (use edit, or --replace)").arg(profile.name));
    auto secretStore = context.secretStore();
    if (!secretStore)
        return context.error(ExitUsage, secretStore.error());
    if (auto ok = credentials::storeProfile(**store, **secretStore, profile, secrets); !ok)
        return context.error(ExitUsage, ok.error());
    return ExitOk;
}

QJsonObject describe(const Profile& p, const crypto::SecretMap* secrets, bool reveal)
{
    QJsonObject o = p.toJson();
    if (secrets) {
        QJsonObject s;
        for (const QString& field : Profile::secretFields(p.provider)) {
            if (!secrets->contains(field))
                s.insert(field, QStringLiteral("(not set)"));
            else
                s.insert(field, reveal ? QString::fromUtf8(secrets->value(field))
                                       : QStringLiteral("(stored, %1 characters)").arg(secrets->value(field).size()));
        }
        o.insert(QStringLiteral("secrets"), s);
    }
    return o;
}

/** profile list --orphans: secrets that no profile uses (a save or delete killed half-way); --remove sweeps them. */
int listOrphans(CliContext& context, bool json, bool remove)
{
    auto profiles = (*context.profileStore())->load();
    if (!profiles)
        return context.error(ExitUsage, profiles.error());
    auto store = context.secretStore();
    if (!store)
        return context.error(ExitUsage, store.error());
    auto orphans = credentials::orphanedSecrets(*profiles, **store);
    if (!orphans)
        return context.error(ExitUsage, orphans.error());
    if (!*orphans)
        return context.error(ExitUsage, QStringLiteral("%1 cannot list its entries").arg((*store)->description()));
    if (remove) {
        for (const QString& key : **orphans) {
            if (auto ok = (*store)->remove(key); !ok)
                return context.error(ExitUsage, ok.error());
        }
    }
    if (json) {
        context.printJson(QJsonObject{{QStringLiteral("orphans"), QJsonArray::fromStringList(**orphans)},
                                      {QStringLiteral("removed"), remove}});
        return ExitOk;
    }
    for (const QString& key : **orphans)
        context.out() << key << '\n';
    context.err() << "tokendesk-cli: " << (*orphans)->size() << " secret(s) no profile uses"
                  << (remove ? ", removed" : " (--remove deletes them)") << Qt::endl;
    return ExitOk;
}

int list(CliContext& context, bool json)
{
    auto profiles = (*context.profileStore())->load();
    if (!profiles)
        return context.error(ExitUsage, profiles.error());
    if (json) {
        QJsonArray a;
        for (const Profile& p : *profiles)
            a.append(p.toJson());
        context.printJson(QJsonObject{{QStringLiteral("profiles"), a}});
        return ExitOk;
    }
    if (profiles->isEmpty())
        context.err() << "tokendesk-cli: no profiles yet (tokendesk-cli profile add --help)" << Qt::endl;
    for (const Profile& p : *profiles) {
        const QString id = p.provider == Provider::LiveKit ? p.apiKey : p.appId;
        context.out()
            << p.name.leftJustified(24) << ' ' << providerName(p.provider).leftJustified(8) << ' '
            << (p.environment == QStringLiteral("prod") ? QStringLiteral("PROD") : p.environment).leftJustified(8)
            << ' ' << id << '\n';
    }
    return ExitOk;
}

Result<credentials::ImportResult> readImport(const QCommandLineParser& parser, CliContext& context, bool& plaintextFile)
{
    const QString prefix =
        parser.isSet(QStringLiteral("prefix")) ? parser.value(QStringLiteral("prefix")) : QStringLiteral("imported");
    if (parser.isSet(QStringLiteral("from-env"))) {
        crypto::SecretMap vars;
        for (const char* v : {"LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET", "ZEGO_APP_ID",
                              "ZEGO_SERVER_SECRET", "JAAS_APP_ID", "JAAS_KEY_ID", "JAAS_PRIVATE_KEY", "JITSI_APP_ID",
                              "JITSI_APP_SECRET", "JITSI_URL", "JITSI_DOMAIN"})
            vars.insert(QLatin1String(v), context.environmentValue(QLatin1String(v)));
        return credentials::importVariables(vars, prefix);
    }
    const QStringList files = parser.positionalArguments().mid(1);
    if (files.size() != 1)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("give one file to import, or --from-env"));
    auto data = context.readInput(files.first());
    if (!data)
        return std::unexpected(data.error());
    const credentials::ImportFormat format = credentials::detectImportFormat(*data, files.first());
    if (format == credentials::ImportFormat::Bundle) {
        auto pass = context.passphrase(QStringLiteral("TOKENDESK_BUNDLE_PASSPHRASE"),
                                       QStringLiteral("bundle passphrase"), false);
        if (!pass)
            return std::unexpected(pass.error());
        return credentials::importBundle(*data, pass->view());
    }
    plaintextFile = credentials::holdsPlaintextSecrets(format);
    auto imported =
        credentials::importFile(*data, files.first(), parser.isSet(QStringLiteral("prefix")) ? prefix : QString());
    crypto::wipe(*data); // an env file or a livekit-cli config: secrets in plain text
    return imported;
}

} // namespace

int ProfileCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Manage provider profiles.\n  profile list | show NAME [--reveal] | add --name N --provider P ... | edit NAME "
        "... |\n"
        "  remove NAME | import FILE|--from-env [--prefix P] [--replace] | export [--output F] [--with-secrets]"));
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("list, show, add, edit, remove, import, export"));
    parser.addOptions({
        {QStringLiteral("name"), QStringLiteral("Profile name (add)."), QStringLiteral("NAME")},
        {QStringLiteral("json"), QStringLiteral("JSON output (list, show).")},
        {QStringLiteral("reveal"), QStringLiteral("show: print the secrets themselves.")},
        {QStringLiteral("orphans"), QStringLiteral("list: secrets in the store that no profile uses.")},
        {QStringLiteral("remove"), QStringLiteral("list --orphans: delete them.")},
        {QStringLiteral("from-env"), QStringLiteral("import: from the process environment.")},
        {QStringLiteral("prefix"), QStringLiteral("import: name prefix of imported profiles."), QStringLiteral("P")},
        {QStringLiteral("replace"), QStringLiteral("import/add: overwrite profiles of the same name.")},
        {QStringLiteral("output"), QStringLiteral("export: write to this file."), QStringLiteral("FILE")},
        {QStringLiteral("with-secrets"), QStringLiteral("export: an encrypted bundle with the secrets.")},
        {QStringLiteral("env-file"), QStringLiteral("Read --X-env variables from an env file too."),
         QStringLiteral("FILE")},
    });
    addProfileOptions(parser);
    parser.addOption({QStringLiteral("config-dir"),
                      QStringLiteral("Profiles and vault directory (or TOKENDESK_CONFIG_DIR)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("secret-store"), QStringLiteral("keychain or vault."), QStringLiteral("STORE")});
    parser.addOption({QStringLiteral("profile"), QStringLiteral("(unused here)"), QStringLiteral("NAME")});
    if (auto stop = parseArguments(parser, args, context))
        return *stop;
    if (parser.isSet(QStringLiteral("profile")))
        return context.error(ExitUsage,
                             QStringLiteral("profile commands name the profile as an argument, not with --profile"));
    if (auto ok = context.applyCredentialOptions(parser, std::nullopt); !ok)
        return context.error(ExitUsage, ok.error());
    if (parser.isSet(QStringLiteral("env-file"))) {
        if (auto ok = context.loadEnvFile(parser.value(QStringLiteral("env-file"))); !ok)
            return context.error(ExitUsage, ok.error());
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const QString target = positional.value(1);
    auto store = context.profileStore();

    if (action == QStringLiteral("list") && parser.isSet(QStringLiteral("orphans")))
        return listOrphans(context, parser.isSet(QStringLiteral("json")), parser.isSet(QStringLiteral("remove")));
    if (action == QStringLiteral("list"))
        return list(context, parser.isSet(QStringLiteral("json")));

    if (action == QStringLiteral("show") || action == QStringLiteral("remove") || action == QStringLiteral("edit")) {
        if (target.isEmpty())
            return context.error(ExitUsage, QStringLiteral("profile %1 NAME").arg(action));
        auto profile = (*store)->find(target);
        if (!profile)
            return context.error(ExitUsage, profile.error());
        auto secrets = context.secretStore();
        if (!secrets)
            return context.error(ExitUsage, secrets.error());
        auto stored = credentials::readProfileSecrets(*profile, **secrets);
        if (!stored)
            return context.error(ExitUsage, stored.error());
        if (action == QStringLiteral("show")) {
            const QJsonObject o = describe(*profile, &*stored, parser.isSet(QStringLiteral("reveal")));
            const credentials::ProfileCheck check = credentials::validateProfile(*profile, *stored);
            QJsonObject full = o;
            if (!check.fingerprint.isEmpty())
                full.insert(QStringLiteral("publicKeyFingerprint"), check.fingerprint);
            context.printJson(full);
            return ExitOk;
        }
        if (action == QStringLiteral("remove")) {
            if (auto ok = credentials::deleteProfile(**store, **secrets, target); !ok)
                return context.error(ExitUsage, ok.error());
            context.err() << "tokendesk-cli: removed profile " << target << " and its secrets" << Qt::endl;
            return ExitOk;
        }
        // edit: only what is given changes.
        Profile edited = *profile;
        for (const auto& f : kFieldFlags) {
            if (parser.isSet(QString::fromLatin1(f.flag)))
                edited.*f.member = parser.value(QString::fromLatin1(f.flag));
        }
        if (auto ok = applyDomainVerification(parser, edited); !ok)
            return context.error(ExitUsage, ok.error());
        auto given = secretsFromFlags(parser, context);
        if (!given)
            return context.error(ExitUsage, given.error());
        crypto::SecretMap merged = *stored;
        for (auto it = given->begin(); it != given->end(); ++it)
            merged.insert(it.key(), it.value());
        return saveProfile(edited, merged, false, true, context);
    }

    if (action == QStringLiteral("add")) {
        Profile p;
        p.name = parser.value(QStringLiteral("name"));
        const auto provider = parseProvider(parser.value(QStringLiteral("provider")));
        if (!provider)
            return context.error(ExitUsage, QStringLiteral("--provider takes livekit, zego, jaas or jitsi"));
        p.provider = *provider;
        for (const auto& f : kFieldFlags) {
            if (parser.isSet(QString::fromLatin1(f.flag)))
                p.*f.member = parser.value(QString::fromLatin1(f.flag));
        }
        if (auto ok = applyDomainVerification(parser, p); !ok)
            return context.error(ExitUsage, ok.error());
        auto secrets = secretsFromFlags(parser, context);
        if (!secrets)
            return context.error(ExitUsage, secrets.error());
        // Interactive only for what is missing: a typed secret, never a key file.
        const QString first = Profile::secretFields(p.provider).value(0);
        if (first != QStringLiteral("privateKey") && !secrets->contains(first) &&
            !(p.provider == Provider::Jitsi && secrets->contains(QStringLiteral("privateKey")))) {
            if (auto typed = promptSecret(QStringLiteral("%1 %2").arg(providerName(p.provider), first)))
                secrets->insert(first, typed->view().toByteArray());
        }
        return saveProfile(p, *secrets, true, parser.isSet(QStringLiteral("replace")), context);
    }

    if (action == QStringLiteral("import")) {
        bool plaintext = false;
        auto imported = readImport(parser, context, plaintext);
        if (!imported)
            return context.error(ExitUsage, imported.error());
        for (const QString& w : imported->warnings)
            context.err() << "tokendesk-cli: warning: " << w << Qt::endl;
        // All or nothing: every profile is checked first, then all are written as one change.
        auto existing = (*store)->load();
        if (!existing)
            return context.error(ExitUsage, existing.error());
        int failures = 0;
        QStringList names;
        for (const ImportedProfile& p : imported->profiles) {
            const credentials::ProfileCheck check = credentials::validateProfile(p.profile, p.secrets);
            printFindings(check, context);
            const bool exists = std::any_of(existing->cbegin(), existing->cend(),
                                            [&](const Profile& e) { return e.name == p.profile.name; });
            if (!check.ok()) {
                context.err() << "tokendesk-cli: profile " << p.profile.name << " cannot be imported" << Qt::endl;
                ++failures;
            } else if (exists && !parser.isSet(QStringLiteral("replace"))) {
                context.err() << "tokendesk-cli: a profile named " << p.profile.name << " exists (use --replace)"
                              << Qt::endl;
                ++failures;
            } else if (names.contains(p.profile.name)) {
                context.err() << "tokendesk-cli: " << p.profile.name << " is imported twice" << Qt::endl;
                ++failures;
            }
            names << p.profile.name;
        }
        if (failures > 0)
            return context.error(ExitUsage, QStringLiteral("nothing imported: %1 profile(s) cannot be").arg(failures));
        auto secretStore = context.secretStore();
        if (!secretStore)
            return context.error(ExitUsage, secretStore.error());
        if (auto ok = credentials::storeProfiles(**store, **secretStore, imported->profiles); !ok)
            return context.error(ExitUsage, ok.error());
        for (const ImportedProfile& p : imported->profiles)
            context.out() << "imported " << p.profile.name << " (" << providerName(p.profile.provider) << ")\n";
        context.out().flush();
        if (plaintext)
            context.err() << "tokendesk-cli: the secrets are now in the secret store; the plaintext copy "
                          << positional.value(1) << " can be deleted" << Qt::endl;
        return ExitOk;
    }

    if (action == QStringLiteral("export")) {
        auto profiles = (*store)->load();
        if (!profiles)
            return context.error(ExitUsage, profiles.error());
        if (!parser.isSet(QStringLiteral("with-secrets"))) {
            const QByteArray json = credentials::exportProfilesJson(*profiles);
            if (!parser.isSet(QStringLiteral("output"))) {
                context.out() << QString::fromUtf8(json);
                return ExitOk;
            }
            auto ok = io::writeFileAtomically(parser.value(QStringLiteral("output")), json);
            return ok ? ExitOk : context.error(ExitUsage, ok.error());
        }
        if (!parser.isSet(QStringLiteral("output")))
            return context.error(ExitUsage,
                                 QStringLiteral("--with-secrets writes an encrypted bundle: give --output FILE"));
        auto secrets = context.secretStore();
        if (!secrets)
            return context.error(ExitUsage, secrets.error());
        auto bundle = credentials::readProfilesWithSecrets(*profiles, **secrets);
        if (!bundle)
            return context.error(ExitUsage, bundle.error());
        auto pass = context.passphrase(QStringLiteral("TOKENDESK_BUNDLE_PASSPHRASE"),
                                       QStringLiteral("bundle passphrase"), true);
        if (!pass)
            return context.error(ExitUsage, pass.error());
        auto sealed = credentials::exportBundle(*bundle, pass->view());
        if (!sealed)
            return context.error(ExitUsage, sealed.error());
        auto ok = io::writeFileAtomically(parser.value(QStringLiteral("output")), *sealed);
        if (!ok)
            return context.error(ExitUsage, ok.error());
        context.err() << "tokendesk-cli: exported " << bundle->size() << " profile(s) with secrets, encrypted"
                      << Qt::endl;
        return ExitOk;
    }
    return context.error(ExitUsage, QStringLiteral("profile takes list, show, add, edit, remove, import or export"));
}

} // namespace td::cli
