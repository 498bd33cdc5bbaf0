// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/crypto/RsaKey.h"
#include "core/crypto/SecretBytes.h"
#include "core/providers/EndpointKind.h"
#include "core/providers/Provider.h"

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace td::mint {
class PlanMinter;
} // namespace td::mint

namespace td::server {

/** The type of every endpoint a config can name: each provider module's, then the health check, in that order. */
QList<const EndpointKind*> endpointTypes();
/** The type named in a config ("livekit-get"), or nullptr. */
const EndpointKind* parseEndpointType(const QString& name);
/** "healthz": answers {"status": "ok"}, mints nothing, needs no credentials. */
const EndpointKind& healthEndpoint();

struct Endpoint {
    QString path;
    const EndpointKind* type = &healthEndpoint(); // from a provider module, or the health check
    EndpointCredentials credentials;
    Policy policy;
    /** The credentials prepared once at load by the provider module (the HMAC key, the parsed RSA key). */
    std::shared_ptr<const mint::PlanMinter> minter;
};

struct BearerKey {
    QString name;
    crypto::SecretByteArray key;
};

struct Limits {
    int maxUrlBytes = 2048;
    int maxHeaderBytes = 8192;
    int maxBodyBytes = 16384;
    int requestsPerMinute = 120;
    int burst = 30;
    int idleTimeoutMs = 10000; // a connection that sends no complete request in this time is closed
};

/** The whole server configuration, validated. */
struct ServerConfig {
    QHostAddress bind = QHostAddress::LocalHost;
    quint16 port = 8787;
    bool allowRemote = false;
    QStringList allowedOrigins; // exact "scheme://host[:port]"
    /** Host names (lower case, no port) the server answers to besides IP literals, localhost and the origins'
     *  hosts; any other Host header is refused, which defeats DNS rebinding. */
    QStringList allowedHosts;
    QList<BearerKey> bearerKeys;
    Limits limits;
    QList<Endpoint> endpoints;
    /** What loads but deserves a word ("endpoints[2] /jitsi: no room pattern ..."), for the serve banner and GUI. */
    QStringList warnings;

    /** Resolves a profile name into credentials (the CLI and GUI pass their credentials layer in). */
    using ProfileResolver = std::function<Result<EndpointCredentials>(const QString& profile)>;

    /**
     * Parses and validates a config document. Every error names the offending field
     * ("endpoints[1].policy.maxTtl: ..."). Secrets are read here, from profiles or the environment.
     */
    static Result<ServerConfig> parse(const QByteArray& json, const ProfileResolver& profiles,
                                      const QProcessEnvironment& environment);
};

/** Normalises an origin to "scheme://host[:port]" (default ports dropped), or "" when it is not one. */
QString normaliseOrigin(const QString& origin);

/** Whether a request's Host header names this server: an IP literal, localhost (or *.localhost), the host of an
 *  allowed origin, or one of allowedHosts. A name anyone's DNS can point here (DNS rebinding) is refused. */
bool hostIsServed(const ServerConfig& config, const QByteArray& hostHeader);

} // namespace td::server
