// SPDX-License-Identifier: MIT
// (No raw string literals here: Qt 6.4's moc misreads those that contain "//".)
// The token server on a real listener (127.0.0.1:0): contracts, CORS, auth, policy, limits and hostile clients.
#include "core/inspect/TokenInspector.h"
#include "core/server/TokenServer.h"
#include "tests/support/TestData.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <vector>

#include <memory>

#include <algorithm>

using namespace td;
using namespace td::server;

namespace {

const QByteArray kBearer = "test-bearer-key-0123456789";

QProcessEnvironment env()
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("LIVEKIT_API_KEY"), QStringLiteral("devkey"));
    e.insert(QStringLiteral("LIVEKIT_API_SECRET"), QStringLiteral("secret"));
    e.insert(QStringLiteral("LIVEKIT_URL"), QStringLiteral("wss://demo.livekit.cloud"));
    e.insert(QStringLiteral("ZEGO_APP_ID"), QStringLiteral("1234567890"));
    e.insert(QStringLiteral("ZEGO_SERVER_SECRET"), QStringLiteral("0123456789abcdef0123456789abcdef"));
    e.insert(QStringLiteral("JAAS_APP_ID"), QStringLiteral("vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe"));
    e.insert(QStringLiteral("JAAS_KEY_ID"), QStringLiteral("k1"));
    e.insert(QStringLiteral("JAAS_PRIVATE_KEY"),
             QString::fromLatin1(test::readFile(test::dataPath(QStringLiteral("pem/rsa2048-pkcs8.pem")))));
    e.insert(QStringLiteral("STREAM_API_KEY"), QStringLiteral("streamkey"));
    e.insert(QStringLiteral("STREAM_API_SECRET"), QStringLiteral("stream-secret-0123456789abcdef"));
    e.insert(QStringLiteral("BEARER"), QString::fromLatin1(kBearer));
    return e;
}

const QByteArray kConfig =
    "{"
    "\"bind\": \"127.0.0.1\", \"port\": 0,"
    "\"allowedOrigins\": [\"http://localhost:3000\"],"
    "\"limits\": { \"requestsPerMinute\": 6000, \"burst\": 1000, \"idleTimeoutMs\": 1500 },"
    "\"endpoints\": ["
    "{ \"path\": \"/getToken\", \"type\": \"livekit-get\", \"credentials\": \"env\","
    "\"policy\": { \"room\": \"demo-[a-z0-9-]+\", \"maxTtl\": \"1h\", \"allowFields\": [\"room\", \"identity\", "
    "\"name\", \"ttl\", \"grants\"], \"grants\": { \"canPublish\": false } } },"
    "{ \"path\": \"/api/connection-details\", \"type\": \"livekit-standard\", \"credentials\": \"env\" },"
    "{ \"path\": \"/api/jitsi-token\", \"type\": \"jitsi-get\", \"credentials\": \"env\","
    "\"policy\": { \"features\": { \"recording\": false }, \"defaults\": { \"room\": \"lobby\" } } },"
    "{ \"path\": \"/zego\", \"type\": \"zego-get\", \"credentials\": \"env\" },"
    "{ \"path\": \"/lk-grants\", \"type\": \"livekit-standard\", \"credentials\": \"env\","
    "\"policy\": { \"allowFields\": [\"room\", \"identity\", \"grants\"], \"grants\": { \"canPublishData\": false } } "
    "},"
    "{ \"path\": \"/healthz\", \"type\": \"healthz\" } ] }";

struct Reply {
    int status = 0;
    QByteArray body;
    QNetworkReply* raw = nullptr;
    QByteArray header(const char* name) const { return raw->rawHeader(name); }
};

} // namespace

class TestTokenServer : public QObject {
    Q_OBJECT

    FixedClock m_clock{1700000000};
    std::unique_ptr<TokenServer> m_server;
    QNetworkAccessManager m_nam;
    QString m_base;
    quint16 m_port = 0;

    void startWith(const QByteArray& config)
    {
        m_server = std::make_unique<TokenServer>(m_clock);
        auto parsed = ServerConfig::parse(
            config, [](const QString&) { return Result<EndpointCredentials>(); }, env());
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        auto port = m_server->start(*parsed);
        QVERIFY(port);
        m_port = *port;
        m_base = m_server->url();
    }

    Reply request(const QByteArray& verb, const QString& path, const QList<QPair<QByteArray, QByteArray>>& headers = {},
                  const QByteArray& body = {})
    {
        QNetworkRequest req(QUrl(m_base + path));
        for (const auto& [k, v] : headers)
            req.setRawHeader(k, v);
        QNetworkReply* reply = m_nam.sendCustomRequest(req, verb, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(10000);
        reply->setParent(this);
        return Reply{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(), reply};
    }

    /** Sends bytes on a fresh connection and collects the answer, letting the server (same thread) run meanwhile. */
    QByteArray raw(const QByteArray& bytes, int waitMs = 2000)
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_port);
        if (!QTest::qWaitFor([&] { return s.state() == QAbstractSocket::ConnectedState; }, 2000))
            return "no connection";
        s.write(bytes);
        QByteArray out;
        (void)QTest::qWaitFor(
            [&] {
                out += s.readAll();
                return s.state() != QAbstractSocket::ConnectedState || (out.contains("\r\n\r\n") && out.endsWith("}"));
            },
            waitMs);
        return out + s.readAll();
    }

    /** The claims of the participant_token a livekit-standard endpoint answered with. */
    QJsonObject participantClaims(const Reply& r) const
    {
        const QByteArray token =
            QJsonDocument::fromJson(r.body).object().value(QStringLiteral("participant_token")).toString().toLatin1();
        return TokenInspector(m_clock).inspect(token)->claims;
    }

private Q_SLOTS:
    void init() { startWith(kConfig); }
    void cleanup() { m_server.reset(); }

    void livekitGetContract()
    {
        const Reply r = request("GET", QStringLiteral("/getToken?room=demo-1&identity=ann&name=Ann"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/plain"));
        VerifyCredentials c;
        c.apiKey = QStringLiteral("devkey");
        c.secret = "secret";
        const auto inspected = TokenInspector(m_clock).inspect(r.body, c);
        QVERIFY(inspected->valid());
        QCOMPARE(inspected->claims.value(QStringLiteral("video"))
                     .toObject()
                     .value(QStringLiteral("canPublish"))
                     .toBool(true),
                 false);
        QCOMPARE(inspected->claims.value(QStringLiteral("name")).toString(), QStringLiteral("Ann"));
    }

    void livekitStandardContract()
    {
        const Reply r =
            request("POST", QStringLiteral("/api/connection-details"), {{"Content-Type", "application/json"}},
                    "{\"room_name\":\"r1\",\"participant_identity\":\"p1\",\"participant_name\":\"P\",\"participant_"
                    "metadata\":\"m\","
                    "\"participant_attributes\":{\"a\":\"b\"}}");
        QCOMPARE(r.status, 201);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(QStringLiteral("server_url")).toString(), QStringLiteral("wss://demo.livekit.cloud"));
        const auto claims =
            TokenInspector(m_clock).inspect(o.value(QStringLiteral("participant_token")).toString().toLatin1())->claims;
        QCOMPARE(claims.value(QStringLiteral("metadata")).toString(), QStringLiteral("m"));
        // room_config is not a default field: it records, streams and dispatches agents.
        QCOMPARE(
            request("POST", QStringLiteral("/api/connection-details"), {},
                    "{\"room_name\":\"r1\",\"participant_identity\":\"p1\",\"room_config\":{\"max_participants\":1}}")
                .status,
            403);
        QCOMPARE(request("POST", QStringLiteral("/api/connection-details"), {}, "{not json").status, 400);
        QCOMPARE(request("POST", QStringLiteral("/api/connection-details"), {},
                         "{\"room_name\":\"r\",\"participant_identity\":\"p\",\"admin\":true}")
                     .status,
                 400);
    }

    void jitsiAndZegoContracts()
    {
        const Reply j =
            request("GET", QStringLiteral("/api/jitsi-token?user_id=u1&user_name=Ann&user_moderator=false"));
        QCOMPARE(j.status, 200);
        const QByteArray token =
            QJsonDocument::fromJson(j.body).object().value(QStringLiteral("token")).toString().toLatin1();
        const auto jaas = TokenInspector(m_clock).inspect(token);
        QCOMPARE(jaas->provider, Provider::Jaas);
        QCOMPARE(jaas->claims.value(QStringLiteral("room")).toString(), QStringLiteral("lobby")); // the policy default
        QCOMPARE(jaas->claims.value(QStringLiteral("context"))
                     .toObject()
                     .value(QStringLiteral("features"))
                     .toObject()
                     .value(QStringLiteral("recording"))
                     .toString(),
                 QStringLiteral("false"));
        const Reply refused = request("GET", QStringLiteral("/api/jitsi-token?room=x&user_moderator=true"));
        QCOMPARE(refused.status, 403);
        QVERIFY(QJsonDocument::fromJson(refused.body)
                    .object()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("moderator")));

        const Reply z = request("GET", QStringLiteral("/zego?userID=u1&expired_ts=600&roomID=r1&userName=Ann"));
        QCOMPARE(z.status, 200);
        const QJsonObject o = QJsonDocument::fromJson(z.body).object();
        QVERIFY(o.value(QStringLiteral("token")).toString().startsWith(QStringLiteral("04")));
        QVERIFY(o.value(QStringLiteral("kitToken")).toString().contains(QLatin1Char('#')));
        QVERIFY(!QJsonDocument::fromJson(request("GET", QStringLiteral("/zego?userID=u1")).body)
                     .object()
                     .contains(QStringLiteral("kitToken")));
        QCOMPARE(request("GET", QStringLiteral("/zego")).status, 400);
        QCOMPARE(request("GET", QStringLiteral("/healthz")).body, QByteArray("{\"status\":\"ok\"}"));
    }

    void streamGetGivesCallTokensThePolicyAllows()
    {
        startWith("{\"endpoints\":[{\"path\":\"/stream\",\"type\":\"stream-get\",\"credentials\":\"env\","
                  "\"policy\":{\"room\":\"default:demo-[a-z]+\",\"roles\":[\"call_member\"],"
                  "\"allowFields\":[\"user_id\",\"call_cids\",\"role\"]}}]}");
        const Reply ok =
            request("GET", QStringLiteral("/stream?user_id=ann&call_cids=default:demo-a&role=call_member"));
        QCOMPARE(ok.status, 200);
        const QJsonObject o = QJsonDocument::fromJson(ok.body).object();
        QCOMPARE(o.value(QStringLiteral("apiKey")).toString(), QStringLiteral("streamkey"));
        QCOMPARE(o.value(QStringLiteral("userId")).toString(), QStringLiteral("ann"));
        VerifyCredentials c;
        c.secret = QByteArrayLiteral("stream-secret-0123456789abcdef");
        const auto inspected =
            TokenInspector(m_clock).inspect(o.value(QStringLiteral("token")).toString().toLatin1(), c);
        QVERIFY(inspected);
        QCOMPARE(inspected->provider, Provider::Stream);
        QCOMPARE(inspected->signature, SignatureState::Valid);
        QCOMPARE(inspected->claims.value(QStringLiteral("call_cids")).toArray().first().toString(),
                 QStringLiteral("default:demo-a"));
        QCOMPARE(inspected->claims.value(QStringLiteral("role")).toString(), QStringLiteral("call_member"));
        // A call outside the pattern, no call at all (the pattern asks for call tokens) and a role not listed: 403.
        QCOMPARE(request("GET", QStringLiteral("/stream?user_id=ann&call_cids=default:other")).status, 403);
        QCOMPARE(request("GET", QStringLiteral("/stream?user_id=ann")).status, 403);
        QCOMPARE(request("GET", QStringLiteral("/stream?user_id=ann&call_cids=default:demo-a&role=admin")).status, 403);
        QCOMPARE(request("GET", QStringLiteral("/stream?call_cids=default:demo-a")).status, 400);
    }

    void roomConfigIsAPrivilege_data()
    {
        QTest::addColumn<QByteArray>("policy");
        QTest::addColumn<QByteArray>("roomConfig");
        QTest::addColumn<int>("status");
        const QByteArray fields = "\"allowFields\": [\"room\", \"identity\", \"room_config\"]";
        const QByteArray s3 = R"({"egress":{"room":{"file_outputs":[{"s3":{"bucket":"theirs"}}]}}})";
        const QByteArray rtmp = R"({"egress":{"room":{"stream_outputs":[{"urls":["rtmp://attacker.example/live"]}]}}})";
        QTest::newRow("limits only") << fields << QByteArray(R"({"max_participants":5})") << 201;
        QTest::newRow("egress without allowRecorder") << fields << s3 << 403;
        QTest::newRow("egress with allowRecorder") << fields + ", \"allowRecorder\": true" << s3 << 201;
        QTest::newRow("stream output, even for a recorder") << fields + ", \"allowRecorder\": true" << rtmp << 403;
        QTest::newRow("agents without allowAgentDispatch")
            << fields << QByteArray(R"({"agents":[{"agent_name":"x"}]})") << 403;
        QTest::newRow("listed agent") << fields + ", \"allowAgentDispatch\": true, \"agentNames\": [\"helper\"]"
                                      << QByteArray(R"({"agents":[{"agent_name":"helper"}]})") << 201;
        QTest::newRow("unlisted agent") << fields + ", \"allowAgentDispatch\": true, \"agentNames\": [\"helper\"]"
                                        << QByteArray(R"({"agents":[{"agent_name":"other"}]})") << 403;
        QTest::newRow("another room's name") << fields << QByteArray(R"({"name":"other-room"})") << 403;
        QTest::newRow("its own room's name") << fields << QByteArray(R"({"name":"r1"})") << 201;
    }
    void roomConfigIsAPrivilege()
    {
        QFETCH(QByteArray, policy);
        QFETCH(QByteArray, roomConfig);
        QFETCH(int, status);
        startWith("{\"bind\": \"127.0.0.1\", \"port\": 0, \"endpoints\": [{ \"path\": \"/c\", \"type\": "
                  "\"livekit-standard\", \"credentials\": \"env\", \"policy\": {" +
                  policy + "} }] }");
        const Reply r =
            request("POST", QStringLiteral("/c"), {},
                    "{\"room_name\":\"r1\",\"participant_identity\":\"p1\",\"room_config\":" + roomConfig + "}");
        QVERIFY2(r.status == status, r.body.constData());
    }

    void fieldsAreWhatTheySay()
    {
        // Numbers for text fields: whole ones exactly, others refused.
        Reply r = request("POST", QStringLiteral("/api/connection-details"), {},
                          R"({"room_name":"r1","participant_identity":1234567})");
        QCOMPARE(r.status, 201);
        const QJsonObject claims = participantClaims(r);
        QCOMPARE(claims.value(QStringLiteral("sub")).toString(), QStringLiteral("1234567"));
        QCOMPARE(request("POST", QStringLiteral("/api/connection-details"), {},
                         R"({"room_name":"r1","participant_identity":1.5})")
                     .status,
                 400);
        QCOMPARE(request("POST", QStringLiteral("/api/connection-details"), {},
                         R"({"room_name":"r1","participant_identity":{"a":1}})")
                     .status,
                 400);
        // user_moderator takes true/false/1/0, nothing it would have to guess about.
        for (const char* v : {"yes", "on", "2"})
            QCOMPARE(request("GET", QStringLiteral("/api/jitsi-token?user_moderator=") + QLatin1String(v)).status, 400);
        QCOMPARE(request("GET", QStringLiteral("/api/jitsi-token?user_moderator=FALSE")).status, 200);
    }

    void privilegedGrantsThatDoNotAskStayOut_data()
    {
        QTest::addColumn<QString>("value");
        for (const char* v : {"0", "false", "FALSE", " "})
            QTest::newRow(v) << QString::fromLatin1(v);
    }
    void privilegedGrantsThatDoNotAskStayOut()
    {
        QFETCH(QString, value);
        const Reply r =
            request("POST", QStringLiteral("/lk-grants"), {},
                    QStringLiteral(R"({"room_name":"r","participant_identity":"p","grants":{"destinationRoom":"%1"}})")
                        .arg(value)
                        .toUtf8());
        QVERIFY2(r.status == 201, r.body.constData());
        const QJsonObject claims = participantClaims(r);
        QVERIFY(!claims.value(QStringLiteral("video")).toObject().contains(QStringLiteral("destinationRoom")));
        // A grant spelled in another case is what the server would read: refused, not passed through.
        QCOMPARE(request("POST", QStringLiteral("/lk-grants"), {},
                         R"({"room_name":"r","participant_identity":"p","grants":{"RoomAdmin":true}})")
                     .status,
                 400);
    }

    void jitsiRoomsAsJitsiMeetJoinsThem()
    {
        startWith("{\"bind\": \"127.0.0.1\", \"port\": 0, \"endpoints\": ["
                  "{ \"path\": \"/j\", \"type\": \"jitsi-get\", \"credentials\": \"env\" },"
                  "{ \"path\": \"/team\", \"type\": \"jitsi-get\", \"credentials\": \"env\","
                  "  \"policy\": { \"room\": \"team-[a-z0-9%]+\" } },"
                  "{ \"path\": \"/any\", \"type\": \"jitsi-get\", \"credentials\": \"env\","
                  "  \"policy\": { \"allowAnyRoom\": true } } ] }");
        const auto body = [](const Reply& r) { return QJsonDocument::fromJson(r.body).object(); };
        const auto claimOf = [&](const Reply& r) {
            const QByteArray token = body(r).value(QStringLiteral("token")).toString().toLatin1();
            return TokenInspector(m_clock).inspect(token)->claims.value(QStringLiteral("room")).toString();
        };
        Reply r = request("GET", QStringLiteral("/j?room=Team%20Standup"));
        QCOMPARE(r.status, 200);
        QCOMPARE(claimOf(r), QStringLiteral("team%20standup"));
        QCOMPARE(body(r).value(QStringLiteral("room")).toString(), QStringLiteral("team%20standup"));
        QCOMPARE(body(r).value(QStringLiteral("roomPath")).toString(), QStringLiteral("team%20standup"));
        r = request("GET",
                    QStringLiteral("/j?room=") + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("Café!"))));
        QCOMPARE(claimOf(r), QStringLiteral("caf%c3%a9!"));
        QCOMPARE(body(r).value(QStringLiteral("roomPath")).toString(), QStringLiteral("caf%c3%a9%21"));
        // The policy's pattern judges the joined form, whatever the client sent.
        QCOMPARE(request("GET", QStringLiteral("/team?room=Team-Caf%C3%A9")).status, 200);
        QCOMPARE(request("GET", QStringLiteral("/team?room=TEAM-42")).status, 200);
        QCOMPARE(request("GET", QStringLiteral("/team?room=other")).status, 403);
        // "*" (in any spelling) is every room: only an endpoint that allows it mints one.
        for (const char* star : {"*", "%2A", "%252A", "%20*%20"})
            QCOMPARE(request("GET", QStringLiteral("/j?room=") + QLatin1String(star)).status, 403);
        r = request("GET", QStringLiteral("/any?room=%2A"));
        QCOMPARE(r.status, 200);
        QCOMPARE(claimOf(r), QStringLiteral("*"));
        QVERIFY(!body(r).contains(QStringLiteral("roomPath")));
    }

    void policyRefusesInsteadOfDowngrading_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::newRow("room outside pattern") << "room=prod-1&identity=a" << 403;
        QTest::newRow("pattern is anchored") << "room=xdemo-1&identity=a" << 403;
        QTest::newRow("roomAdmin asked") << "room=demo-1&identity=a&grants=roomAdmin" << 403;
        QTest::newRow("hidden asked") << "room=demo-1&identity=a&grants=hidden" << 403;
        QTest::newRow("field not allowed") << "room=demo-1&identity=a&metadata=x" << 403;
        QTest::newRow("no identity") << "room=demo-1" << 400;
        QTest::newRow("duplicate field") << "room=demo-1&room=demo-2&identity=a" << 400;
        QTest::newRow("bad ttl") << "room=demo-1&identity=a&ttl=soon" << 400;
        QTest::newRow("harmless grant") << "room=demo-1&identity=a&grants=canSubscribe" << 200;
    }
    void policyRefusesInsteadOfDowngrading()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        const Reply r = request("GET", QStringLiteral("/getToken?") + query);
        QCOMPARE(r.status, status);
        if (status != 200)
            QVERIFY(QJsonDocument::fromJson(r.body).object().contains(QStringLiteral("error")));
    }

    void grantsCannotEscapeThePolicy_data()
    {
        QTest::addColumn<QByteArray>("grants");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        // The endpoint fixes canPublishData=false: a client may not flip it, only repeat it.
        QTest::newRow("fixed grant flipped") << QByteArray("{\"canPublishData\":true}") << 403 << "fixed";
        QTest::newRow("fixed grant repeated") << QByteArray("{\"canPublishData\":false}") << 201 << "";
        QTest::newRow("open grant narrowed") << QByteArray("{\"canSubscribe\":false}") << 201 << "";
        // String-valued privileged grants count as asked when non-empty (not only when "true").
        QTest::newRow("destinationRoom string")
            << QByteArray("{\"destinationRoom\":\"other\"}") << 403 << "destinationRoom";
        QTest::newRow("roomAdmin as 1") << QByteArray("{\"roomAdmin\":1}") << 403 << "roomAdmin";
        QTest::newRow("hidden as string") << QByteArray("{\"hidden\":\"yes\"}") << 403 << "hidden";
        QTest::newRow("destinationRoom empty") << QByteArray("{\"destinationRoom\":\"\"}") << 201 << "";
    }
    void grantsCannotEscapeThePolicy()
    {
        QFETCH(QByteArray, grants);
        QFETCH(int, status);
        QFETCH(QString, error);
        const Reply r = request("POST", QStringLiteral("/lk-grants"), {{"Content-Type", "application/json"}},
                                "{\"room_name\":\"r\",\"participant_identity\":\"a\",\"grants\":" + grants + "}");
        QVERIFY2(r.status == status, r.body.constData());
        if (status != 201) {
            QVERIFY2(r.body.contains(error.toUtf8()), r.body.constData());
            return;
        }
        const QString token =
            QJsonDocument::fromJson(r.body).object().value(QStringLiteral("participant_token")).toString();
        const QJsonObject video =
            TokenInspector(m_clock).inspect(token.toLatin1())->claims.value(QStringLiteral("video")).toObject();
        QCOMPARE(video.value(QStringLiteral("canPublishData")), QJsonValue(false));
        QVERIFY(!video.contains(QStringLiteral("destinationRoom")) ||
                video.value(QStringLiteral("destinationRoom")).toString().isEmpty());
        // The GET endpoint fixes canPublish=false; asking for it by name is refused too.
        QCOMPARE(request("GET", QStringLiteral("/getToken?room=demo-1&identity=a&grants=canPublish")).status, 403);
    }

    void hostHeaderDefeatsDnsRebinding_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<bool>("served");
        QTest::newRow("loopback v4") << QByteArray("127.0.0.1:8787") << true;
        QTest::newRow("loopback v6") << QByteArray("[::1]:8787") << true;
        QTest::newRow("localhost") << QByteArray("localhost:8787") << true;
        QTest::newRow("localhost upper, trailing dot") << QByteArray("LocalHost.:8787") << true;
        QTest::newRow("sub.localhost") << QByteArray("app.localhost") << true;
        QTest::newRow("LAN address") << QByteArray("192.168.1.20:8787") << true;
        QTest::newRow("an allowed origin's host") << QByteArray("dev.example.test:8787") << true;
        QTest::newRow("allowedHosts entry") << QByteArray("tokens.lan") << true;
        QTest::newRow("rebinding name") << QByteArray("attacker.example:8787") << false;
        QTest::newRow("localhost lookalike") << QByteArray("localhost.attacker.example") << false;
        QTest::newRow("decimal address") << QByteArray("2130706433:8787") << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("broken v6") << QByteArray("[::1:8787") << false;
        QTest::newRow("junk after v6") << QByteArray("[::1]x") << false;
    }
    void hostHeaderDefeatsDnsRebinding()
    {
        QFETCH(QByteArray, host);
        QFETCH(bool, served);
        auto config = ServerConfig::parse(
            "{\"allowedOrigins\":[\"http://dev.example.test:3000\"],"
            "\"allowedHosts\":[\"Tokens.LAN\"],"
            "\"endpoints\":[{\"path\":\"/h\",\"type\":\"healthz\"}]}",
            [](const QString&) { return Result<EndpointCredentials>(); }, env());
        QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
        QCOMPARE(hostIsServed(*config, host), served);
    }

    void foreignHostsAndCrossSiteRequestsAreRefused()
    {
        const QByteArray port = QByteArray::number(m_port);
        const QByteArray rebound = raw("GET /healthz HTTP/1.1\r\nHost: attacker.example:" + port + "\r\n\r\n");
        QVERIFY2(rebound.startsWith("HTTP/1.1 421"), rebound.constData());
        QVERIFY(rebound.contains("allowedHosts"));
        const QByteArray local = raw("GET /healthz HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n");
        QVERIFY2(local.startsWith("HTTP/1.1 200"), local.constData());
        // An <img> or form from another site carries Sec-Fetch-Site but no Origin.
        const Reply img = request("GET", QStringLiteral("/getToken?room=demo-1&identity=a"),
                                  {{"Sec-Fetch-Site", "cross-site"}, {"Sec-Fetch-Mode", "no-cors"}});
        QCOMPARE(img.status, 403);
        const Reply cors = request("GET", QStringLiteral("/getToken?room=demo-1&identity=a"),
                                   {{"Sec-Fetch-Site", "cross-site"}, {"Origin", "http://localhost:3000"}});
        QCOMPARE(cors.status, 200);
    }

    void ttlIsClampedAndSaidSo()
    {
        const Reply r = request("GET", QStringLiteral("/getToken?room=demo-1&identity=a&ttl=6h"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("X-TokenDesk-TTL-Clamped"), QByteArray("requested=21600; granted=3600"));
        const auto claims = TokenInspector(m_clock).inspect(r.body)->claims;
        QCOMPARE(claims.value(QStringLiteral("exp")).toInteger() - claims.value(QStringLiteral("nbf")).toInteger(),
                 3600);
    }

    void corsIsExact()
    {
        const Reply ok =
            request("GET", QStringLiteral("/getToken?room=demo-1&identity=a"), {{"Origin", "http://localhost:3000"}});
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:3000"));
        QCOMPARE(ok.header("Vary"), QByteArray("Origin"));
        for (const QByteArray& origin : {QByteArray("http://localhost:3001"), QByteArray("https://localhost:3000"),
                                         QByteArray("http://localhost:3000.evil.com"), QByteArray("null")}) {
            const Reply no = request("GET", QStringLiteral("/getToken?room=demo-1&identity=a"), {{"Origin", origin}});
            QCOMPARE(no.status, 403);
            QVERIFY(no.header("Access-Control-Allow-Origin").isEmpty());
            QVERIFY(no.body.contains(origin));
        }
        const Reply preflight =
            request("OPTIONS", QStringLiteral("/getToken"),
                    {{"Origin", "http://localhost:3000"}, {"Access-Control-Request-Method", "GET"}});
        QCOMPARE(preflight.status, 204);
        QVERIFY(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
        QCOMPARE(preflight.header("Access-Control-Max-Age"), QByteArray("600"));
        QVERIFY(!preflight.header("Access-Control-Allow-Origin").contains('*'));
    }

    void bearerKeysApplyWithOrWithoutOrigin()
    {
        QByteArray config = kConfig;
        config.replace(
            "\"allowedOrigins\"",
            "\"auth\": { \"bearerKeys\": [{ \"name\": \"web\", \"keyEnv\": \"BEARER\" }] }, \"allowedOrigins\"");
        m_server.reset();
        startWith(config);
        QCOMPARE(request("GET", QStringLiteral("/getToken?room=demo-1&identity=a")).status, 401);
        QCOMPARE(
            request("GET", QStringLiteral("/getToken?room=demo-1&identity=a"), {{"Origin", "http://localhost:3000"}})
                .status,
            401);
        QCOMPARE(request("GET", QStringLiteral("/getToken?room=demo-1&identity=a"), {{"Authorization", "Bearer wrong"}})
                     .status,
                 401);
        QCOMPARE(
            request("GET", QStringLiteral("/getToken?room=demo-1&identity=a"), {{"Authorization", "Bearer " + kBearer}})
                .status,
            200);
        const Reply r = request("GET", QStringLiteral("/getToken?room=demo-1&identity=a"));
        QVERIFY(!r.body.contains(kBearer));
    }

    void methodsPathsAndSizes()
    {
        QCOMPARE(request("POST", QStringLiteral("/getToken?room=demo-1&identity=a")).status, 405);
        QCOMPARE(request("GET", QStringLiteral("/api/connection-details")).status, 405);
        const Reply missing = request("GET", QStringLiteral("/nope"));
        QCOMPARE(missing.status, 404);
        QVERIFY(QJsonDocument::fromJson(missing.body).isObject());
        QCOMPARE(
            request("GET", QStringLiteral("/getToken?room=demo-1&identity=") + QString(3000, QLatin1Char('a'))).status,
            414);
        QCOMPARE(request("GET", QStringLiteral("/healthz"), {{"X-Big", QByteArray(9000, 'x')}}).status, 431);
        QCOMPARE(request("POST", QStringLiteral("/api/connection-details"), {}, QByteArray(20000, ' ')).status, 413);
    }

    void rateLimitAnswers429WithRetryAfter()
    {
        QByteArray config = kConfig;
        config.replace("\"requestsPerMinute\": 6000, \"burst\": 1000", "\"requestsPerMinute\": 60, \"burst\": 3");
        m_server.reset();
        startWith(config);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(request("GET", QStringLiteral("/healthz")).status, 200);
        const Reply r = request("GET", QStringLiteral("/healthz"));
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("Retry-After").toInt() >= 1);
    }

    void requestLogNeverHoldsTheToken()
    {
        QSignalSpy spy(m_server.get(), &TokenServer::requestLogged);
        const Reply r =
            request("GET", QStringLiteral("/getToken?room=demo-1&identity=ann"), {{"Origin", "http://localhost:3000"}});
        QCOMPARE(spy.count(), 1);
        const LogEntry e = spy.first().first().value<LogEntry>();
        QCOMPARE(e.status, 200);
        QCOMPARE(e.identity, QStringLiteral("ann"));
        QCOMPARE(e.room, QStringLiteral("demo-1"));
        QCOMPARE(e.origin, QStringLiteral("http://localhost:3000"));
        // How long the answer took, measured from the request's arrival (the log's Duration column).
        QVERIFY2(e.durationUs >= 0 && e.durationUs < 10'000'000, qPrintable(QString::number(e.durationUs)));
        QVERIFY(e.toJson().contains(QStringLiteral("durationMs")));
        QVERIFY(!e.toText().contains(QString::fromLatin1(r.body.left(40))));
        QVERIFY(!QJsonDocument(e.toJson()).toJson().contains(r.body.left(40)));
    }

    void reloadKeepsTheListener()
    {
        QByteArray config = kConfig;
        config.replace("\"/zego\"", "\"/zego2\"");
        auto parsed = ServerConfig::parse(
            config, [](const QString&) { return Result<EndpointCredentials>(); }, env());
        m_server->reload(*parsed);
        QCOMPARE(request("GET", QStringLiteral("/zego?userID=u")).status, 404);
        QCOMPARE(request("GET", QStringLiteral("/zego2?userID=u")).status, 200);
    }

    void headerFloodCannotSmuggleARequest_data()
    {
        QTest::addColumn<int>("fields");
        QTest::newRow("65 fields (over ours)") << 65;
        QTest::newRow("101 fields (over Qt 6.4's)") << 101;
    }
    void headerFloodCannotSmuggleARequest()
    {
        QFETCH(int, fields);
        // Qt 6.4 drops every header past its 100th, Content-Length included, and used to serve the body as a
        // second request: the smuggled one here would mint a token for "smuggled".
        const QByteArray smuggled = "GET /getToken?room=demo-1&identity=smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        QByteArray head = "POST /api/connection-details HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " +
                          QByteArray::number(smuggled.size()) + "\r\n";
        for (int i = 0; i < fields; ++i)
            head += "X-F" + QByteArray::number(i) + ": v\r\n";
        QList<server::LogEntry> logged;
        connect(m_server.get(), &TokenServer::requestLogged, this,
                [&](const server::LogEntry& e) { logged.append(e); });
        const QByteArray answer = raw(head + "\r\n" + smuggled, 1500);
        QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.left(200).constData());
        QVERIFY(answer.contains("Connection: close"));
        QCOMPARE(answer.count("HTTP/1.1 "), 1);
        QVERIFY(!answer.contains("eyJ"));
        QVERIFY(std::any_of(logged.cbegin(), logged.cend(), [](const server::LogEntry& e) { return e.status == 431; }));
    }

    void ambiguousFramingIsRefusedAndClosed_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::newRow("transfer-encoding") << QByteArray("Transfer-Encoding: chunked\r\n");
        QTest::newRow("two lengths") << QByteArray("Content-Length: 2\r\nContent-Length: 5\r\n");
        QTest::newRow("signed length") << QByteArray("Content-Length: +5\r\n");
        QTest::newRow("folded line") << QByteArray("X-A: a\r\n b\r\n");
        QTest::newRow("huge length") << QByteArray("Content-Length: 99999999\r\n");
    }
    void ambiguousFramingIsRefusedAndClosed()
    {
        QFETCH(QByteArray, headers);
        const QByteArray answer =
            raw("POST /api/connection-details HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n{}", 1500);
        QVERIFY2(answer.startsWith("HTTP/1.1 4"), answer.left(100).constData());
        QVERIFY(answer.contains("Connection: close"));
    }

    void pipelinedRsaResponsesKeepRequestOrder()
    {
        // JaaS signs on the pool; pipelined requests must still be answered in the order they came.
        QByteArray batch;
        constexpr int kCount = 40;
        for (int i = 0; i < kCount; ++i)
            batch += "GET /api/jitsi-token?user_id=u" + QByteArray::number(i) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(s.waitForConnected(2000));
        s.write(batch);
        QByteArray out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += s.readAll();
                return out.count("HTTP/1.1 200") == kCount && out.endsWith("}");
            },
            10000));
        int i = 0;
        for (qsizetype at = out.indexOf("{\"room\""); at >= 0; at = out.indexOf("{\"room\"", at + 1), ++i) {
            const qsizetype end = out.indexOf('}', at);
            const QJsonObject body = QJsonDocument::fromJson(out.mid(at, end - at + 1)).object();
            const auto token =
                TokenInspector(m_clock).inspect(body.value(QStringLiteral("token")).toString().toLatin1());
            QVERIFY(token);
            QCOMPARE(token->claims.value(QStringLiteral("context"))
                         .toObject()
                         .value(QStringLiteral("user"))
                         .toObject()
                         .value(QStringLiteral("id"))
                         .toString(),
                     QStringLiteral("u%1").arg(i));
        }
        QCOMPARE(i, kCount);
    }

    void logLinesCannotBeForged()
    {
        QList<server::LogEntry> logged;
        connect(m_server.get(), &TokenServer::requestLogged, this,
                [&](const server::LogEntry& e) { logged.append(e); });
        QCOMPARE(request("GET", QStringLiteral("/getToken?room=demo-1&identity=a%0A2026-01-01%20forged%1B%5B2J%C2%9B"))
                     .status,
                 200);
        request("GET", QStringLiteral("/x%0Ay%1B]0;title%07"), {{"Origin", "http://a\x7f"}});
        QCOMPARE(logged.size(), 2);
        for (const server::LogEntry& e : logged) {
            const QString line = e.toText();
            for (QChar c : line)
                QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7F && !(c.unicode() >= 0x80 && c.unicode() <= 0x9F),
                         qPrintable(line));
        }
        QVERIFY(logged[0].toText().contains(QStringLiteral("identity=a\\x0a2026-01-01 forged\\x1b[2J\\x9b")));
        QCOMPARE(server::escapeForLog(QStringLiteral("a\\b")), QStringLiteral("a\\x5cb"));
    }

    void unparseableBytesLeaveALogLine()
    {
        QList<server::LogEntry> logged;
        connect(m_server.get(), &TokenServer::requestLogged, this,
                [&](const server::LogEntry& e) { logged.append(e); });
        raw("\x16\x03\x01\x02\x00garbage\r\n\r\n", 1000);
        QVERIFY(QTest::qWaitFor([&] { return !logged.isEmpty(); }, 2000));
        QCOMPARE(logged.first().status, 400);
        QVERIFY(logged.first().reason.contains(QStringLiteral("could be parsed")));
    }

    void oneAddressCannotTakeEveryConnection()
    {
        QList<server::LogEntry> logged;
        connect(m_server.get(), &TokenServer::requestLogged, this,
                [&](const server::LogEntry& e) { logged.append(e); });
        std::vector<std::unique_ptr<QTcpSocket>> held;
        int dropped = 0;
        for (int i = 0; i < 70; ++i) {
            held.push_back(std::make_unique<QTcpSocket>());
            connect(held.back().get(), &QTcpSocket::disconnected, this, [&dropped] { ++dropped; });
            held.back()->connectToHost(QHostAddress::LocalHost, m_port); // the server runs on this thread: no wait
        }
        // The server closes what goes beyond 64 from one address at once, and says so in the log.
        QVERIFY(QTest::qWaitFor([&] { return dropped >= 70 - 64; }, 5000));
        QTest::qWait(200);
        QCOMPARE(dropped, 70 - 64);
        QVERIFY(std::any_of(logged.cbegin(), logged.cend(), [](const server::LogEntry& e) { return e.status == 503; }));
        held.clear();
        QTest::qWait(100);
        QCOMPARE(request("GET", QStringLiteral("/healthz")).status, 200);
    }

    void refusedRequestsDoNotDrainTheClientsBucket()
    {
        QByteArray config = kConfig;
        config.replace(
            "\"allowedOrigins\"",
            "\"auth\": { \"bearerKeys\": [{ \"name\": \"web\", \"keyEnv\": \"BEARER\" }] }, \"allowedOrigins\"");
        config.replace("\"requestsPerMinute\": 6000, \"burst\": 1000", "\"requestsPerMinute\": 60, \"burst\": 3");
        m_server.reset();
        startWith(config);
        for (int i = 0; i < 6; ++i)
            QVERIFY(
                request("GET", QStringLiteral("/getToken?room=demo-1&identity=a"), {{"Origin", "http://evil.example"}})
                    .status != 200);
        for (int i = 0; i < 6; ++i)
            request("GET", QStringLiteral("/getToken?room=demo-1&identity=a"));
        // The refused ones ran into their own 429; the key holder still has a full bucket.
        QCOMPARE(request("GET", QStringLiteral("/getToken?room=demo-1&identity=a"), {{"Origin", "http://evil.example"}})
                     .status,
                 429);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(request("GET", QStringLiteral("/getToken?room=demo-1&identity=a"),
                             {{"Authorization", "bearer " + kBearer}}) // the scheme is case-insensitive
                         .status,
                     200);
    }

    void headersAreReadAsHttpDefinesThem()
    {
        QCOMPARE(request("GET", QStringLiteral("/healthz"), {{"Sec-Fetch-Site", "Cross-Site"}}).status, 403);
        const Reply r = request("GET", QStringLiteral("/healthz"), {{"Origin", "HTTP://LocalHost:3000"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:3000"));
    }

    void hostileClientsNeitherCrashNorStall()
    {
        // Garbage, a truncated request, an endless header and a slow sender, then a normal request still works.
        QVERIFY(!raw("\x16\x03\x01\x02\x00garbage\r\n\r\n", 1000).contains("200 OK"));
        raw("GET /healthz HTTP/1.1\r\nHost: x\r\n", 500);
        const QByteArray huge =
            raw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: " + QByteArray(200000, 'a') + "\r\n\r\n", 3000);
        QVERIFY(huge.isEmpty() || huge.startsWith("HTTP/1.1 4"));
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(slow.waitForConnected(2000));
        slow.write("GET /healthz HTTP/1.1\r\n");
        // Meanwhile other clients are served.
        QCOMPARE(request("GET", QStringLiteral("/healthz")).status, 200);
        QElapsedTimer t;
        t.start();
        while (slow.state() == QAbstractSocket::ConnectedState && t.elapsed() < 5000) {
            slow.write("X");
            slow.waitForBytesWritten(100);
            QTest::qWait(200);
        }
        QVERIFY2(slow.state() != QAbstractSocket::ConnectedState, "the idle timeout closes a slow sender");
        QCOMPARE(request("GET", QStringLiteral("/healthz")).status, 200);
    }

    void configErrorsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("field");
        QTest::newRow("wildcard origin")
            << QByteArray("{\"allowedOrigins\":[\"*\"],\"endpoints\":[{\"path\":\"/h\",\"type\":\"healthz\"}]}")
            << "allowedOrigins[0]";
        QTest::newRow("bad origin")
            << QByteArray(
                   "{\"allowedOrigins\":[\"localhost:3000\"],\"endpoints\":[{\"path\":\"/h\",\"type\":\"healthz\"}]}")
            << "allowedOrigins[0]";
        QTest::newRow("bad type") << QByteArray("{\"endpoints\":[{\"path\":\"/h\",\"type\":\"teams\"}]}")
                                  << "endpoints[0].type";
        QTest::newRow("bad ttl")
            << QByteArray("{\"endpoints\":[{\"path\":\"/"
                          "t\",\"type\":\"livekit-get\",\"credentials\":\"env\",\"policy\":{\"maxTtl\":\"soon\"}}]}")
            << "endpoints[0].policy.maxTtl";
        QTest::newRow("bad regex")
            << QByteArray("{\"endpoints\":[{\"path\":\"/"
                          "t\",\"type\":\"livekit-get\",\"credentials\":\"env\",\"policy\":{\"room\":\"(\"}}]}")
            << "endpoints[0].policy.room";
        QTest::newRow("unknown field") << QByteArray("{\"endpoint\":[]}") << "endpoint";
        QTest::newRow("host with port") << QByteArray("{\"allowedHosts\":[\"tokens.lan:8787\"],\"endpoints\":[]}")
                                        << "allowedHosts[0]";
        QTest::newRow("wildcard host") << QByteArray("{\"allowedHosts\":[\"*.lan\"],\"endpoints\":[]}")
                                       << "allowedHosts[0]";
        QTest::newRow("missing key env") << QByteArray("{\"auth\":{\"bearerKeys\":[{\"keyEnv\":\"NOPE\"}]},"
                                                       "\"endpoints\":[{\"path\":\"/h\",\"type\":\"healthz\"}]}")
                                         << "auth.bearerKeys[0].keyEnv";
        QTest::newRow("no credentials") << QByteArray("{\"endpoints\":[{\"path\":\"/t\",\"type\":\"livekit-get\"}]}")
                                        << "endpoints[0]";
        QTest::newRow("duplicate path")
            << QByteArray(
                   "{\"endpoints\":[{\"path\":\"/h\",\"type\":\"healthz\"},{\"path\":\"/h\",\"type\":\"healthz\"}]}")
            << "endpoints[1].path";
    }
    void configErrorsNameTheField()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, field);
        const auto r = ServerConfig::parse(
            config, [](const QString&) { return Result<EndpointCredentials>(); }, env());
        QVERIFY(!r);
        QVERIFY2(r.error().message.startsWith(field + QStringLiteral(":")), qPrintable(r.error().message));
        QVERIFY(!r.error().message.contains(QStringLiteral("BEGIN")));
    }

    void unusableCredentialsAreRefusedAtLoad()
    {
        QProcessEnvironment e = env();
        e.insert(QStringLiteral("ZEGO_SERVER_SECRET"), QStringLiteral("short-secret"));
        const auto r = ServerConfig::parse(
            "{\"endpoints\":[{\"path\":\"/z\",\"type\":\"zego-get\",\"credentials\":\"env\"}]}",
            [](const QString&) { return Result<EndpointCredentials>(); }, e);
        QVERIFY(!r);
        QVERIFY2(r.error().message.startsWith(QStringLiteral("endpoints[0]")), qPrintable(r.error().message));
        QVERIFY(!r.error().message.contains(QStringLiteral("short-secret")));
        QVERIFY(!r.error().message.contains(QStringLiteral("12")));
        // A Jitsi endpoint without a room pattern loads, with a warning.
        const auto jitsi = ServerConfig::parse(
            "{\"endpoints\":[{\"path\":\"/j\",\"type\":\"jitsi-get\",\"credentials\":\"env\"}]}",
            [](const QString&) { return Result<EndpointCredentials>(); }, env());
        QVERIFY(jitsi);
        QCOMPARE(jitsi->warnings.size(), 1);
        QVERIFY(jitsi->warnings.first().contains(QStringLiteral("no room pattern")));
    }

    void remoteBindNeedsConsent()
    {
        auto parsed = ServerConfig::parse(
            "{\"bind\":\"0.0.0.0\",\"port\":0,\"endpoints\":[{\"path\":\"/h\",\"type\":\"healthz\"}]}",
            [](const QString&) { return Result<EndpointCredentials>(); }, env());
        QVERIFY(parsed);
        TokenServer s(m_clock);
        QVERIFY(s.start(*parsed).error().message.contains(QStringLiteral("--allow-remote")));
    }
};

QTEST_GUILESS_MAIN(TestTokenServer)
#include "tst_token_server.moc"
