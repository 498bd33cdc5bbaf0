// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/crypto/RsaKey.h"
#include "core/crypto/SecretBytes.h"
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

enum class EndpointType { LiveKitGet, LiveKitStandard, JitsiGet, ZegoGet, Health };
QString endpointTypeName(EndpointType type);
/** The type named in a config ("livekit-get"), or nullopt. */
std::optional<EndpointType> parseEndpointType(const QString& name);
/** Every endpoint type, in the order the docs list them. */
QList<EndpointType> endpointTypes();
/** The request fields an endpoint of this type understands (what `allowFields` may list). */
QStringList requestFields(EndpointType type);
/** The fields a client may send when the policy has no `allowFields`: the contract's own. */
QStringList contractFields(EndpointType type);
/** Whether a profile of `provider` can serve an endpoint of `type` (Jitsi endpoints take JaaS too). */
bool canServe(Provider provider, EndpointType type);

/** What an endpoint signs with, resolved from a profile or the standard environment variables. */
struct EndpointCredentials {
    Provider provider = Provider::Unknown;
    QString apiKey;                 // LiveKit
    crypto::SecretByteArray secret; // LiveKit API secret, Zego ServerSecret, Jitsi app_secret
    QString serverUrl;              // LiveKit wss:// URL (livekit-standard answers it)
    QString appId;                  // Zego AppID, JaaS AppID, Jitsi app_id
    QString keyId;                  // JaaS / Jitsi RS256
    crypto::RsaPrivateKey privateKey;
    QString audience; // Jitsi
    QString subject;  // Jitsi
};

/** Per-endpoint rules: what a client may ask for and what it always gets. */
struct Policy {
    QStringList allowedFields; // request fields a client may set (besides the contract's identity fields)
    std::optional<QRegularExpression> roomPattern;
    std::optional<QRegularExpression> identityPattern;
    int maxRoomLength = 128;
    int maxIdentityLength = 128;
    qint64 maxTtlSeconds = 3600;
    std::optional<qint64> defaultTtlSeconds;
    QJsonObject grants;   // LiveKit: fixed video grant members
    QJsonObject features; // Jitsi: fixed features (name -> bool)
    bool allowModerator = false;
    bool allowRoomAdmin = false;
    bool allowHidden = false;
    bool allowRecorder = false;
    bool allowAdmin = false;
    bool allowAnyRoom = false;       // Jitsi: a "*" room, valid for every room of the deployment
    bool allowAgentDispatch = false; // LiveKit: room_config.agents (with agentNames, only those agents)
    QStringList agentNames;
    QJsonObject defaults; // field -> value for missing request fields
};

struct Endpoint {
    QString path;
    EndpointType type = EndpointType::Health;
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

/** Credentials from the standard variables for an endpoint type (what the sample servers read). */
Result<EndpointCredentials> credentialsFromEnvironment(EndpointType type, const QProcessEnvironment& environment);

} // namespace td::server
