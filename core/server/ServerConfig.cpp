// SPDX-License-Identifier: MIT
#include "core/server/ServerConfig.h"

#include "core/mint/PlanMinter.h"
#include "core/server/ProfileCredentials.h"

#include "core/Duration.h"
#include "core/providers/Registry.h"
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

Result<Policy> parsePolicy(const QJsonObject& o, const EndpointKind& type, const QString& field)
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
                                      QStringLiteral("agentNames"),        QStringLiteral("roles"),
                                      QStringLiteral("defaults")};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            return std::unexpected(at(field + QLatin1Char('.') + it.key(), ErrorCode::UnknownField,
                                      QT_TRANSLATE_NOOP("td::Error", "unknown policy field")));
    }
    // Without allowFields a client may send the contract's own fields; with it, exactly the fields listed.
    p.allowedFields = o.contains(QStringLiteral("allowFields")) ? QStringList() : type.contractFields();
    for (const QJsonValue& v : o.value(QStringLiteral("allowFields")).toArray()) {
        if (!type.requestFields().contains(v.toString()))
            return std::unexpected(at(field + QStringLiteral(".allowFields"), ErrorCode::InvalidValue,
                                      QT_TRANSLATE_NOOP("td::Error", "\"%1\" is not a request field of %2"),
                                      v.toString(), type.name()));
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
    p.features = o.value(QStringLiteral("features")).toObject();
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
    const QJsonValue roles = o.value(QStringLiteral("roles"));
    if (!roles.isUndefined() && !roles.isArray())
        return std::unexpected(at(field + QStringLiteral(".roles"), ErrorCode::InvalidValue,
                                  QT_TRANSLATE_NOOP("td::Error", "a list of role names")));
    for (const QJsonValue& v : roles.toArray()) {
        if (!v.isString() || v.toString().trimmed().isEmpty())
            return std::unexpected(at(field + QStringLiteral(".roles"), ErrorCode::InvalidValue,
                                      QT_TRANSLATE_NOOP("td::Error", "a list of role names")));
        p.roles << v.toString().trimmed();
    }
    p.defaults = o.value(QStringLiteral("defaults")).toObject();
    // Fixed claims are checked by every type that has them (LiveKit's grants, Jitsi's features), whichever type the
    // endpoint is: a config does not keep a broken value because the endpoint ignores it today.
    for (const EndpointKind* kind : endpointTypes()) {
        if (auto ok = kind->checkPolicy(p, field); !ok)
            return std::unexpected(ok.error());
    }
    return p;
}

Result<EndpointCredentials> checkKind(EndpointCredentials c, const EndpointKind& type, const QString& field)
{
    if (!type.canServe(c.provider))
        return std::unexpected(at(field, ErrorCode::NotApplicable,
                                  QT_TRANSLATE_NOOP("td::Error", "a %1 profile cannot serve a %2 endpoint"),
                                  providerName(c.provider), type.name()));
    // Credentials that cannot mint are refused now, not reported to each client (which would describe them).
    if (auto ok = type.checkCredentials(c); !ok)
        return std::unexpected(ok.error().at(field));
    return c;
}

/** The health check: no credentials, no policy, no token. */
class HealthEndpoint final : public EndpointKind {
public:
    QString name() const override { return QStringLiteral("healthz"); }
    const char* title() const override { return QT_TRANSLATE_NOOP("td::Provider", "Health check (healthz)"); }
    QStringList requestFields() const override { return {}; }
    QStringList contractFields() const override { return {}; }
    bool mintsTokens() const override { return false; }
    bool canServe(Provider /*provider*/) const override { return true; }
    Result<EndpointCredentials> credentialsFromEnvironment(const QProcessEnvironment& /*environment*/) const override
    {
        return EndpointCredentials{};
    }
    HandlerResponse handle(const EndpointCredentials& /*credentials*/, const Policy& /*policy*/,
                           const PreparedMinter* /*minter*/, RequestFields /*fields*/,
                           const Clock& /*clock*/) const override
    {
        return jsonResponse(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    }
    QList<QPair<QString, QString>> sampleFields() const override { return {}; }
    QString readAnswerSnippet() const override { return QStringLiteral("const { status } = await response.json();"); }
};

} // namespace

const EndpointKind& healthEndpoint()
{
    static const HealthEndpoint kind;
    return kind;
}

QList<const EndpointKind*> endpointTypes()
{
    QList<const EndpointKind*> out;
    for (const ProviderModule* module : providerModules())
        out << module->endpointKinds();
    out << &healthEndpoint();
    return out;
}

const EndpointKind* parseEndpointType(const QString& name)
{
    for (const EndpointKind* type : endpointTypes()) {
        if (type->name() == name)
            return type;
    }
    return nullptr;
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
        const EndpointKind* type = parseEndpointType(e.value(QStringLiteral("type")).toString());
        if (!type) {
            QStringList names;
            for (const EndpointKind* candidate : endpointTypes())
                names << candidate->name();
            return std::unexpected(at(field + QStringLiteral(".type"), ErrorCode::InvalidValue,
                                      QT_TRANSLATE_NOOP("td::Error", "one of %1"), names.join(QStringLiteral(", "))));
        }
        ep.type = type;
        auto policy =
            parsePolicy(e.value(QStringLiteral("policy")).toObject(), *ep.type, field + QStringLiteral(".policy"));
        if (!policy)
            return std::unexpected(policy.error());
        ep.policy = *policy;
        if (const QString warning = ep.type->policyWarning(ep.policy); !warning.isEmpty())
            c.warnings << QStringLiteral("%1 (%2): %3").arg(field, ep.path, warning);
        if (ep.type->mintsTokens()) {
            const QString profile = e.value(QStringLiteral("profile")).toString();
            const QString source = e.value(QStringLiteral("credentials")).toString();
            if (profile.isEmpty() == (source != QStringLiteral("env")))
                return std::unexpected(
                    at(field, ErrorCode::Conflict,
                       QT_TRANSLATE_NOOP("td::Error", "give either \"profile\": NAME or \"credentials\": \"env\"")));
            Result<EndpointCredentials> creds =
                profile.isEmpty() ? ep.type->credentialsFromEnvironment(environment) : profiles(profile);
            if (!creds)
                return std::unexpected(creds.error().at(
                    field + (profile.isEmpty() ? QStringLiteral(".credentials") : QStringLiteral(".profile"))));
            auto checked = checkKind(*creds, *ep.type, field + QStringLiteral(".profile"));
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
