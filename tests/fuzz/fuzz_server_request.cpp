// SPDX-License-Identifier: MIT
// The token server's request handling, end to end: the fuzzer's bytes are sent raw over loopback to a running
// TokenServer (Qt's HTTP parser, then origin, bearer key, limits, routing, contracts, policy and minting), the
// sending side is shut, and the server must answer or close. First byte: bit 0 picks the server with a bearer key;
// bit 1 turns the rest into a pipelined sequence of requests with fuzzer-chosen header counts, paths and bodies, and
// then the server may answer no more requests than were sent (a body served as a request is request smuggling).
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

/** Pipelined requests from the fuzzer's bytes: [count] then per request [path][header fields][body length]. */
QByteArray pipelined(QByteArrayView in, int& requests)
{
    static const char* const paths[] = {"/getToken?room=a&identity=b",
                                        "/api/connection-details",
                                        "/jaas?room=r",
                                        "/jitsi?room=r",
                                        "/zego?userID=u",
                                        "/healthz",
                                        "/nope"};
    qsizetype at = 0;
    const auto next = [&]() -> quint8 { return at < in.size() ? static_cast<quint8>(in[at++]) : 0; };
    requests = next() % 8 + 1;
    QByteArray out;
    for (int i = 0; i < requests; ++i) {
        const quint8 path = next();
        const int fields = next() % 140; // around Qt 6.4's 100 and our 64
        const int body = next() % 64;
        const bool post = (path & 0x80) != 0;
        out += (post ? "POST " : "GET ") + QByteArray(paths[(path & 0x7f) % std::size(paths)]) +
               " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        for (int f = 0; f < fields; ++f)
            out += "X-F" + QByteArray::number(f) + ": " + QByteArray::number(next()) + "\r\n";
        if (body > 0)
            out += "Content-Length: " + QByteArray::number(body) + "\r\n";
        out += "\r\n";
        for (int b = 0; b < body; ++b)
            out += static_cast<char>(next() | 0x20);
    }
    return out;
}

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
    int requests = -1;
    const QByteArray bytes = (data[0] & 2) ? pipelined(fuzz::view(data + 1, size - 1), requests)
                                           : fuzz::view(data + 1, size - 1).toByteArray();
    client.write(bytes);
    client.waitForBytesWritten(2000);
    ::shutdown(static_cast<int>(client.socketDescriptor()), SHUT_WR); // end of request: the server must not wait
    QElapsedTimer timer;
    timer.start();
    QByteArray answers;
    while (client.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < 5000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        answers += client.readAll();
        QThreadPool::globalInstance()->waitForDone(1);
    }
    answers += client.readAll();
    if (requests > 0 && answers.count("HTTP/1.1 ") > requests) {
        std::fprintf(stderr, "%lld answers to %d pipelined requests: a body was served as a request\n",
                     static_cast<long long>(answers.count("HTTP/1.1 ")), requests);
        std::abort();
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
