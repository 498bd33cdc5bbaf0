// SPDX-License-Identifier: MIT
// CliContext's side of issue 3: the profile store, the secret store and --profile.
#include "app/cli/CliContext.h"
#include "core/credentials/Importer.h"
#include "core/credentials/ProfileSecrets.h"

#include "app/cli/Prompt.h"
#include "core/credentials/SecretStoreChoice.h"
#include "core/credentials/VaultSecretStore.h"
#include "core/providers/Registry.h"

namespace td::cli {
namespace {

QString fieldValue(const credentials::Profile& p, const QString& field)
{
    const QJsonObject fields = p.toJson().value(QStringLiteral("fields")).toObject();
    return fields.value(field).toString();
}

} // namespace

Result<std::pair<credentials::Profile, crypto::SecretMap>>
CliContext::profileOrEnvironment(const QCommandLineParser& parser)
{
    if (parser.isSet(QStringLiteral("env-file"))) {
        if (auto ok = loadEnvFile(parser.value(QStringLiteral("env-file"))); !ok)
            return std::unexpected(ok.error());
    }
    return profileFromOptions(parser);
}

Result<void> CliContext::applyCredentialOptions(const QCommandLineParser& parser, std::optional<Provider> expected)
{
    m_configDirFlag = parser.value(QStringLiteral("config-dir"));
    m_secretStoreChoice = parser.isSet(QStringLiteral("secret-store"))
                              ? parser.value(QStringLiteral("secret-store"))
                              : m_environment.value(QStringLiteral("TOKENDESK_SECRET_STORE"));
    if (!m_secretStoreChoice.isEmpty() && m_secretStoreChoice != QStringLiteral("keychain") &&
        m_secretStoreChoice != QStringLiteral("vault") && m_secretStoreChoice != QStringLiteral("auto"))
        return fail(ErrorCode::InvalidValue, QStringLiteral("--secret-store takes keychain or vault"));
    if (parser.isSet(QStringLiteral("profile")))
        return loadProfile(parser.value(QStringLiteral("profile")), expected);
    return {};
}

Result<credentials::ProfileStore*> CliContext::profileStore()
{
    if (!m_profileStore)
        m_profileStore = std::make_unique<credentials::ProfileStore>(
            credentials::ProfileStore::resolveConfigDir(m_configDirFlag, m_environment));
    return m_profileStore.get();
}

Result<crypto::SecretBytes> CliContext::passphrase(const QString& variable, const QString& prompt, bool confirm)
{
    if (const QString env = m_environment.value(variable); !env.isEmpty())
        return crypto::secretFromUtf8(env);
    auto first = promptSecret(prompt);
    if (!first)
        return fail(ErrorCode::MissingValue,
                    QStringLiteral("%1 needed: set %2 or run in a terminal").arg(prompt, variable));
    if (confirm) {
        auto again = promptSecret(prompt + QStringLiteral(" (again)"));
        if (!again || again->view() != first->view())
            return fail(ErrorCode::Conflict, QStringLiteral("the two passphrases differ"));
    }
    return first;
}

Result<credentials::SecretStore*> CliContext::secretStore()
{
    if (m_secretStore)
        return m_secretStore.get();
    auto store = profileStore();
    if (!store)
        return std::unexpected(store.error());
    auto opened = credentials::openSecretStore(m_secretStoreChoice, (*store)->vaultPath(), [this](bool creating) {
        return passphrase(QStringLiteral("TOKENDESK_VAULT_PASSPHRASE"),
                          creating ? QStringLiteral("new vault passphrase") : QStringLiteral("vault passphrase"),
                          creating);
    });
    if (!opened)
        return std::unexpected(opened.error());
    m_secretStore = std::move(opened->store);
    const QString why = opened->reason;
    m_err << "tokendesk-cli: secrets: " << m_secretStore->description() << why << Qt::endl;
    return m_secretStore.get();
}

Result<std::pair<credentials::Profile, crypto::SecretMap>> CliContext::profileWithSecrets(const QString& name)
{
    auto store = profileStore();
    if (!store)
        return std::unexpected(store.error());
    auto profile = (*store)->find(name);
    if (!profile)
        return std::unexpected(profile.error());
    auto secrets = secretStore();
    if (!secrets)
        return std::unexpected(secrets.error());
    auto values = credentials::readProfileSecrets(*profile, **secrets);
    if (!values)
        return std::unexpected(values.error());
    return std::pair{*profile, *values};
}

Result<std::pair<credentials::Profile, crypto::SecretMap>>
CliContext::profileFromOptions(const QCommandLineParser& parser)
{
    const bool hasProfile = parser.isSet(QStringLiteral("profile"));
    if (hasProfile == parser.isSet(QStringLiteral("provider")))
        return fail(ErrorCode::Conflict,
                    QStringLiteral("give --profile NAME, or --provider P with credentials in the environment "
                                   "(LIVEKIT_API_KEY, ZEGO_APP_ID, ... or --env-file)"));
    if (auto ok = applyCredentialOptions(parser, std::nullopt); !ok)
        return std::unexpected(ok.error());
    if (hasProfile)
        return profileWithSecrets(parser.value(QStringLiteral("profile")));
    const auto provider = parseProvider(parser.value(QStringLiteral("provider")));
    if (!provider)
        return fail(ErrorCode::InvalidValue, QStringLiteral("--provider takes livekit, zego, jaas or jitsi"));
    // The environment with the env file's values over it (as mergedEnvironment(), which would copy them to QStrings
    // that nothing wipes).
    crypto::SecretMap variables;
    for (const QString& key : m_environment.keys())
        variables.insert(key, m_environment.value(key).toUtf8());
    for (auto it = m_envFile.constBegin(); it != m_envFile.constEnd(); ++it)
        variables.insert(it.key(), it.value());
    auto imported = credentials::importVariables(variables, QStringLiteral("env"));
    if (!imported)
        return std::unexpected(imported.error());
    for (const credentials::ImportedProfile& p : imported->profiles) {
        if (p.profile.provider == *provider)
            return std::pair{p.profile, p.secrets};
    }
    return fail(ErrorCode::NotFound,
                QStringLiteral("no %1 credentials in the environment; set the variables tokendesk-cli mint %1 reads")
                    .arg(providerName(*provider)));
}

Result<void> CliContext::loadProfile(const QString& name, std::optional<Provider> expected)
{
    auto store = profileStore();
    if (!store)
        return std::unexpected(store.error());
    auto profile = (*store)->find(name);
    if (!profile)
        return std::unexpected(profile.error());
    if (expected && profile->provider != *expected)
        return fail(ErrorCode::NotApplicable, QStringLiteral("profile %1 is a %2 profile, not %3")
                                                  .arg(name, providerName(profile->provider), providerName(*expected)));
    auto secrets = secretStore();
    if (!secrets)
        return std::unexpected(secrets.error());
    const ProviderModule* module = findModule(profile->provider);
    for (const EnvironmentVariable& v : module ? module->environmentVariables() : QList<EnvironmentVariable>()) {
        const QString field = QString::fromLatin1(v.field);
        if (!v.secret) {
            m_profileVars.insert(QString::fromLatin1(v.variable), fieldValue(*profile, field).toUtf8());
            continue;
        }
        auto value = (*secrets)->read(profile->secretKey(field));
        if (!value)
            return std::unexpected(value.error());
        if (*value)
            m_profileVars.insert(QString::fromLatin1(v.variable), (*value)->view().toByteArray());
    }
    m_profileProvider = profile->provider;
    m_profileDefaults = {
        {QStringLiteral("ttl"), profile->ttl},         {QStringLiteral("room"), profile->room},
        {QStringLiteral("cipher"), profile->cipher},   {QStringLiteral("audience"), profile->audience},
        {QStringLiteral("subject"), profile->subject}, {QStringLiteral("environment"), profile->environment}};
    return {};
}

} // namespace td::cli
