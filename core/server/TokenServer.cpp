// SPDX-License-Identifier: MIT
#include "core/server/TokenServer.h"

#include "core/crypto/Crypto.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QMetaObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThreadPool>
#include <QTimer>

namespace td::server {
namespace {

constexpr int kMaxConnections = 512;
constexpr char kIdleTimerName[] = "tokendesk-idle";

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "OTHER";
    }
}

QByteArray allowedMethods(EndpointType type)
{
    return type == EndpointType::LiveKitStandard ? QByteArray("POST, OPTIONS") : QByteArray("GET, OPTIONS");
}

/** Per-connection state: the idle timer and the bytes received since the last complete request. */
class ConnectionGuard final : public QObject {
public:
    ConnectionGuard(QTcpSocket* socket, const Limits& limits) : QObject(socket)
    {
        setObjectName(QLatin1String(kIdleTimerName));
        m_idle.setSingleShot(true);
        m_idle.setInterval(limits.idleTimeoutMs);
        connect(&m_idle, &QTimer::timeout, socket, [socket] { socket->abort(); });
        m_idle.start();
        // Counts bytes before Qt's parser sees them: an endless header or body is cut off, not buffered.
        const qint64 cap = qint64(limits.maxUrlBytes) + limits.maxHeaderBytes + limits.maxBodyBytes + 4096;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, cap] {
            m_received += socket->bytesAvailable();
            if (m_received > cap && socket->state() == QAbstractSocket::ConnectedState) {
                socket->write(
                    "HTTP/1.1 413 Request Entity Too Large\r\nContent-Type: application/json\r\n"
                    "Connection: close\r\nContent-Length: 36\r\n\r\n{\"error\":\"the request is too large\"}");
                socket->disconnectFromHost();
            }
        });
    }
    void requestSeen()
    {
        m_received = 0;
        m_idle.start();
    }

private:
    QTimer m_idle;
    qint64 m_received = 0;
};

/** Accepts connections itself so each socket gets an idle timer (slow senders are cut off) and a cap applies. */
class GuardedTcpServer final : public QTcpServer {
public:
    GuardedTcpServer(const std::shared_ptr<const ServerConfig>* config, QObject* parent)
        : QTcpServer(parent), m_config(config)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto* socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        if (m_open >= kMaxConnections) {
            socket->abort();
            socket->deleteLater();
            return;
        }
        ++m_open;
        connect(socket, &QObject::destroyed, this, [this] { --m_open; });
        new ConnectionGuard(socket, (*m_config)->limits);
        addPendingConnection(socket);
    }

private:
    const std::shared_ptr<const ServerConfig>* m_config;
    int m_open = 0;
};

/** Restarts the idle timer and the byte count once a request has been parsed. */
void requestSeen(QTcpSocket* socket)
{
    if (auto* guard = socket->findChild<ConnectionGuard*>(QLatin1String(kIdleTimerName), Qt::FindDirectChildrenOnly))
        guard->requestSeen();
}

} // namespace

QJsonObject LogEntry::toJson() const
{
    QJsonObject o{{QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("client"), client},
                  {QStringLiteral("method"), method},
                  {QStringLiteral("path"), path},
                  {QStringLiteral("status"), status}};
    const auto put = [&](const char* key, const QString& v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(key), v);
    };
    put("origin", origin);
    put("endpoint", endpoint);
    put("identity", identity);
    put("room", room);
    put("grants", grants);
    put("reason", reason);
    return o;
}

QString LogEntry::toText() const
{
    QString line =
        QStringLiteral("%1 %2 %3 %4 -> %5").arg(time.toUTC().toString(Qt::ISODate), client, method, path).arg(status);
    if (!origin.isEmpty())
        line += QStringLiteral(" origin=") + origin;
    if (!identity.isEmpty())
        line += QStringLiteral(" identity=") + identity;
    if (!room.isEmpty())
        line += QStringLiteral(" room=") + room;
    if (!grants.isEmpty())
        line += QStringLiteral(" grants=") + grants;
    if (!reason.isEmpty())
        line += QStringLiteral(" reason=\"%1\"").arg(reason);
    return line;
}

void RateLimiter::configure(int perMinute, int burst)
{
    m_perMs = perMinute / 60000.0;
    m_burst = burst;
    m_buckets.clear();
}

int RateLimiter::take(const QString& client, qint64 nowMs)
{
    if (m_buckets.size() > 50000)
        m_buckets.clear(); // a flood of addresses: start over rather than grow without bound
    auto it = m_buckets.find(client);
    if (it == m_buckets.end())
        it = m_buckets.insert(client, Bucket{m_burst, nowMs});
    it->tokens = std::min(m_burst, it->tokens + (nowMs - it->lastMs) * m_perMs);
    it->lastMs = nowMs;
    if (it->tokens >= 1) {
        it->tokens -= 1;
        return 0;
    }
    return std::max(1, static_cast<int>(std::ceil((1 - it->tokens) / m_perMs / 1000)));
}

TokenServer::TokenServer(const Clock& clock, QObject* parent) : QAbstractHttpServer(parent), m_clock(clock) {}

TokenServer::~TokenServer() = default;

Result<quint16> TokenServer::start(const ServerConfig& config)
{
    if (!config.bind.isLoopback() && !config.allowRemote)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("binding to %1 exposes the server beyond this machine: pass --allow-remote (or "
                                   "\"allowRemote\": true) to mean it")
                        .arg(config.bind.toString()));
    m_config = std::make_shared<const ServerConfig>(config);
    m_limiter.configure(config.limits.requestsPerMinute, config.limits.burst);
    m_tcp = new GuardedTcpServer(&m_config, this);
    if (!m_tcp->listen(config.bind, config.port)) {
        const QString why = m_tcp->errorString();
        delete m_tcp;
        m_tcp = nullptr;
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("cannot listen on %1:%2: %3").arg(config.bind.toString()).arg(config.port).arg(why));
    }
    bind(m_tcp);
    return m_tcp->serverPort();
}

void TokenServer::reload(const ServerConfig& config)
{
    m_config = std::make_shared<const ServerConfig>(config);
    m_limiter.configure(config.limits.requestsPerMinute, config.limits.burst);
}

void TokenServer::stop()
{
    if (m_tcp) {
        m_tcp->close();
        m_tcp->deleteLater();
        m_tcp = nullptr;
    }
}

QString TokenServer::url() const
{
    if (!m_tcp)
        return {};
    const QHostAddress a = m_tcp->serverAddress();
    const QString host = a.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + a.toString() + QLatin1Char(']')
                             : a.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(m_tcp->serverPort());
}

void TokenServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    LogEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.client = request.remoteAddress().toString();
    QHttpServerResponder responder = makeResponder(request, socket);
    respond(responder, errorResponse(404, QStringLiteral("not found")), {}, entry);
}

void TokenServer::respond(QHttpServerResponder& responder, const HandlerResponse& response,
                          const QByteArray& allowedOrigin, LogEntry entry)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (!response.body.isEmpty())
        responder.writeHeader("Content-Type", response.contentType);
    responder.writeHeader("Cache-Control", "no-store");
    responder.writeHeader("X-Content-Type-Options", "nosniff");
    responder.writeHeader("Vary", "Origin");
    if (!allowedOrigin.isEmpty()) {
        responder.writeHeader("Access-Control-Allow-Origin", allowedOrigin);
        responder.writeHeader("Access-Control-Expose-Headers", "X-TokenDesk-TTL-Clamped");
    }
    for (const auto& [key, value] : response.headers)
        responder.writeHeader(key, value);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
    entry.status = response.status;
    entry.identity = response.identity;
    entry.room = response.room;
    entry.grants = response.grantsSummary;
    entry.reason = response.reason;
    Q_EMIT requestLogged(entry);
}

bool TokenServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    requestSeen(socket);
    QHttpServerResponder responder = makeResponder(request, socket);
    const std::shared_ptr<const ServerConfig> config = m_config;
    const Limits& limits = config->limits;
    LogEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.client = request.remoteAddress().toString();
    entry.method = QString::fromLatin1(methodName(request.method()));
    entry.path = request.url().path().left(200);
    const QByteArray originHeader = request.value("Origin");
    entry.origin = QString::fromUtf8(originHeader.left(200));

    if (request.url().toEncoded().size() > limits.maxUrlBytes) {
        respond(responder,
                errorResponse(414, QStringLiteral("the URL is longer than %1 bytes").arg(limits.maxUrlBytes)), {},
                entry);
        return true;
    }
    qsizetype headerBytes = 0;
    for (const auto& [k, v] : request.headers())
        headerBytes += k.size() + v.size() + 4;
    if (headerBytes > limits.maxHeaderBytes) {
        respond(responder,
                errorResponse(431, QStringLiteral("the headers are larger than %1 bytes").arg(limits.maxHeaderBytes)),
                {}, entry);
        return true;
    }
    if (request.body().size() > limits.maxBodyBytes) {
        respond(responder,
                errorResponse(413, QStringLiteral("the body is larger than %1 bytes").arg(limits.maxBodyBytes)), {},
                entry);
        return true;
    }
    // DNS rebinding: a page on attacker.example whose name now resolves to 127.0.0.1 is same-origin with us and
    // sends no Origin on GET; only its Host header gives it away.
    if (!hostIsServed(*config, request.value("Host"))) {
        respond(responder,
                errorResponse(421, QStringLiteral("this server does not answer to the host \"%1\" (add it to "
                                                  "allowedHosts if it is yours)")
                                       .arg(QString::fromLatin1(request.value("Host").left(100)))),
                {}, entry);
        return true;
    }
    // A cross-site request that carries no Origin (an <img>, a form, a navigation) is never a token client.
    if (originHeader.isEmpty() && request.value("Sec-Fetch-Site") == "cross-site") {
        respond(responder, errorResponse(403, QStringLiteral("cross-site requests must come with an allowed Origin")),
                {}, entry);
        return true;
    }
    if (const int wait = m_limiter.take(entry.client, QDateTime::currentMSecsSinceEpoch()); wait > 0) {
        HandlerResponse r = errorResponse(429, QStringLiteral("too many requests; retry in %1 s").arg(wait));
        r.headers.emplace_back("Retry-After", QByteArray::number(wait));
        respond(responder, r, {}, entry);
        return true;
    }
    const Endpoint* endpoint = nullptr;
    for (const Endpoint& e : config->endpoints) {
        if (e.path == request.url().path())
            endpoint = &e;
    }
    if (!endpoint) {
        respond(responder, errorResponse(404, QStringLiteral("no endpoint at this path")), {}, entry);
        return true;
    }
    entry.endpoint = endpoint->path;

    // CORS: an Origin must match exactly; requests without one are not browsers and pass on to auth.
    QByteArray allowedOrigin;
    if (!originHeader.isEmpty()) {
        const QString origin = normaliseOrigin(QString::fromUtf8(originHeader));
        if (origin.isEmpty() || !config->allowedOrigins.contains(origin)) {
            respond(responder,
                    errorResponse(
                        403, QStringLiteral("origin %1 is not allowed").arg(QString::fromUtf8(originHeader.left(200)))),
                    {}, entry);
            return true;
        }
        allowedOrigin = originHeader;
    }
    if (request.method() == QHttpServerRequest::Method::Options) {
        HandlerResponse r;
        r.status = 204;
        r.headers = {{"Allow", allowedMethods(endpoint->type)}};
        if (!allowedOrigin.isEmpty()) {
            r.headers.emplace_back("Access-Control-Allow-Methods", allowedMethods(endpoint->type));
            r.headers.emplace_back("Access-Control-Allow-Headers", "Authorization, Content-Type");
            r.headers.emplace_back("Access-Control-Max-Age", "600");
        }
        respond(responder, r, allowedOrigin, entry);
        return true;
    }
    if (!config->bearerKeys.isEmpty()) {
        const QByteArray auth = request.value("Authorization");
        bool ok = false;
        if (auth.startsWith("Bearer ")) {
            const QByteArray presented = auth.mid(7).trimmed();
            for (const BearerKey& k : config->bearerKeys)
                ok = crypto::constantTimeEquals(presented, k.key) || ok; // no early exit: timing says nothing
        }
        if (!ok) {
            HandlerResponse r = errorResponse(401, QStringLiteral("a valid bearer key is required"));
            r.headers.emplace_back("WWW-Authenticate", "Bearer");
            respond(responder, r, allowedOrigin, entry);
            return true;
        }
    }
    const QByteArray method = methodName(request.method());
    const bool methodOk = endpoint->type == EndpointType::LiveKitStandard ? method == "POST" : method == "GET";
    if (!methodOk) {
        HandlerResponse r =
            errorResponse(405, QStringLiteral("use %1").arg(QString::fromLatin1(allowedMethods(endpoint->type))));
        r.headers.emplace_back("Allow", allowedMethods(endpoint->type));
        respond(responder, r, allowedOrigin, entry);
        return true;
    }
    if (endpoint->type == EndpointType::Health) {
        HandlerResponse r;
        r.body = R"({"status":"ok"})";
        respond(responder, r, allowedOrigin, entry);
        return true;
    }
    auto fields = readFields(endpoint->type, method, request.query().queryItems(QUrl::FullyDecoded), request.body());
    if (!fields) {
        respond(responder, errorResponse(400, fields.error().message), allowedOrigin, entry);
        return true;
    }
    if (!signsWithRsa(*endpoint)) {
        respond(responder, handleTokenRequest(*endpoint, *fields, m_clock), allowedOrigin, entry);
        return true;
    }
    // RSA signing takes about a millisecond: do it on the pool so other clients and both cores keep working.
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> guard(socket);
    const Clock& clock = m_clock;
    QThreadPool::globalInstance()->start(
        [this, config, endpoint, fields = *fields, guard, allowedOrigin, entry, pending, &clock] {
            const HandlerResponse r = handleTokenRequest(*endpoint, fields, clock);
            QMetaObject::invokeMethod(
                this,
                [this, config, r, guard, allowedOrigin, entry, pending] {
                    // The client may have gone while we signed; the responder writes to the socket, so check first.
                    if (guard && guard->state() == QAbstractSocket::ConnectedState)
                        respond(*pending, r, allowedOrigin, entry);
                },
                Qt::QueuedConnection);
        });
    return true;
}

} // namespace td::server
