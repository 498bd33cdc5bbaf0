// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/crypto/RsaKey.h"
#include "core/crypto/SecretBytes.h"
#include "core/providers/Provider.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace td {
class PreparedMinter;
} // namespace td

// The token server's endpoint types belong to the provider modules (ProviderModule::endpointKinds()); core/server
// parses configs, applies limits, CORS and keys, and hands each request to its endpoint's kind.
namespace td::server {

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
    QStringList roles;    // Stream: the roles a client may ask for
    QJsonObject defaults; // field -> value for missing request fields
};

/** The request fields a client sent, by contract name (query items or JSON members). */
using RequestFields = QHash<QString, QJsonValue>;

/** What a handler answers; the server adds CORS and writes it. */
struct HandlerResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    // For the request log (never the token):
    QString identity;
    QString room;
    QString grantsSummary;
    QString reason; // why it was refused
};

/** The values of standard variables, in order; "NAME is not set" for the first one empty or missing. */
Result<QStringList> requiredVariables(const QProcessEnvironment& environment, const QStringList& names);

/** A JSON object answered with `status`. */
HandlerResponse jsonResponse(int status, const QJsonObject& body);
/** JSON {"error": message} with a status. */
HandlerResponse errorResponse(int status, const QString& message);
/** The answer to a request that failed with `error`: httpStatus() of its code; a 500 does not say why. */
HandlerResponse errorResponse(const Error& error);

/** The policy rules every kind applies the same way. */
namespace policy {
/** A request field as text ("" when absent or not text or a number). */
QString text(const RequestFields& fields, const QString& key);
/** true, "true" (any case) or "1". */
bool truthy(const QJsonValue& value);
/** Whether a requested value asks for something: any value but absent, null, false, 0, "", "false" or "0". */
bool asksFor(const QJsonValue& value);
/** Refuses a field the policy does not allow and fills the policy's defaults in. */
std::optional<HandlerResponse> applyFields(const Policy& policy, RequestFields& fields);
/** The room and identity rules (length, pattern, presence); an empty `roomKey` checks only the identity. */
std::optional<HandlerResponse> checkRoomAndIdentity(const Policy& policy, const RequestFields& fields,
                                                    const QString& roomKey, const QString& identityKey,
                                                    bool roomRequired, bool identityRequired);
/** applyFields(), then checkRoomAndIdentity(). */
std::optional<HandlerResponse> applyCommon(const Policy& policy, RequestFields& fields, const QString& roomKey,
                                           const QString& identityKey, bool roomRequired, bool identityRequired);
/** The requested TTL, else the policy's default, else `fallback`, clamped to maxTtl (a header says so). */
std::variant<qint64, HandlerResponse> ttl(const Policy& policy, const QJsonValue& requested, qint64 fallback,
                                          QList<QPair<QByteArray, QByteArray>>& headers);
} // namespace policy

/** One type of token endpoint ("livekit-get"): its request contract, its credentials and its handler. */
class EndpointKind {
public:
    virtual ~EndpointKind() = default;
    /** The type's name in configs ("livekit-get"). */
    virtual QString name() const = 0;
    /** Its title in the server editor ("LiveKit: GET ?room=&identity= (livekit-get)"), a "td::Provider" text. */
    virtual const char* title() const = 0;
    /** GET with query fields, or POST with a JSON body read by readBody(). */
    virtual bool usesPost() const { return false; }
    /** The fields of a POST body, by contract name. */
    virtual Result<RequestFields> readBody(const QByteArray& body) const;
    /** The request fields an endpoint of this type understands (what `allowFields` may list). */
    virtual QStringList requestFields() const = 0;
    /** The fields a client may send when the policy has no `allowFields`: the contract's own. */
    virtual QStringList contractFields() const = 0;
    /** The policy members the type reads besides the common ones ("grants", "allowModerator"). */
    virtual QStringList policyFields() const { return {}; }
    /** The fixed claims a policy may set, and the names they take (LiveKit "grants"; Jitsi "features"). */
    virtual QString fixedClaimsField() const { return {}; }
    virtual QStringList fixedClaimNames() const { return {}; }
    /** Checks what the type reads of a policy at `field` ("endpoints[1].policy"); the error names the member. */
    virtual Result<void> checkPolicy(const Policy& /*policy*/, const QString& /*field*/) const { return {}; }
    /** A word about a policy that loads but is wide open, or "". */
    virtual QString policyWarning(const Policy& /*policy*/) const { return {}; }
    /** Whether the type mints tokens (a health check does not, and needs no credentials). */
    virtual bool mintsTokens() const { return true; }
    /** Whether a profile of `provider` can serve this type. */
    virtual bool canServe(Provider provider) const = 0;
    /** Credentials from the standard variables (what the sample servers read). */
    virtual Result<EndpointCredentials> credentialsFromEnvironment(const QProcessEnvironment& environment) const = 0;
    /** Refuses credentials that cannot mint now, rather than describing them to each client. */
    virtual Result<void> checkCredentials(const EndpointCredentials& /*credentials*/) const { return {}; }
    /** True when minting is slow enough (RSA) to run off the network thread. */
    virtual bool signsWithRsa(const EndpointCredentials& /*credentials*/) const { return false; }
    /** Applies the policy and mints with the endpoint's prepared credentials. Pure and thread-safe. */
    virtual HandlerResponse handle(const EndpointCredentials& credentials, const Policy& policy,
                                   const PreparedMinter* minter, RequestFields fields, const Clock& clock) const = 0;
    /** Example request fields for the server page's snippets ("demo-room", "alice"). */
    virtual QList<QPair<QString, QString>> sampleFields() const = 0;
    /** The JavaScript line that reads the answer in the snippets ("const { token } = await response.json();"). */
    virtual QString readAnswerSnippet() const { return QStringLiteral("const { token } = await response.json();"); }
};

} // namespace td::server
