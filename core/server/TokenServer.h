// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/server/EndpointHandler.h"
#include "core/server/LogEntry.h"
#include "core/server/ServerConfig.h"

#include <QAbstractHttpServer>
#include <QHttpServerResponder>
#include <QHash>
#include <QPointer>
#include <QThreadPool>

#include <memory>

class QTcpServer;

namespace td::server {

/** Per-client token bucket. */
class RateLimiter final {
public:
    void configure(int perMinute, int burst);
    /** 0 when allowed, else the seconds to wait. */
    int take(const QString& client, qint64 nowMs);

private:
    struct Bucket {
        double tokens = 0;
        qint64 lastMs = 0;
    };
    QHash<QString, Bucket> m_buckets;
    double m_perMs = 2.0 / 1000;
    double m_burst = 30;
};

/**
 * The local token server: the endpoints of a ServerConfig on QHttpServer, with exact-origin CORS, bearer keys,
 * policy, per-client rate limits, request size limits and idle timeouts. RS256 endpoints sign on the thread pool.
 */
class TokenServer final : public QAbstractHttpServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenServer)

public:
    explicit TokenServer(const Clock& clock, QObject* parent = nullptr);
    ~TokenServer() override;

    /** Listens on the config's address; a non-loopback address needs allowRemote. Returns the bound port. */
    Result<quint16> start(const ServerConfig& config);
    /** Swaps in a new config without dropping the listener (bind and port changes need a restart). */
    void reload(const ServerConfig& config);
    void stop();
    QString url() const;
    std::shared_ptr<const ServerConfig> config() const { return m_config; }

Q_SIGNALS:
    void requestLogged(const td::server::LogEntry& entry);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    void respond(QHttpServerResponder& responder, const HandlerResponse& response, const QByteArray& allowedOrigin,
                 LogEntry entry);
    /** Answers request number `seq` of a connection once every earlier one there is answered. Returns true. */
    bool answer(QTcpSocket* socket, quint64 seq, const std::shared_ptr<QHttpServerResponder>& responder,
                const HandlerResponse& response, const QByteArray& allowedOrigin, const LogEntry& entry);

    const Clock& m_clock;
    std::shared_ptr<const ServerConfig> m_config;
    RateLimiter m_limiter;
    QTcpServer* m_tcp = nullptr;
    QThreadPool m_pool; // RS256 signing; emptied and waited for before the server goes
};

} // namespace td::server
