// SPDX-License-Identifier: MIT
#include "app/cli/ServeCommand.h"

#include "app/cli/CliContext.h"
#include "core/credentials/ProfileSecrets.h"
#include "core/server/BearerKeys.h"
#include "core/server/ProfileCredentials.h"
#include "core/server/TokenServer.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QFileInfo>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace td::cli {
namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int number)
{
    const char c = static_cast<char>(number);
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

/** Credentials of a stored profile, for an endpoint. */
Result<server::EndpointCredentials> fromProfile(const QString& name, CliContext& context)
{
    auto store = context.profileStore();
    if (!store)
        return std::unexpected(store.error());
    auto profile = (*store)->find(name);
    if (!profile)
        return std::unexpected(profile.error());
    auto secrets = context.secretStore();
    if (!secrets)
        return std::unexpected(secrets.error());
    auto stored = credentials::readProfileSecrets(*profile, **secrets);
    if (!stored)
        return std::unexpected(stored.error());
    return server::credentialsFromProfile(*profile, *stored);
}

/** The environment for a config: bearer keys whose variable is unset come from the secret store (the desktop app's). */
Result<QProcessEnvironment> environmentFor(const QByteArray& config, CliContext& context)
{
    QProcessEnvironment environment = context.mergedEnvironment();
    const QStringList missing =
        server::missingBearerKeyVariables(QJsonDocument::fromJson(config).object(), environment);
    if (missing.isEmpty())
        return environment;
    auto secrets = context.secretStore();
    if (!secrets)
        return std::unexpected(secrets.error());
    if (auto ok = server::addStoredBearerKeys(environment, missing, **secrets); !ok)
        return std::unexpected(ok.error());
    return environment;
}

const OptionSpec kOptions[] = {
    option("config", "FILE", "Server config JSON.").file(),
    option("bind", "ADDR", "Address to listen on (default 127.0.0.1)."),
    option("port", "N", "Port (0 = any free port)."),
    flag("allow-remote", "Allow a non-loopback bind address."),
    option("log-format", "FORMAT", "human (default) or json.").oneOf("human json"),
    option("env-file", "FILE", "Variables for \"credentials\": \"env\" endpoints and bearer keys.").file(),
};

/** --bind, --port and --allow-remote over the config's. */
Result<void> applyListenOptions(const QCommandLineParser& parser, server::ServerConfig& config)
{
    if (parser.isSet(QStringLiteral("bind"))) {
        const QHostAddress address(parser.value(QStringLiteral("bind")));
        if (address.isNull())
            return fail(ErrorCode::InvalidValue, QStringLiteral("--bind takes an IP address"));
        config.bind = address;
    }
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port > 65535)
            return fail(ErrorCode::OutOfRange, QStringLiteral("--port takes 0 to 65535"));
        config.port = static_cast<quint16>(port);
    }
    if (parser.isSet(QStringLiteral("allow-remote")))
        config.allowRemote = true;
    return {};
}

/** Reads and parses the config, at start and on SIGHUP. */
Result<server::ServerConfig> loadConfig(const QCommandLineParser& parser, CliContext& context)
{
    const QString configPath = parser.value(QStringLiteral("config"));
    // A FIFO or device would block the event loop on every reload: only a regular file is a config.
    if (configPath != QStringLiteral("-") && !QFileInfo(configPath).isFile())
        return fail(
            ErrorCode::FileError,
            QStringLiteral("%1 is not a regular file (a config is read whole at start and on SIGHUP)").arg(configPath));
    auto text = context.readInput(configPath);
    if (!text)
        return std::unexpected(text.error());
    auto environment = environmentFor(*text, context);
    if (!environment)
        return std::unexpected(environment.error());
    auto config = server::ServerConfig::parse(
        *text, [&](const QString& profile) { return fromProfile(profile, context); }, *environment);
    if (!config)
        return fail(config.error().code, configPath + QStringLiteral(": ") + config.error().message);
    if (auto ok = applyListenOptions(parser, *config); !ok)
        return std::unexpected(ok.error());
    return config;
}

/** Signals arrive through a socket pair, so the handler does nothing but write one byte. */
bool catchSignals()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return false;
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int s : {SIGHUP, SIGINT, SIGTERM})
        sigaction(s, &action, nullptr);
    return true;
}

void printStarted(const server::TokenServer& server, const server::ServerConfig& config, CliContext& context)
{
    if (!config.bind.isLoopback() && config.bearerKeys.isEmpty())
        context.err() << "tokendesk-cli: WARNING: listening on " << config.bind.toString()
                      << " WITHOUT bearer keys: anyone who can reach this address can mint tokens" << Qt::endl;
    context.err() << "tokendesk-cli: serving on " << server.url() << Qt::endl;
    for (const server::Endpoint& e : config.endpoints)
        context.err() << "  " << e.path << "  (" << e.type->name() << ")" << Qt::endl;
    for (const QString& warning : config.warnings)
        context.err() << "tokendesk-cli: warning: " << warning << Qt::endl;
}

/** SIGHUP: a fresh config on the same listener; a config that fails to load leaves the running one. */
void reload(server::TokenServer& server, const QCommandLineParser& parser, CliContext& context)
{
    auto fresh = loadConfig(parser, context);
    if (!fresh) {
        context.err() << "tokendesk-cli: reload failed, keeping the running config: " << fresh.error().message
                      << Qt::endl;
        return;
    }
    const auto running = server.config();
    const bool moved = fresh->bind != running->bind || (fresh->port != running->port && fresh->port != 0);
    // The listener stays where it is: say so rather than let "reloaded" suggest otherwise.
    fresh->bind = running->bind;
    fresh->port = running->port;
    server.reload(*fresh);
    context.err() << "tokendesk-cli: config reloaded (" << fresh->endpoints.size() << " endpoints)";
    if (moved)
        context.err() << "; bind and port are not changed by a reload: still serving on " << server.url()
                      << ", restart to move";
    context.err() << Qt::endl;
    for (const QString& warning : fresh->warnings)
        context.err() << "tokendesk-cli: warning: " << warning << Qt::endl;
}

/** Serves until SIGINT or SIGTERM; SIGHUP reloads. */
int serve(const server::ServerConfig& config, bool json, const QCommandLineParser& parser, CliContext& context)
{
    server::TokenServer server(context.clock());
    QObject::connect(&server, &server::TokenServer::requestLogged, &server, [&](const server::LogEntry& e) {
        context.out() << (json ? QString::fromUtf8(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact))
                               : e.toText())
                      << '\n';
        context.out().flush();
    });
    auto port = server.start(config);
    if (!port)
        return context.exitWith(port.error());
    printStarted(server, config, context);
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &server, [&] {
        char c = 0;
        if (::read(g_signalPipe[0], &c, 1) != 1)
            return;
        if (c == SIGHUP)
            reload(server, parser, context);
        else
            QCoreApplication::quit();
    });
    const int rc = QCoreApplication::exec();
    server.stop();
    return rc == 0 ? ExitOk : ExitInvalid;
}

} // namespace

CommandSpec ServeCommand::spec() const
{
    CommandSpec spec{QStringLiteral("Serve tokens to a frontend (see docs/server.md for the config)."), {}, {}, {}};
    return spec.add(kOptions).add(kCredentialOptions);
}

int ServeCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    if (auto stop = parseCommand(parser, spec(), args, context))
        return *stop;
    if (!parser.isSet(QStringLiteral("config")))
        return context.error(ExitUsage, QStringLiteral("serve needs --config FILE"));
    if (parser.isSet(QStringLiteral("env-file"))) {
        if (auto ok = context.loadEnvFile(parser.value(QStringLiteral("env-file"))); !ok)
            return context.exitWith(ok.error());
    }
    if (auto ok = context.applyCredentialOptions(parser, std::nullopt); !ok)
        return context.exitWith(ok.error());
    const bool json = parser.value(QStringLiteral("log-format")) == QStringLiteral("json");
    if (parser.isSet(QStringLiteral("log-format")) && !json &&
        parser.value(QStringLiteral("log-format")) != QStringLiteral("human"))
        return context.error(ExitUsage, QStringLiteral("--log-format takes human or json"));
    // Signals are caught from here on: one that comes while the config and its secrets load (a vault key takes a
    // moment to derive) is handled as soon as the event loop runs, so the process still exits cleanly.
    if (!catchSignals())
        return context.error(ExitUsage, QStringLiteral("cannot set up signal handling"));
    auto config = loadConfig(parser, context);
    if (!config)
        return context.exitWith(config.error());
    return serve(*config, json, parser, context);
}

} // namespace td::cli
