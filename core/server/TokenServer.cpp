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

#include <functional>
#include <latch>
#include <map>
#include <optional>

namespace td::server {
namespace {

constexpr int kMaxConnections = 512;
constexpr int kMaxConnectionsPerPeer = 64;
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

QByteArray allowedMethods(const EndpointKind& type)
{
    return type.usesPost() ? QByteArray("POST, OPTIONS") : QByteArray("GET, OPTIONS");
}

/**
 * Reads the request stream as Qt's parser will, before it does, to refuse what that parser would get wrong: more
 * header fields than it keeps (Qt 6.4 drops every header, Content-Length included, past 100, and then serves the
 * body as a second request), ambiguous framing (Transfer-Encoding, several or malformed Content-Length, folded
 * header lines) and oversized heads or bodies. Knows where each pipelined request ends.
 */
class RequestScanner final {
public:
    struct Refusal {
        int status = 0;
        QByteArray reason;
    };

    explicit RequestScanner(const Limits& limits) : m_limits(limits) {}

    /** Feeds newly received bytes; a refusal once the stream cannot be served safely. */
    std::optional<Refusal> feed(QByteArrayView bytes)
    {
        qsizetype i = 0;
        while (i < bytes.size()) {
            if (m_bodyLeft > 0) {
                const qsizetype take = std::min<qint64>(m_bodyLeft, bytes.size() - i);
                m_bodyLeft -= take;
                i += take;
                continue;
            }
            const qsizetype nl = bytes.indexOf('\n', i);
            const qsizetype end = nl < 0 ? bytes.size() : nl;
            m_line.append(bytes.sliced(i, end - i));
            m_headBytes += end - i + (nl < 0 ? 0 : 1);
            if (m_headBytes > qint64(m_limits.maxUrlBytes) + m_limits.maxHeaderBytes + 64)
                return Refusal{431, "the request head is too large"};
            if (nl < 0)
                return std::nullopt;
            i = nl + 1;
            if (auto refused = line())
                return refused;
        }
        return std::nullopt;
    }

private:
    std::optional<Refusal> line()
    {
        QByteArray text = std::move(m_line);
        m_line.clear();
        if (text.endsWith('\r'))
            text.chop(1);
        if (!m_inHead) {
            if (text.isEmpty())
                return std::nullopt; // blank lines between requests are tolerated, as RFC 9112 allows
            m_inHead = true;         // the request line
            return std::nullopt;
        }
        if (!text.isEmpty()) {
            if (text.startsWith(' ') || text.startsWith('\t'))
                return Refusal{400, "folded header lines are not accepted"};
            if (++m_fields > kMaxHeaderFields)
                return Refusal{431, "more than 64 header fields"};
            const qsizetype colon = text.indexOf(':');
            if (colon <= 0)
                return Refusal{400, "a header line without a name"};
            const QByteArray name = text.left(colon).trimmed().toLower();
            const QByteArray value = text.mid(colon + 1).trimmed();
            if (name == "transfer-encoding")
                return Refusal{400, "Transfer-Encoding is not accepted; send Content-Length"};
            if (name == "content-length") {
                bool ok = value.size() <= 12 && !value.isEmpty();
                for (char c : value)
                    ok = ok && c >= '0' && c <= '9';
                if (!ok || (m_contentLength >= 0 && m_contentLength != value.toLongLong()))
                    return Refusal{400, "Content-Length is malformed or given twice"};
                m_contentLength = value.toLongLong();
                if (m_contentLength > m_limits.maxBodyBytes)
                    return Refusal{413, "the request is too large"};
            }
            return std::nullopt;
        }
        // The end of the head: the body (if any) follows, then the next request.
        m_bodyLeft = std::max<qint64>(0, m_contentLength);
        m_inHead = false;
        m_fields = 0;
        m_contentLength = -1;
        m_headBytes = 0;
        return std::nullopt;
    }

    static constexpr int kMaxHeaderFields = 64; // below Qt 6.4's 100, which it enforces by dropping every header
    const Limits& m_limits;
    QByteArray m_line;
    bool m_inHead = false;
    int m_fields = 0;
    qint64 m_contentLength = -1;
    qint64 m_bodyLeft = 0;
    qint64 m_headBytes = 0;
};

/** A response waiting for the ones before it on the same connection (pipelining keeps request order). */
struct QueuedResponse {
    std::shared_ptr<QHttpServerResponder> responder;
    HandlerResponse response;
    QByteArray allowedOrigin;
    LogEntry entry;
};

/** Per-connection state: the idle timer, the byte-level request scanner and the queue of responses in order. */
class ConnectionGuard final : public QObject {
public:
    using Reporter = std::function<void(QTcpSocket*, int status, const QString& reason)>;

    ConnectionGuard(QTcpSocket* socket, const Limits& limits, Reporter report)
        : QObject(socket), m_limits(limits), m_scanner(m_limits), m_report(std::move(report))
    {
        setObjectName(QLatin1String(kIdleTimerName));
        m_idle.setSingleShot(true);
        m_idle.setInterval(limits.idleTimeoutMs);
        connect(&m_idle, &QTimer::timeout, socket, [this, socket] {
            m_reported = true;
            m_report(socket, 408,
                     QStringLiteral("no complete request within %1 ms: connection closed").arg(m_limits.idleTimeoutMs));
            socket->abort();
        });
        m_idle.start();
        // Connected before Qt's own readyRead handler, so it sees every byte before the parser reads it.
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { scan(socket); });
        // Bytes that never became a request (Qt's parser gave up on them) still leave a log line.
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (m_bytes > 0 && m_requests == 0 && !m_reported)
                m_report(socket, 400, QStringLiteral("the connection closed without a request that could be parsed"));
        });
    }

    void requestSeen()
    {
        ++m_requests;
        m_idle.start();
    }
    quint64 issue() { return m_nextIssued++; }

    /** Queues a response; writes it and any that were waiting for it, in request order. */
    void deliver(quint64 seq, QueuedResponse response, const std::function<void(QueuedResponse&)>& write)
    {
        m_waiting.emplace(seq, std::move(response));
        for (auto it = m_waiting.find(m_nextWritten); it != m_waiting.end(); it = m_waiting.find(m_nextWritten)) {
            write(it->second);
            m_waiting.erase(it);
            ++m_nextWritten;
        }
    }

private:
    void scan(QTcpSocket* socket)
    {
        if (m_refused) {
            socket->read(socket->bytesAvailable()); // nothing more reaches the parser
            return;
        }
        const QByteArray fresh = socket->peek(socket->bytesAvailable());
        m_bytes += fresh.size();
        const auto refusal = m_scanner.feed(fresh);
        if (!refusal)
            return;
        m_refused = true;
        m_reported = true;
        // Consumed here, so Qt's parser never serves what follows the refusal as a request.
        socket->read(socket->bytesAvailable());
        const QByteArray body = QByteArray("{\"error\":\"") + refusal->reason + "\"}";
        const QByteArray statusText = refusal->status == 431   ? "Request Header Fields Too Large"
                                      : refusal->status == 413 ? "Payload Too Large"
                                                               : "Bad Request";
        socket->write("HTTP/1.1 " + QByteArray::number(refusal->status) + ' ' + statusText +
                      "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        m_report(socket, refusal->status, QString::fromLatin1(refusal->reason));
        socket->disconnectFromHost();
    }

    const Limits m_limits;
    RequestScanner m_scanner;
    Reporter m_report;
    QTimer m_idle;
    bool m_refused = false;
    bool m_reported = false;
    qint64 m_bytes = 0;
    qint64 m_requests = 0;
    quint64 m_nextIssued = 0;
    quint64 m_nextWritten = 0;
    std::map<quint64, QueuedResponse> m_waiting;
};

/** Accepts connections itself so each socket gets a guard, and caps connections in all and per client address. */
class GuardedTcpServer final : public QTcpServer {
public:
    GuardedTcpServer(const std::shared_ptr<const ServerConfig>* config, ConnectionGuard::Reporter report,
                     QObject* parent)
        : QTcpServer(parent), m_config(config), m_report(std::move(report))
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
        const QString peer = socket->peerAddress().toString();
        if (m_open >= kMaxConnections || m_perPeer.value(peer) >= kMaxConnectionsPerPeer) {
            m_report(socket, 503,
                     m_open >= kMaxConnections
                         ? QStringLiteral("%1 connections are open: connection refused").arg(kMaxConnections)
                         : QStringLiteral("this address has %1 connections open: connection refused")
                               .arg(kMaxConnectionsPerPeer));
            socket->abort();
            socket->deleteLater();
            return;
        }
        ++m_open;
        ++m_perPeer[peer];
        connect(socket, &QObject::destroyed, this, [this, peer] {
            --m_open;
            if (--m_perPeer[peer] <= 0)
                m_perPeer.remove(peer);
        });
        new ConnectionGuard(socket, (*m_config)->limits, m_report);
        addPendingConnection(socket);
    }

private:
    const std::shared_ptr<const ServerConfig>* m_config;
    ConnectionGuard::Reporter m_report;
    int m_open = 0;
    QHash<QString, int> m_perPeer;
};

ConnectionGuard* guardOf(QTcpSocket* socket)
{
    return socket ? socket->findChild<ConnectionGuard*>(QLatin1String(kIdleTimerName), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

/** Restarts the idle timer once a request has been parsed. */
void requestSeen(QTcpSocket* socket)
{
    if (auto* guard = guardOf(socket))
        guard->requestSeen();
}

} // namespace

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

TokenServer::~TokenServer()
{
    // Signing jobs reference this server and its clock: none may outlive it. Queued ones are dropped, running ones
    // (a millisecond each) finish; their results are posted to this object and discarded with it.
    stop();
    m_pool.clear();
    m_pool.waitForDone();
    // Then every pool thread frees its OpenSSL state (RSA blinding seeds a random generator per thread): one job
    // per thread, each held at a latch until all have started, so no thread takes two of them. Otherwise that state
    // is freed while the threads end, which can be after the process has begun to exit.
    const int threads = std::max(1, m_pool.maxThreadCount());
    auto started = std::make_shared<std::latch>(threads);
    for (int i = 0; i < threads; ++i)
        m_pool.start([started] {
            started->arrive_and_wait();
            crypto::releaseThreadState();
        });
    m_pool.waitForDone();
}

Result<quint16> TokenServer::start(const ServerConfig& config)
{
    if (!config.bind.isLoopback() && !config.allowRemote)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error",
                                      "binding to %1 exposes the server beyond this machine: pass --allow-remote (or "
                                      "\"allowRemote\": true) to mean it"),
                    config.bind.toString());
    m_config = std::make_shared<const ServerConfig>(config);
    m_limiter.configure(config.limits.requestsPerMinute, config.limits.burst);
    m_tcp = new GuardedTcpServer(
        &m_config,
        [this](QTcpSocket* socket, int status, const QString& reason) {
            // Refusals below the HTTP layer (size, framing, connection caps, idle cuts) are logged too.
            LogEntry entry;
            entry.time = QDateTime::currentDateTimeUtc();
            entry.client = socket->peerAddress().toString();
            entry.method = QStringLiteral("-");
            entry.path = QStringLiteral("-");
            entry.status = status;
            entry.reason = reason;
            Q_EMIT requestLogged(entry);
        },
        this);
    if (!m_tcp->listen(config.bind, config.port)) {
        const QString why = m_tcp->errorString();
        delete m_tcp;
        m_tcp = nullptr;
        return fail(ErrorCode::Conflict, QT_TRANSLATE_NOOP("td::Error", "cannot listen on %1:%2: %3"),
                    config.bind.toString(), config.port, why);
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
    entry.started = std::chrono::steady_clock::now();
    entry.client = request.remoteAddress().toString();
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    ConnectionGuard* connection = guardOf(socket);
    answer(socket, connection ? connection->issue() : 0, responder, errorResponse(404, QStringLiteral("not found")), {},
           entry);
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
    if (entry.started != std::chrono::steady_clock::time_point{})
        entry.durationUs =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - entry.started)
                .count();
    Q_EMIT requestLogged(entry);
}

bool TokenServer::answer(QTcpSocket* socket, quint64 seq, const std::shared_ptr<QHttpServerResponder>& responder,
                         const HandlerResponse& response, const QByteArray& allowedOrigin, const LogEntry& entry)
{
    ConnectionGuard* guard = guardOf(socket);
    if (!guard) {
        respond(*responder, response, allowedOrigin, entry);
        return true;
    }
    // Pipelined requests are answered in the order they came, whichever finished first.
    guard->deliver(seq, QueuedResponse{responder, response, allowedOrigin, entry},
                   [this](QueuedResponse& q) { respond(*q.responder, q.response, q.allowedOrigin, q.entry); });
    return true;
}

bool TokenServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    requestSeen(socket);
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    ConnectionGuard* connection = guardOf(socket);
    const quint64 seq = connection ? connection->issue() : 0;
    const auto reply = [&](const HandlerResponse& r, const QByteArray& origin, const LogEntry& e) {
        return answer(socket, seq, responder, r, origin, e);
    };
    const std::shared_ptr<const ServerConfig> config = m_config;
    const Limits& limits = config->limits;
    LogEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.started = std::chrono::steady_clock::now();
    entry.client = request.remoteAddress().toString();
    entry.method = QString::fromLatin1(methodName(request.method()));
    entry.path = request.url().path().left(200);
    const QByteArray originHeader = request.value("Origin");
    entry.origin = QString::fromUtf8(originHeader.left(200));

    if (request.url().toEncoded().size() > limits.maxUrlBytes)
        return reply(errorResponse(414, QStringLiteral("the URL is longer than %1 bytes").arg(limits.maxUrlBytes)), {},
                     entry);
    qsizetype headerBytes = 0;
    for (const auto& [k, v] : request.headers())
        headerBytes += k.size() + v.size() + 4;
    if (headerBytes > limits.maxHeaderBytes)
        return reply(
            errorResponse(431, QStringLiteral("the headers are larger than %1 bytes").arg(limits.maxHeaderBytes)), {},
            entry);
    if (request.body().size() > limits.maxBodyBytes)
        return reply(errorResponse(413, QStringLiteral("the body is larger than %1 bytes").arg(limits.maxBodyBytes)),
                     {}, entry);
    // DNS rebinding: a page on attacker.example whose name now resolves to 127.0.0.1 is same-origin with us and
    // sends no Origin on GET; only its Host header gives it away.
    if (!hostIsServed(*config, request.value("Host")))
        return reply(errorResponse(421, QStringLiteral("this server does not answer to the host \"%1\" (add it to "
                                                       "allowedHosts if it is yours)")
                                            .arg(QString::fromLatin1(request.value("Host").left(100)))),
                     {}, entry);
    // A cross-site request that carries no Origin (an <img>, a form, a navigation) is never a token client.
    if (originHeader.isEmpty() && request.value("Sec-Fetch-Site").trimmed().toLower() == "cross-site")
        return reply(errorResponse(403, QStringLiteral("cross-site requests must come with an allowed Origin")), {},
                     entry);
    const Endpoint* endpoint = nullptr;
    for (const Endpoint& e : config->endpoints) {
        if (e.path == request.url().path())
            endpoint = &e;
    }
    // Refused requests draw on their own bucket, so a stranger's refused requests never use up a client's.
    const auto limited = [&](const QString& bucket) -> std::optional<HandlerResponse> {
        if (const int wait = m_limiter.take(bucket, QDateTime::currentMSecsSinceEpoch()); wait > 0) {
            HandlerResponse r = errorResponse(429, QStringLiteral("too many requests; retry in %1 s").arg(wait));
            r.headers.emplace_back("Retry-After", QByteArray::number(wait));
            return r;
        }
        return std::nullopt;
    };
    const QString refusedBucket = entry.client + QStringLiteral(" refused");
    if (!endpoint) {
        if (auto r = limited(refusedBucket))
            return reply(*r, {}, entry);
        return reply(errorResponse(404, QStringLiteral("no endpoint at this path")), {}, entry);
    }
    entry.endpoint = endpoint->path;

    // CORS: an Origin must match exactly; requests without one are not browsers and pass on to auth. The origin
    // reflected is the canonical one from the config, never the bytes the client sent.
    QByteArray allowedOrigin;
    if (!originHeader.isEmpty()) {
        const QString origin = normaliseOrigin(QString::fromUtf8(originHeader));
        if (origin.isEmpty() || !config->allowedOrigins.contains(origin)) {
            if (auto r = limited(refusedBucket))
                return reply(*r, {}, entry);
            return reply(
                errorResponse(
                    403, QStringLiteral("origin %1 is not allowed").arg(QString::fromUtf8(originHeader.left(200)))),
                {}, entry);
        }
        allowedOrigin = origin.toUtf8();
    }
    if (request.method() == QHttpServerRequest::Method::Options) {
        if (auto r = limited(entry.client))
            return reply(*r, allowedOrigin, entry);
        HandlerResponse r;
        r.status = 204;
        r.headers = {{"Allow", allowedMethods(*endpoint->type)}};
        if (!allowedOrigin.isEmpty()) {
            r.headers.emplace_back("Access-Control-Allow-Methods", allowedMethods(*endpoint->type));
            r.headers.emplace_back("Access-Control-Allow-Headers", "Authorization, Content-Type");
            r.headers.emplace_back("Access-Control-Max-Age", "600");
        }
        return reply(r, allowedOrigin, entry);
    }
    if (!config->bearerKeys.isEmpty()) {
        // RFC 9110: the scheme is case-insensitive ("bearer", "BEARER").
        const QByteArray auth = request.value("Authorization").trimmed();
        bool ok = false;
        if (auth.size() > 7 && auth.left(7).toLower() == "bearer ") {
            const QByteArray presented = auth.mid(7).trimmed();
            for (const BearerKey& k : config->bearerKeys)
                ok = crypto::constantTimeEquals(presented, k.key) || ok; // no early exit: timing says nothing
        }
        if (!ok) {
            if (auto r = limited(refusedBucket))
                return reply(*r, allowedOrigin, entry);
            HandlerResponse r = errorResponse(401, QStringLiteral("a valid bearer key is required"));
            r.headers.emplace_back("WWW-Authenticate", "Bearer");
            return reply(r, allowedOrigin, entry);
        }
    }
    if (auto r = limited(entry.client))
        return reply(*r, allowedOrigin, entry);
    const QByteArray method = methodName(request.method());
    const bool methodOk = endpoint->type->usesPost() ? method == "POST" : method == "GET";
    if (!methodOk) {
        HandlerResponse r =
            errorResponse(405, QStringLiteral("use %1").arg(QString::fromLatin1(allowedMethods(*endpoint->type))));
        r.headers.emplace_back("Allow", allowedMethods(*endpoint->type));
        return reply(r, allowedOrigin, entry);
    }
    if (!endpoint->type->mintsTokens()) {
        HandlerResponse r;
        r.body = R"({"status":"ok"})";
        return reply(r, allowedOrigin, entry);
    }
    auto fields = readFields(*endpoint->type, method, request.query().queryItems(QUrl::FullyDecoded), request.body());
    if (!fields)
        return reply(errorResponse(fields.error()), allowedOrigin, entry);
    if (!signsWithRsa(*endpoint))
        return reply(handleTokenRequest(*endpoint, *fields, m_clock), allowedOrigin, entry);
    // RSA signing takes about a millisecond: do it on the server's own pool so other clients and both cores keep
    // working. The result comes back through this object (discarded if it is gone) and waits for its turn.
    QPointer<QTcpSocket> socketGuard(socket);
    const Clock& clock = m_clock;
    m_pool.start([this, config, endpoint, fields = *fields, socketGuard, seq, responder, allowedOrigin, entry, &clock] {
        const HandlerResponse r = handleTokenRequest(*endpoint, fields, clock);
        QMetaObject::invokeMethod(
            this,
            [this, r, socketGuard, seq, responder, allowedOrigin, entry] {
                // The client may have gone while we signed; the responder writes to the socket, so check first.
                if (socketGuard && socketGuard->state() == QAbstractSocket::ConnectedState)
                    answer(socketGuard.data(), seq, responder, r, allowedOrigin, entry);
            },
            Qt::QueuedConnection);
    });
    return true;
}

} // namespace td::server
