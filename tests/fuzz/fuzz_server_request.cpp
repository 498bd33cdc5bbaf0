// SPDX-License-Identifier: MIT
// The token server's request handling, end to end: the fuzzer's bytes are sent raw over loopback to a running
// TokenServer (Qt's HTTP parser, then origin, bearer key, limits, routing, contracts, policy and minting), the
// sending side is shut, and the server must answer or close. First byte: bit 0 picks the server with a bearer key.
#include "core/Clock.h"
#include "core/server/ServerConfig.h"
#include "core/server/TokenServer.h"
#include "tests/fuzz/FuzzInput.h"
#include "tests/fuzz/FuzzServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QThreadPool>

#include <sys/socket.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace td;

namespace {

QByteArray configJson(bool withKey)
{
    // Every endpoint type, with policies that let most fields through so the minting code is reached.
    QByteArray json = R"({"bind": "127.0.0.1", "port": 0, "allowedOrigins": ["http://localhost:3000"],
      "limits": {"requestsPerMinute": 1000000000, "burst": 1000000000, "maxBodyBytes": 4096, "idleTimeoutMs": 2000},
      "endpoints": [
        {"path": "/getToken", "type": "livekit-get", "profile": "lk",
         "policy": {"room": "[a-z0-9-]{1,32}", "maxTtl": "1h", "allowFields": ["ttl", "grants"], "allowRoomAdmin": true,
                    "allowHidden": true}},
        {"path": "/api/connection-details", "type": "livekit-standard", "credentials": "env",
         "policy": {"allowFields": ["ttl", "grants"], "defaults": {"room": "lobby"}}},
        {"path": "/jaas", "type": "jitsi-get", "profile": "jaas",
         "policy": {"allowModerator": true, "allowFields": ["features", "user_avatar", "ttl"]}},
        {"path": "/jitsi", "type": "jitsi-get", "credentials": "env", "policy": {"features": {"recording": false}}},
        {"path": "/zego", "type": "zego-get", "profile": "zg"},
        {"path": "/healthz", "type": "healthz"}]})";
    if (withKey)
        json.replace(R"("endpoints")",
                     R"("auth": {"bearerKeys": [{"name": "fuzz", "keyEnv": "TOKENDESK_KEY_FUZZ"}]}, "endpoints")");
    return json;
}

struct Harness {
    FixedClock clock{1'800'000'000};
    std::unique_ptr<server::TokenServer> open;
    std::unique_ptr<server::TokenServer> keyed;
    quint16 openPort = 0;
    quint16 keyedPort = 0;

    static quint16 start(server::TokenServer& server, bool withKey)
    {
        auto config = server::ServerConfig::parse(configJson(withKey), fuzz::profileCredentials, fuzz::environment());
        if (!config) {
            std::fprintf(stderr, "fuzz config: %s\n", qPrintable(config.error().message));
            std::abort();
        }
        auto port = server.start(*config);
        if (!port) {
            std::fprintf(stderr, "fuzz server: %s\n", qPrintable(port.error().message));
            std::abort();
        }
        return *port;
    }
};

Harness* harness = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    static QCoreApplication app(*argc, *argv);
    harness = new Harness;
    harness->open = std::make_unique<server::TokenServer>(harness->clock);
    harness->keyed = std::make_unique<server::TokenServer>(harness->clock);
    harness->openPort = Harness::start(*harness->open, false);
    harness->keyedPort = Harness::start(*harness->keyed, true);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, (data[0] & 1) ? harness->keyedPort : harness->openPort);
    if (!client.waitForConnected(2000))
        std::abort(); // the listener is gone: that is a finding too
    client.write(fuzz::view(data + 1, size - 1).toByteArray());
    client.waitForBytesWritten(2000);
    ::shutdown(static_cast<int>(client.socketDescriptor()), SHUT_WR); // end of request: the server must not wait
    QElapsedTimer timer;
    timer.start();
    while (client.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < 5000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        client.readAll();
        QThreadPool::globalInstance()->waitForDone(1); // RS256 answers are signed on the pool
    }
    if (client.state() != QAbstractSocket::UnconnectedState) {
        std::fprintf(stderr, "the server neither answered nor closed within 5 s\n");
        std::abort();
    }
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return 0;
}
