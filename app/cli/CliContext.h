// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/Command.h"
#include "core/Clock.h"
#include "core/Error.h"
#include "core/credentials/ProfileStore.h"
#include "core/credentials/SecretStore.h"
#include "core/crypto/SecretBytes.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QHash>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTextStream>

#include <memory>
#include <optional>

namespace td::cli {

/** What every command needs from the outside world; main() builds it, tests could build their own. */
class CliContext final {
public:
    CliContext(const Clock& clock, const QProcessEnvironment& environment);

    const Clock& clock() const { return m_clock; }
    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }

    /** Loads --env-file FILE (export K=V or .dev.vars); its values come before the process environment. */
    Result<void> loadEnvFile(const QString& path);
    /** A credential: the flag's value if given, else the env file, else the environment. */
    QByteArray credential(const QCommandLineParser& parser, const QString& flag, const QString& envName) const;
    /** The process environment with the env file's values over it. */
    QProcessEnvironment mergedEnvironment() const;
    /** A variable from the env file, else the process environment. */
    QByteArray environmentValue(const QString& name) const;

    /** Prints "tokendesk-cli: <message>" to stderr and returns the exit code. */
    int error(int exitCode, const QString& message);
    /** Prints the error's message and returns its exit code (exitCodeFor). */
    int exitWith(const Error& e) { return error(exitCodeFor(e.code), e.message); }
    void printJson(const QJsonObject& object);

    /** Reads a file, or stdin for "-". */
    Result<QByteArray> readInput(const QString& pathOrDash);

    /** Takes --config-dir, --secret-store and --profile (CliCredentials.cpp). */
    Result<void> applyCredentialOptions(const QCommandLineParser& parser, std::optional<Provider> expected);
    Result<credentials::ProfileStore*> profileStore();
    /** The secret store: --secret-store / TOKENDESK_SECRET_STORE, else the keychain when one answers, else the vault.
     */
    Result<credentials::SecretStore*> secretStore();
    /** Makes a profile's fields and secrets the fallback for flags (flag > profile > env file > environment). */
    Result<void> loadProfile(const QString& name, std::optional<Provider> expected);
    /** A profile default ("ttl", "room", "cipher", "audience", "subject"), or "". */
    QString profileDefault(const QString& key) const { return m_profileDefaults.value(key); }
    /** A stored profile with its secrets (batch and matrix mint with the profile as a whole). */
    Result<std::pair<credentials::Profile, crypto::SecretMap>> profileWithSecrets(const QString& name);
    /**
     * --profile NAME, or --provider P with the credential variables of the environment and --env-file (what batch
     * and matrix mint with); applies the credential options.
     */
    Result<std::pair<credentials::Profile, crypto::SecretMap>> profileFromOptions(const QCommandLineParser& parser);
    /** Loads --env-file, then profileFromOptions(): for commands set up with addProfileOrEnvironmentOptions(). */
    Result<std::pair<credentials::Profile, crypto::SecretMap>> profileOrEnvironment(const QCommandLineParser& parser);
    /** The provider of the profile loaded with --profile, if any. */
    std::optional<Provider> profileProvider() const { return m_profileProvider; }
    /** Reads a passphrase from the variable, else the terminal. */
    Result<crypto::SecretBytes> passphrase(const QString& variable, const QString& prompt, bool confirm);

private:
    const Clock& m_clock;
    QProcessEnvironment m_environment;
    // Secrets from --env-file and --profile: the maps wipe them when the context goes.
    crypto::SecretMap m_envFile;
    crypto::SecretMap m_profileVars;
    QHash<QString, QString> m_profileDefaults;
    std::optional<Provider> m_profileProvider;
    QString m_configDirFlag;
    QString m_secretStoreChoice;
    std::unique_ptr<credentials::ProfileStore> m_profileStore;
    std::unique_ptr<credentials::SecretStore> m_secretStore;
    QTextStream m_out;
    QTextStream m_err;
};

/**
 * Processes arguments (adding --help). Returns an exit code when the command should stop: 2 after printing the
 * parser's error, 0 after printing the help text; nullopt to go on.
 */
std::optional<int> parseArguments(QCommandLineParser& parser, const QStringList& args, CliContext& context);

} // namespace td::cli
