// SPDX-License-Identifier: MIT
// profile import and profile export.
#include "app/cli/ProfileActions.h"

#include "app/cli/CliContext.h"
#include "app/cli/Command.h"
#include "core/io/PrivateFile.h"
#include "core/credentials/Importer.h"
#include "core/credentials/ProfileSecrets.h"

namespace td::cli {
namespace {

using credentials::ImportedProfile;
using credentials::Profile;

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
        return fail(ErrorCode::MissingValue, QStringLiteral("give one file to import, or --from-env"));
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

/** Checks every imported profile; returns how many cannot be imported (each said on stderr). */
int refusals(const ProfileRequest& r, const QList<ImportedProfile>& imported, const QList<Profile>& existing)
{
    int failures = 0;
    QStringList names;
    for (const ImportedProfile& p : imported) {
        const credentials::ProfileCheck check = credentials::validateProfile(p.profile, p.secrets);
        printFindings(check, r.context);
        const bool exists =
            std::any_of(existing.cbegin(), existing.cend(), [&](const Profile& e) { return e.name == p.profile.name; });
        if (!check.ok()) {
            r.context.err() << "tokendesk-cli: profile " << p.profile.name << " cannot be imported" << Qt::endl;
            ++failures;
        } else if (exists && !r.parser.isSet(QStringLiteral("replace"))) {
            r.context.err() << "tokendesk-cli: a profile named " << p.profile.name << " exists (use --replace)"
                            << Qt::endl;
            ++failures;
        } else if (names.contains(p.profile.name)) {
            r.context.err() << "tokendesk-cli: " << p.profile.name << " is imported twice" << Qt::endl;
            ++failures;
        }
        names << p.profile.name;
    }
    return failures;
}

/** export --with-secrets: an encrypted bundle, written to --output. */
int exportBundle(const ProfileRequest& r, const QList<Profile>& profiles)
{
    if (!r.parser.isSet(QStringLiteral("output")))
        return r.context.error(ExitUsage,
                               QStringLiteral("--with-secrets writes an encrypted bundle: give --output FILE"));
    auto secrets = r.context.secretStore();
    if (!secrets)
        return r.context.exitWith(secrets.error());
    auto bundle = credentials::readProfilesWithSecrets(profiles, **secrets);
    if (!bundle)
        return r.context.exitWith(bundle.error());
    auto pass =
        r.context.passphrase(QStringLiteral("TOKENDESK_BUNDLE_PASSPHRASE"), QStringLiteral("bundle passphrase"), true);
    if (!pass)
        return r.context.exitWith(pass.error());
    auto sealed = credentials::exportBundle(*bundle, pass->view());
    if (!sealed)
        return r.context.exitWith(sealed.error());
    auto ok = io::writeFileAtomically(r.parser.value(QStringLiteral("output")), *sealed);
    if (!ok)
        return r.context.exitWith(ok.error());
    r.context.err() << "tokendesk-cli: exported " << bundle->size() << " profile(s) with secrets, encrypted"
                    << Qt::endl;
    return ExitOk;
}

} // namespace

int importProfiles(const ProfileRequest& r)
{
    bool plaintext = false;
    auto imported = readImport(r.parser, r.context, plaintext);
    if (!imported)
        return r.context.exitWith(imported.error());
    for (const QString& w : imported->warnings)
        r.context.err() << "tokendesk-cli: warning: " << w << Qt::endl;
    // All or nothing: every profile is checked first, then all are written as one change.
    auto existing = r.store.load();
    if (!existing)
        return r.context.exitWith(existing.error());
    if (const int failures = refusals(r, imported->profiles, *existing); failures > 0)
        return r.context.error(ExitUsage, QStringLiteral("nothing imported: %1 profile(s) cannot be").arg(failures));
    auto secretStore = r.context.secretStore();
    if (!secretStore)
        return r.context.exitWith(secretStore.error());
    if (auto ok = credentials::storeProfiles(r.store, **secretStore, imported->profiles); !ok)
        return r.context.exitWith(ok.error());
    for (const ImportedProfile& p : imported->profiles)
        r.context.out() << "imported " << p.profile.name << " (" << providerName(p.profile.provider) << ")\n";
    r.context.out().flush();
    if (plaintext)
        r.context.err() << "tokendesk-cli: the secrets are now in the secret store; the plaintext copy "
                        << r.positional.value(1) << " can be deleted" << Qt::endl;
    return ExitOk;
}

int exportProfiles(const ProfileRequest& r)
{
    auto profiles = r.store.load();
    if (!profiles)
        return r.context.exitWith(profiles.error());
    if (r.parser.isSet(QStringLiteral("with-secrets")))
        return exportBundle(r, *profiles);
    const QByteArray json = credentials::exportProfilesJson(*profiles);
    if (!r.parser.isSet(QStringLiteral("output"))) {
        r.context.out() << QString::fromUtf8(json);
        return ExitOk;
    }
    auto ok = io::writeFileAtomically(r.parser.value(QStringLiteral("output")), json);
    return ok ? ExitOk : r.context.exitWith(ok.error());
}

} // namespace td::cli
