// SPDX-License-Identifier: MIT
#include "core/server/ServerConfig.h"

#include "core/mint/PlanMinter.h"
#include "core/server/ProfileCredentials.h"

#include "core/Duration.h"
#include "core/crypto/Pem.h"
#include "core/providers/jitsi/JitsiClaims.h"
#include "core/providers/livekit/LiveKitGrants.h"
#include "core/json/JsonNumber.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace td::server {
namespace {

/** An error about the config value at `field` ("endpoints[1].policy.maxTtl: a duration such as ..."). */
template <typename... Args> Error at(const QString& field, ErrorCode code, const char* text, const Args&... args)
{
    return makeError(code, text, QStringList{detail::errorArg(args)...}).at(field);
}

Result<std::optional<QRegularExpression>> pattern(const QJsonObject& o, const char* key, const QString& field)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return std::optional<QRegularExpression>();
    if (!v.isString())
        return std::unexpected(
            at(field, ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "must be a regular expression string")));
    QRegularExpression re(v.toString());
    if (!re.isValid())
        return std::unexpected(at(field, ErrorCode::InvalidValue,
                                  QT_TRANSLATE_NOOP("td::Error", "invalid regular expression: %1"), re.errorString()));
    // Anchor the whole value: "demo-.*" must not match "evil-demo-x".
    return std::optional<QRegularExpression>(QRegularExpression(QRegularExpression::anchoredPattern(v.toString())));
}

Result<Policy> parsePolicy(const QJsonObject& o, EndpointType type, const QString& field)
{
    Policy p;
    static const QStringList known = {QStringLiteral("allowFields"),       QStringLiteral("room"),
                                      QStringLiteral("identity"),          QStringLiteral("maxRoomLength"),
                                      QStringLiteral("maxIdentityLength"), QStringLiteral("maxTtl"),
                                      QStringLiteral("defaultTtl"),        QStringLiteral("grants"),
                                      QStringLiteral("features"),          QStringLiteral("allowModerator"),
                                      QStringLiteral("allowRoomAdmin"),    QStringLiteral("allowHidden"),
                                      QStringLiteral("allowRecorder"),     QStringLiteral("allowAdmin"),
                                      QStringLiteral("allowAnyRoom"),      QStringLiteral("allowAgentDispatch"),
                                      QStringLiteral("agentNames"),        QStringLiteral("defaults")};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            return std::unexpected(at(field + QLatin1Char('.') + it.key(), ErrorCode::UnknownField,
                                      QT_TRANSLATE_NOOP("td::Error", "unknown policy field")));
    }
    // Without allowFields a client may send the contract's own fields; with it, exactly the fields listed.
    p.allowedFields = o.contains(QStringLiteral("allowFields")) ? QStringList() : contractFields(type);
    for (const QJsonValue& v : o.value(QStringLiteral("allowFields")).toArray()) {
        if (!requestFields(type).contains(v.toString()))
            return std::unexpected(at(field + QStringLiteral(".allowFields"), ErrorCode::InvalidValue,
                                      QT_TRANSLATE_NOOP("td::Error", "\"%1\" is not a request field of %2"),
                                      v.toString(), endpointTypeName(type)));
        p.allowedFields << v.toString();
    }
    auto room = pattern(o, "room", field + QStringLiteral(".room"));
    if (!room)
        return std::unexpected(room.error());
    p.roomPattern = *room;
    auto identity = pattern(o, "identity", field + QStringLiteral(".identity"));
    if (!identity)
        return std::unexpected(identity.error());
    p.identityPattern = *identity;
    p.maxRoomLength = o.value(QStringLiteral("maxRoomLength")).toInt(p.maxRoomLength);
    p.maxIdentityLength = o.value(QStringLiteral("maxIdentityLength")).toInt(p.maxIdentityLength);
    for (const char* key : {"maxTtl", "defaultTtl"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            continue;
        auto seconds = v.isDouble() ? Result<qint64>(json::toInt64(v).value_or(0)) : parseDuration(v.toString());
        if (!seconds || *seconds <= 0)
            return std::unexpected(at(field + QLatin1Char('.') + QLatin1String(key), ErrorCode::InvalidValue,
                                      QT_TRANSLATE_NOOP("td::Error", "a duration such as 10m or 1h, or seconds")));
        if (QLatin1String(key) == QLatin1String("maxTtl"))
            p.maxTtlSeconds = *seconds;
        else
            p.defaultTtlSeconds = *seconds;
    }
    p.grants = o.value(QStringLiteral("grants")).toObject();
    if (!p.grants.isEmpty()) {
        if (auto ok = livekit::VideoGrant::fromJson(p.grants); !ok)
            return std::unexpected(ok.error().at(field + QStringLiteral(".grants")));
    }
    p.features = o.value(QStringLiteral("features")).toObject();
    for (auto it = p.features.begin(); it != p.features.end(); ++it) {
        if (!jitsi::knownFeatures().contains(it.key()) || !it.value().isBool())
            return std::unexpected(at(field + QStringLiteral(".features.") + it.key(), ErrorCode::InvalidValue,
                                      QT_TRANSLATE_NOOP("td::Error", "a known feature set to true or false")));
    }
    p.allowModerator = o.value(QStringLiteral("allowModerator")).toBool(false);
    p.allowRoomAdmin = o.value(QStringLiteral("allowRoomAdmin")).toBool(false);
    p.allowHidden = o.value(QStringLiteral("allowHidden")).toBool(false);
    p.allowRecorder = o.value(QStringLiteral("allowRecorder")).toBool(false);
    p.allowAdmin = o.value(QStringLiteral("allowAdmin")).toBool(false);
    p.allowAnyRoom = o.value(QStringLiteral("allowAnyRoom")).toBool(false);
    p.allowAgentDispatch = o.value(QStringLiteral("allowAgentDispatch")).toBool(false);
    const QJsonValue agentNames = o.value(QStringLiteral("agentNames"));
    if (!agentNames.isUndefined() && !agentNames.isArray())
        return std::unexpected(at(field + QStringLiteral(".agentNames"), ErrorCode::InvalidValue,
                                  QT_TRANSLATE_NOOP("td::Error", "a list of agent names")));
    for (const QJsonValue& v : agentNames.toArray()) {
        if (!v.isString() || v.toString().isEmpty())
            return std::unexpected(at(field + QStringLiteral(".agentNames"), ErrorCode::InvalidValue,
                                      QT_TRANSLATE_NOOP("td::Error", "a list of agent names")));
        p.agentNames << v.toString();
    }
    p.defaults = o.value(QStringLiteral("defaults")).toObject();
    return p;
}

Result<EndpointCredentials> checkKind(EndpointCredentials c, EndpointType type, const QString& field)
{
    const bool ok = canServe(c.provider, type);
    if (!ok)
        return std::unexpected(at(field, ErrorCode::NotApplicable,
                                  QT_TRANSLATE_NOOP("td::Error", "a %1 profile cannot serve a %2 endpoint"),
                                  providerName(c.provider), endpointTypeName(type)));
    // Credentials that cannot mint are refused now, not reported to each client (which would describe them).
    if (c.provider == Provider::Zego) {
        bool idOk = false;
        const qulonglong id = c.appId.toULongLong(&idOk);
        if (!idOk || id == 0 || id > 0xffffffffULL)
            return std::unexpected(
                at(field, ErrorCode::InvalidValue,
                   QT_TRANSLATE_NOOP("td::Error", "the ZEGOCLOUD AppID is not a non-zero 32-bit number")));
        if (c.secret.size() != 32)
            return std::unexpected(
                at(field, ErrorCode::InvalidValue,
                   QT_TRANSLATE_NOOP("td::Error", "the ZEGOCLOUD ServerSecret is not a 32-character secret")));
    }
    return c;
}

} // namespace

QString endpointTypeName(EndpointType type)
{
    switch (type) {
    case EndpointType::LiveKitGet: return QStringLiteral("livekit-get");
    case EndpointType::LiveKitStandard: return QStringLiteral("livekit-standard");
    case EndpointType::JitsiGet: return QStringLiteral("jitsi-get");
    case EndpointType::ZegoGet: return QStringLiteral("zego-get");
    case EndpointType::Health: return QStringLiteral("healthz");
    }
    return {};
}

std::optional<EndpointType> parseEndpointType(const QString& name)
{
    for (EndpointType t : endpointTypes()) {
        if (endpointTypeName(t) == name)
            return t;
    }
    return std::nullopt;
}

QList<EndpointType> endpointTypes()
{
    return {EndpointType::LiveKitGet, EndpointType::LiveKitStandard, EndpointType::JitsiGet, EndpointType::ZegoGet,
            EndpointType::Health};
}

QStringList requestFields(EndpointType type)
{
    static const QStringList livekit = {QStringLiteral("room"),       QStringLiteral("identity"),
                                        QStringLiteral("name"),       QStringLiteral("metadata"),
                                        QStringLiteral("attributes"), QStringLiteral("ttl"),
                                        QStringLiteral("grants"),     QStringLiteral("room_config")};
    static const QStringList jitsi = {QStringLiteral("room"),        QStringLiteral("user_id"),
                                      QStringLiteral("user_name"),   QStringLiteral("user_email"),
                                      QStringLiteral("user_avatar"), QStringLiteral("user_moderator"),
                                      QStringLiteral("ttl"),         QStringLiteral("features")};
    static const QStringList zego = {QStringLiteral("userID"), QStringLiteral("expired_ts"), QStringLiteral("roomID"),
                                     QStringLiteral("userName")};
    static const QStringList none;
    switch (type) {
    case EndpointType::LiveKitGet:
    case EndpointType::LiveKitStandard: return livekit;
    case EndpointType::JitsiGet: return jitsi;
    case EndpointType::ZegoGet: return zego;
    case EndpointType::Health: break;
    }
    return none;
}

QStringList contractFields(EndpointType type)
{
    switch (type) {
    case EndpointType::LiveKitGet: return {QStringLiteral("room"), QStringLiteral("identity"), QStringLiteral("name")};
    case EndpointType::LiveKitStandard:
        // room_config is not among them: it can record, stream and dispatch agents, so a policy must list it.
        return {QStringLiteral("room"), QStringLiteral("identity"), QStringLiteral("name"), QStringLiteral("metadata"),
                QStringLiteral("attributes")};
    case EndpointType::JitsiGet:
        return {QStringLiteral("room"), QStringLiteral("user_id"), QStringLiteral("user_name"),
                QStringLiteral("user_email"), QStringLiteral("user_moderator")};
    case EndpointType::ZegoGet:
        return {QStringLiteral("userID"), QStringLiteral("expired_ts"), QStringLiteral("roomID"),
                QStringLiteral("userName")};
    case EndpointType::Health: break;
    }
    return {};
}

bool canServe(Provider provider, EndpointType type)
{
    switch (type) {
    case EndpointType::LiveKitGet:
    case EndpointType::LiveKitStandard: return provider == Provider::LiveKit;
    case EndpointType::ZegoGet: return provider == Provider::Zego;
    case EndpointType::JitsiGet: return provider == Provider::Jaas || provider == Provider::Jitsi;
    case EndpointType::Health: break;
    }
    return true;
}

QString normaliseOrigin(const QString& origin)
{
    const QUrl url(origin, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https")) ||
        url.host().isEmpty() || !url.path().isEmpty() || url.hasQuery() || url.hasFragment() ||
        !url.userInfo().isEmpty())
        return {};
    const int defaultPort = url.scheme() == QStringLiteral("https") ? 443 : 80;
    QString out = url.scheme() + QStringLiteral("://") + url.host(QUrl::FullyEncoded).toLower();
    if (url.port() != -1 && url.port() != defaultPort)
        out += QLatin1Char(':') + QString::number(url.port());
    return out;
}

bool hostIsServed(const ServerConfig& config, const QByteArray& hostHeader)
{
    // Host is "name[:port]" or "[v6][:port]"; no Host at all is not HTTP/1.1 from a browser and is refused too.
    const QString raw = QString::fromLatin1(hostHeader).trimmed().toLower();
    if (raw.isEmpty())
        return false;
    QString host = raw;
    if (raw.startsWith(QLatin1Char('['))) {
        const qsizetype close = raw.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        host = raw.mid(1, close - 1);
        const QString rest = raw.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char(':')))
            return false;
        return !QHostAddress(host).isNull();
    }
    if (const qsizetype colon = raw.indexOf(QLatin1Char(':')); colon >= 0)
        host = raw.left(colon);
    if (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    // An IP literal cannot be rebound: a page can only have that origin if it came from that address.
    if (!QHostAddress(host).isNull())
        return host.contains(QLatin1Char('.')); // "2130706433" parses as an address too; browsers send dotted form
    if (host == QStringLiteral("localhost") || host.endsWith(QStringLiteral(".localhost")))
        return true;
    if (config.allowedHosts.contains(host))
        return true;
    for (const QString& origin : config.allowedOrigins) {
        if (QUrl(origin).host() == host)
            return true;
    }
    return false;
}

Result<EndpointCredentials> credentialsFromEnvironment(EndpointType type, const QProcessEnvironment& env)
{
    EndpointCredentials c;
    const auto need = [&](const char* name) -> Result<QString> {
        const QString v = env.value(QLatin1String(name));
        if (v.isEmpty())
            return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "%1 is not set"), QLatin1String(name));
        return v;
    };
    switch (type) {
    case EndpointType::LiveKitGet:
    case EndpointType::LiveKitStandard: {
        auto key = need("LIVEKIT_API_KEY");
        auto secret = need("LIVEKIT_API_SECRET");
        if (!key || !secret)
            return std::unexpected(!key ? key.error() : secret.error());
        c.provider = Provider::LiveKit;
        c.apiKey = *key;
        c.secret = secret->toUtf8();
        c.serverUrl = env.value(QStringLiteral("LIVEKIT_URL"));
        return c;
    }
    case EndpointType::ZegoGet: {
        auto id = need("ZEGO_APP_ID");
        auto secret = need("ZEGO_SERVER_SECRET");
        if (!id || !secret)
            return std::unexpected(!id ? id.error() : secret.error());
        c.provider = Provider::Zego;
        c.appId = *id;
        c.secret = secret->toUtf8();
        return c;
    }
    case EndpointType::JitsiGet:
        if (!env.value(QStringLiteral("JAAS_APP_ID")).isEmpty()) {
            c.provider = Provider::Jaas;
            c.appId = env.value(QStringLiteral("JAAS_APP_ID"));
            c.keyId = env.value(QStringLiteral("JAAS_KEY_ID"));
            auto key = crypto::loadRsaPrivateKey(env.value(QStringLiteral("JAAS_PRIVATE_KEY")).toUtf8());
            if (!key)
                return fail(key.error().at(QStringLiteral("JAAS_PRIVATE_KEY")));
            c.privateKey = *key;
            return c;
        } else {
            auto id = need("JITSI_APP_ID");
            auto secret = need("JITSI_APP_SECRET");
            if (!id || !secret)
                return std::unexpected(!id ? id.error() : secret.error());
            c.provider = Provider::Jitsi;
            c.appId = *id;
            c.secret = secret->toUtf8();
            c.subject = env.value(QStringLiteral("JITSI_DOMAIN"));
            return c;
        }
    case EndpointType::Health: break;
    }
    return c;
}

Result<ServerConfig> ServerConfig::parse(const QByteArray& json, const ProfileResolver& profiles,
                                         const QProcessEnvironment& environment)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (!doc.isObject())
        return fail(ErrorCode::InvalidJson,
                    QT_TRANSLATE_NOOP("td::Error", "the config is not a JSON object (%1 at offset %2)"),
                    err.errorString(), err.offset);
    const QJsonObject root = doc.object();
    static const QStringList known = {QStringLiteral("bind"),         QStringLiteral("port"),
                                      QStringLiteral("allowRemote"),  QStringLiteral("allowedOrigins"),
                                      QStringLiteral("allowedHosts"), QStringLiteral("auth"),
                                      QStringLiteral("limits"),       QStringLiteral("endpoints")};
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!known.contains(it.key()))
            return std::unexpected(
                at(it.key(), ErrorCode::UnknownField, QT_TRANSLATE_NOOP("td::Error", "unknown field")));
    }
    ServerConfig c;
    if (root.contains(QStringLiteral("bind"))) {
        const QHostAddress address(root.value(QStringLiteral("bind")).toString());
        if (address.isNull())
            return std::unexpected(at(QStringLiteral("bind"), ErrorCode::InvalidValue,
                                      QT_TRANSLATE_NOOP("td::Error", "an IP address such as 127.0.0.1")));
        c.bind = address;
    }
    if (root.contains(QStringLiteral("port"))) {
        const int port = root.value(QStringLiteral("port")).toInt(-1);
        if (port < 0 || port > 65535)
            return std::unexpected(
                at(QStringLiteral("port"), ErrorCode::OutOfRange, QT_TRANSLATE_NOOP("td::Error", "0 to 65535")));
        c.port = static_cast<quint16>(port);
    }
    c.allowRemote = root.value(QStringLiteral("allowRemote")).toBool(false);
    const QJsonArray origins = root.value(QStringLiteral("allowedOrigins")).toArray();
    for (qsizetype i = 0; i < origins.size(); ++i) {
        const QString field = QStringLiteral("allowedOrigins[%1]").arg(i);
        const QString raw = origins.at(i).toString();
        if (raw.contains(QLatin1Char('*')))
            return std::unexpected(at(field, ErrorCode::InvalidValue,
                                      QT_TRANSLATE_NOOP("td::Error", "wildcards are not allowed; list each origin")));
        const QString origin = normaliseOrigin(raw);
        if (origin.isEmpty())
            return std::unexpected(
                at(field, ErrorCode::InvalidValue,
                   QT_TRANSLATE_NOOP("td::Error", "\"%1\" is not an origin like http://localhost:3000"), raw));
        c.allowedOrigins << origin;
    }
    static const QRegularExpression hostName(
        QStringLiteral("^[a-z0-9]([a-z0-9-]{0,62})(\\.[a-z0-9]([a-z0-9-]{0,62}))*$"));
    const QJsonArray hosts = root.value(QStringLiteral("allowedHosts")).toArray();
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        const QString raw = hosts.at(i).toString();
        const QString host = raw.trimmed().toLower();
        if (host.size() > 253 || !hostName.match(host).hasMatch())
            return std::unexpected(
                at(QStringLiteral("allowedHosts[%1]").arg(i), ErrorCode::InvalidValue,
                   QT_TRANSLATE_NOOP("td::Error", "\"%1\" is not a host name like tokens.lan (no scheme, port or "
                                                  "wildcard)"),
                   raw.left(100)));
        c.allowedHosts << host;
    }
    const QJsonArray keys = root.value(QStringLiteral("auth")).toObject().value(QStringLiteral("bearerKeys")).toArray();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QString field = QStringLiteral("auth.bearerKeys[%1]").arg(i);
        const QJsonObject k = keys.at(i).toObject();
        const QString var = k.value(QStringLiteral("keyEnv")).toString();
        if (var.isEmpty())
            return std::unexpected(at(field + QStringLiteral(".keyEnv"), ErrorCode::MissingValue,
                                      QT_TRANSLATE_NOOP("td::Error", "name the variable holding the key")));
        const QByteArray key = environment.value(var).toUtf8();
        if (key.size() < 16)
            return std::unexpected(at(field + QStringLiteral(".keyEnv"), ErrorCode::OutOfRange,
                                      QT_TRANSLATE_NOOP("td::Error", "%1 must hold a key of at least 16 characters"),
                                      var));
        c.bearerKeys.append(BearerKey{k.value(QStringLiteral("name")).toString(var), key});
    }
    const QJsonObject limits = root.value(QStringLiteral("limits")).toObject();
    for (auto [key, target, low, high] : {std::tuple{"maxUrlBytes", &c.limits.maxUrlBytes, 256, 65536},
                                          std::tuple{"maxHeaderBytes", &c.limits.maxHeaderBytes, 1024, 65536},
                                          std::tuple{"maxBodyBytes", &c.limits.maxBodyBytes, 256, 1 << 20},
                                          std::tuple{"requestsPerMinute", &c.limits.requestsPerMinute, 1, 1000000000},
                                          std::tuple{"burst", &c.limits.burst, 1, 1000000000},
                                          std::tuple{"idleTimeoutMs", &c.limits.idleTimeoutMs, 100, 600000}}) {
        const QJsonValue v = limits.value(QLatin1String(key));
        if (v.isUndefined())
            continue;
        const int n = v.toInt(-1);
        if (n < low || n > high)
            return std::unexpected(at(QStringLiteral("limits.") + QLatin1String(key), ErrorCode::OutOfRange,
                                      QT_TRANSLATE_NOOP("td::Error", "%1 to %2"), low, high));
        *target = n;
    }
    const QJsonArray endpoints = root.value(QStringLiteral("endpoints")).toArray();
    if (endpoints.isEmpty())
        return std::unexpected(at(QStringLiteral("endpoints"), ErrorCode::MissingValue,
                                  QT_TRANSLATE_NOOP("td::Error", "list at least one endpoint")));
    for (qsizetype i = 0; i < endpoints.size(); ++i) {
        const QString field = QStringLiteral("endpoints[%1]").arg(i);
        const QJsonObject e = endpoints.at(i).toObject();
        Endpoint ep;
        ep.path = e.value(QStringLiteral("path")).toString();
        if (!ep.path.startsWith(QLatin1Char('/')) || ep.path.contains(QLatin1Char('?')) || ep.path.size() > 200)
            return std::unexpected(at(field + QStringLiteral(".path"), ErrorCode::InvalidValue,
                                      QT_TRANSLATE_NOOP("td::Error", "a path such as /getToken")));
        for (const Endpoint& other : c.endpoints) {
            if (other.path == ep.path)
                return std::unexpected(at(field + QStringLiteral(".path"), ErrorCode::Conflict,
                                          QT_TRANSLATE_NOOP("td::Error", "%1 is listed twice"), ep.path));
        }
        const auto type = parseEndpointType(e.value(QStringLiteral("type")).toString());
        if (!type)
            return std::unexpected(at(
                field + QStringLiteral(".type"), ErrorCode::InvalidValue,
                QT_TRANSLATE_NOOP("td::Error", "one of livekit-get, livekit-standard, jitsi-get, zego-get, healthz")));
        ep.type = *type;
        auto policy =
            parsePolicy(e.value(QStringLiteral("policy")).toObject(), ep.type, field + QStringLiteral(".policy"));
        if (!policy)
            return std::unexpected(policy.error());
        ep.policy = *policy;
        if (ep.type == EndpointType::JitsiGet && !ep.policy.roomPattern)
            c.warnings << QStringLiteral("%1 (%2): no room pattern, so a client may ask for a token for any room "
                                         "name it likes%3")
                              .arg(field, ep.path,
                                   ep.policy.allowAnyRoom
                                       ? QStringLiteral(", and allowAnyRoom lets it ask for every room (\"*\")")
                                       : QString());
        if (ep.type != EndpointType::Health) {
            const QString profile = e.value(QStringLiteral("profile")).toString();
            const QString source = e.value(QStringLiteral("credentials")).toString();
            if (profile.isEmpty() == (source != QStringLiteral("env")))
                return std::unexpected(
                    at(field, ErrorCode::Conflict,
                       QT_TRANSLATE_NOOP("td::Error", "give either \"profile\": NAME or \"credentials\": \"env\"")));
            Result<EndpointCredentials> creds =
                profile.isEmpty() ? credentialsFromEnvironment(ep.type, environment) : profiles(profile);
            if (!creds)
                return std::unexpected(creds.error().at(
                    field + (profile.isEmpty() ? QStringLiteral(".credentials") : QStringLiteral(".profile"))));
            auto checked = checkKind(*creds, ep.type, field + QStringLiteral(".profile"));
            if (!checked)
                return std::unexpected(checked.error());
            ep.credentials = *checked;
            auto minter = endpointMinter(ep.credentials);
            if (!minter)
                return std::unexpected(minter.error().at(field));
            ep.minter = std::make_shared<const mint::PlanMinter>(std::move(*minter));
        }
        c.endpoints.append(ep);
    }
    return c;
}

} // namespace td::server
