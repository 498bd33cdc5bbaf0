// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/Error.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QHash>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTextStream>

#include <optional>

namespace td::cli {

/** What every command needs from the outside world; main() builds it, tests could build their own. */
class CliContext final {
public:
    CliContext(const Clock& clock, QProcessEnvironment environment);

    const Clock& clock() const { return m_clock; }
    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }

    /** Loads --env-file FILE (export K=V or .dev.vars); its values come before the process environment. */
    Result<void> loadEnvFile(const QString& path);
    /** A credential: the flag's value if given, else the env file, else the environment. */
    QByteArray credential(const QCommandLineParser& parser, const QString& flag, const QString& envName) const;
    /** A variable from the env file, else the process environment. */
    QByteArray environmentValue(const QString& name) const;

    /** Prints "tokendesk-cli: <message>" to stderr and returns the exit code. */
    int error(int exitCode, const QString& message);
    int error(int exitCode, const Error& e) { return error(exitCode, e.message); }
    void printJson(const QJsonObject& object);

    /** Reads a file, or stdin for "-". */
    Result<QByteArray> readInput(const QString& pathOrDash);

private:
    const Clock& m_clock;
    QProcessEnvironment m_environment;
    QHash<QString, QByteArray> m_envFile;
    QTextStream m_out;
    QTextStream m_err;
};

/** Parses "true"/"false" (also 1/0, yes/no) for tri-state flags. */
std::optional<bool> parseBool(const QString& text);

/**
 * Processes arguments (adding --help). Returns an exit code when the command should stop: 2 after printing the
 * parser's error, 0 after printing the help text; nullopt to go on.
 */
std::optional<int> parseArguments(QCommandLineParser& parser, const QStringList& args, CliContext& context);

} // namespace td::cli

namespace td {
struct MintedToken;
}

namespace td::cli {

/** Adds --json, --env-file and --ttl, which every mint command has. */
void addCommonMintOptions(QCommandLineParser& parser);
/** Refuses positional arguments and loads --env-file; returns an exit code when the command should stop. */
std::optional<int> handleCommonOptions(QCommandLineParser& parser, CliContext& context);
/** The token alone, or with --json {"provider","token","header","claims","expiresAt"}. */
int printMinted(const MintedToken& minted, bool json, CliContext& context);
/** --ttl, or the default when absent. */
Result<qint64> ttlOption(const QCommandLineParser& parser, qint64 defaultSeconds);

} // namespace td::cli
