// SPDX-License-Identifier: MIT
#include "core/jwt/Jwt.h"
#include "core/providers/livekit/LiveKitToken.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace td;
using namespace td::livekit;

namespace {

LiveKitMinter minter(const QByteArray& secret = "secret")
{
    return LiveKitMinter::create(QStringLiteral("devkey"), secret).value();
}

QJsonObject payloadOf(const QByteArray& token)
{
    return jwt::decode(token).value().payload;
}

bool hasFinding(const QList<Finding>& findings, const QString& code, const QString& text = {})
{
    for (const Finding& f : findings) {
        if (f.code == code && f.message.contains(text))
            return true;
    }
    return false;
}

} // namespace

class TestLiveKit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void extraClaimsCannotReplaceReservedOnes_data()
    {
        QTest::addColumn<QString>("name");
        for (const char* n : {"exp", "EXP", "Sub", "video", "VIDEO", "roomconfig", "Identity", "sha256", "kinddetails"})
            QTest::newRow(n) << QString::fromLatin1(n);
    }
    void extraClaimsCannotReplaceReservedOnes()
    {
        QFETCH(QString, name);
        LiveKitClaims c;
        c.identity = QStringLiteral("erin");
        c.video = VideoGrant{};
        c.video->roomJoin = true;
        c.video->room = QStringLiteral("demo");
        const auto minted =
            minter().mint(c, 600, FixedClock(1'700'000'000), QJsonObject{{name, QJsonValue(QStringLiteral("x"))}});
        QVERIFY(!minted);
        QVERIFY2(minted.error().message.contains(QStringLiteral("would replace")), qPrintable(minted.error().message));
        // Other names are still welcome.
        QVERIFY(minter().mint(c, 600, FixedClock(1'700'000'000), QJsonObject{{QStringLiteral("tenant"), 1}}));
    }

    void caseVariantGrantsAreWhatTheServerReads()
    {
        QList<Finding> findings;
        const QJsonObject payload{{QStringLiteral("sub"), QStringLiteral("v")},
                                  {QStringLiteral("video"), QJsonObject{{QStringLiteral("roomJoin"), true},
                                                                        {QStringLiteral("room"), QStringLiteral("r")},
                                                                        {QStringLiteral("RoomAdmin"), true}}},
                                  {QStringLiteral("SIP"), QJsonObject{{QStringLiteral("admin"), true}}}};
        const LiveKitClaims c = readClaims(payload, findings);
        QVERIFY(c.video && c.video->roomAdmin);
        QVERIFY(c.sip && c.sip->admin);
        QVERIFY(hasFinding(findings, QStringLiteral("case-variant-claim"), QStringLiteral("RoomAdmin")));
        QVERIFY(hasFinding(findings, QStringLiteral("case-variant-claim"), QStringLiteral("SIP")));
        QVERIFY(
            explainPermissions(c, QStringLiteral("v")).join(QLatin1Char('\n')).contains(QStringLiteral("moderate")));
    }

    void roomConfigFindingsSayWhatItDoes()
    {
        const QJsonObject config{
            {QStringLiteral("name"), QStringLiteral("other")},
            {QStringLiteral("egress"),
             QJsonObject{{QStringLiteral("room"),
                          QJsonObject{{QStringLiteral("streamOutputs"),
                                       QJsonArray{QJsonObject{{QStringLiteral("urls"),
                                                               QJsonArray{QStringLiteral("rtmp://x.example/l")}}}}}}}}},
            {QStringLiteral("agents"), QJsonArray{QJsonObject{{QStringLiteral("agentName"), QStringLiteral("a")}}}}};
        const QList<Finding> f = roomConfigFindings(config, QStringLiteral("demo"));
        QVERIFY(hasFinding(f, QStringLiteral("room-config-stream-output")));
        QVERIFY(hasFinding(f, QStringLiteral("room-config-name"), QStringLiteral("other")));
        QVERIFY(hasFinding(f, QStringLiteral("room-config-egress")));
        QVERIFY(hasFinding(f, QStringLiteral("room-config-agents")));
        QVERIFY(
            roomConfigFindings(QJsonObject{{QStringLiteral("maxParticipants"), 3}}, QStringLiteral("demo")).isEmpty());
        // A mint with such a config says so in its notes (the CLI prints them).
        LiveKitClaims c;
        c.identity = QStringLiteral("a");
        c.video = VideoGrant{};
        c.video->roomJoin = true;
        c.video->room = QStringLiteral("demo");
        c.roomConfig = QJsonObject{{QStringLiteral("name"), QStringLiteral("other")}};
        const auto minted = minter().mint(c, 600, FixedClock(1'700'000'000));
        QVERIFY(minted && hasFinding(minted->notes, QStringLiteral("room-config-name")));
    }

    void knownAnswerVector()
    {
        // Spec 1.10: Go claim order, header {"alg":"HS256","typ":"JWT"}.
        LiveKitClaims c;
        c.identity = QStringLiteral("alice");
        c.name = QStringLiteral("Alice");
        VideoGrant g;
        g.roomJoin = true;
        g.room = QStringLiteral("room1");
        c.video = g;
        const FixedClock clock(1700000000);
        const auto t = minter().mint(c, 21600, clock);
        QVERIFY(t);
        QCOMPARE(t->token,
                 QByteArray(
                     "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJkZXZrZXkiLCJzdWIiOiJhbGljZSIsImV4cCI6MTcwMDAy"
                     "MTYwMCwibmJmIjoxNzAwMDAwMDAwLCJpYXQiOjE3MDAwMDAwMDAsImlkZW50aXR5IjoiYWxpY2UiLCJuYW1lIjoiQWxpY2Ui"
                     "LCJ2aWRlbyI6eyJyb29tSm9pbiI6dHJ1ZSwicm9vbSI6InJvb20xIn19.fg3AMlCETSgP9RcWlBDUPtpuD-BxOUQtg5v6dx5-"
                     "_Wo"));
        QCOMPARE(t->expiresAt, 1700021600);
    }

    void defaultsAndNoAudience()
    {
        const FixedClock clock(1000);
        LiveKitClaims c;
        c.identity = QStringLiteral("bob");
        const auto t = minter().mint(c, kDefaultTtlSeconds, clock);
        const QJsonObject p = payloadOf(t->token);
        QCOMPARE(p.value(QStringLiteral("exp")).toInteger(), 1000 + 6 * 3600);
        QCOMPARE(p.value(QStringLiteral("nbf")).toInteger(), 1000);
        QVERIFY(!p.contains(QStringLiteral("aud")));
        QVERIFY(!p.contains(QStringLiteral("video")));
        QCOMPARE(jwt::decode(t->token)->header.value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
    }

    void triStateBooleansSurvive()
    {
        LiveKitClaims c;
        c.identity = QStringLiteral("v");
        VideoGrant g;
        g.roomJoin = true;
        g.room = QStringLiteral("r");
        g.canPublish = false; // explicit false must be emitted
        g.canSubscribe = true;
        g.hidden = false; // plain false is omitted, as Go does
        c.video = g;
        const FixedClock clock(0);
        const QJsonObject video =
            payloadOf(minter().mint(c, 60, clock)->token).value(QStringLiteral("video")).toObject();
        QCOMPARE(video.value(QStringLiteral("canPublish")), QJsonValue(false));
        QCOMPARE(video.value(QStringLiteral("canSubscribe")), QJsonValue(true));
        QVERIFY(!video.contains(QStringLiteral("canPublishData")));
        QVERIFY(!video.contains(QStringLiteral("hidden")));
    }

    void everyClaimRoundTrips()
    {
        LiveKitClaims c;
        c.identity = QStringLiteral("agent-1");
        c.name = QStringLiteral("名字");
        c.kind = QStringLiteral("agent");
        c.kindDetails = {QStringLiteral("cloud_agent")};
        c.metadata = QStringLiteral(R"({"role":"bot"})");
        c.attributes = {{QStringLiteral("team"), QStringLiteral("blue")}, {QStringLiteral("a"), QStringLiteral("1")}};
        VideoGrant g;
        g.roomJoin = g.roomAdmin = g.roomCreate = g.roomList = g.roomRecord = g.ingressAdmin = true;
        g.hidden = g.recorder = g.agent = true;
        g.room = QStringLiteral("demo");
        g.canPublish = true;
        g.canSubscribe = false;
        g.canPublishData = false;
        g.canPublishSources = {QStringLiteral("camera"), QStringLiteral("screen_share_audio")};
        g.canUpdateOwnMetadata = true;
        g.canSubscribeMetrics = true;
        g.canManageAgentSession = false;
        g.destinationRoom = QStringLiteral("other");
        c.video = g;
        c.sip = SipGrant{true, true};
        c.agent = AgentGrant{true, true, true};
        c.inferencePerform = true;
        c.observabilityWrite = true;
        c.roomConfig = QJsonDocument::fromJson(R"({"max_participants":5,"agents":[{"agent_name":"helper"}]})").object();
        c.roomPreset = QStringLiteral("preset");
        c.sha256 = QStringLiteral("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        const FixedClock clock(0);
        const auto t = minter().mint(c, 60, clock);
        QVERIFY2(t, qPrintable(t ? QString() : t.error().message));
        const QJsonObject p = payloadOf(t->token);
        QCOMPARE(p.value(QStringLiteral("roomConfig")).toObject().value(QStringLiteral("maxParticipants")).toInt(), 5);
        QCOMPARE(p.value(QStringLiteral("roomConfig"))
                     .toObject()
                     .value(QStringLiteral("agents"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("agentName"))
                     .toString(),
                 QStringLiteral("helper"));

        QList<Finding> findings;
        const LiveKitClaims back = readClaims(p, findings);
        QVERIFY2(!hasErrors(findings), qPrintable(findings.isEmpty() ? QString() : findings.first().message));
        QCOMPARE(back.identity, c.identity);
        QCOMPARE(back.name, c.name);
        QCOMPARE(back.kind, c.kind);
        QCOMPARE(back.metadata, c.metadata);
        QCOMPARE(back.attributes.size(), 2);
        QCOMPARE(back.video->toJson().serialize(), g.toJson().serialize());
        QVERIFY(back.sip->admin && back.sip->call);
        QVERIFY(back.agent->simulationAdmin && back.agent->databaseAdmin);
        QVERIFY(*back.inferencePerform && *back.observabilityWrite);
        QCOMPARE(back.roomPreset, c.roomPreset);
        QCOMPARE(back.sha256, c.sha256);
    }

    void mintTimeRefusals_data()
    {
        QTest::addColumn<QString>("identity");
        QTest::addColumn<QString>("room");
        QTest::addColumn<QStringList>("sources");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("join without identity") << ""
                                               << "r" << QStringList() << ""
                                               << "identity";
        QTest::newRow("join without room") << "i"
                                           << "" << QStringList() << ""
                                           << "room";
        QTest::newRow("bad source") << "i"
                                    << "r" << QStringList{QStringLiteral("webcam")} << ""
                                    << "webcam";
        QTest::newRow("bad kind") << "i"
                                  << "r" << QStringList() << "robot"
                                  << "robot";
    }
    void mintTimeRefusals()
    {
        QFETCH(QString, identity);
        QFETCH(QString, room);
        QFETCH(QStringList, sources);
        QFETCH(QString, kind);
        QFETCH(QString, messagePart);
        LiveKitClaims c;
        c.identity = identity;
        c.kind = kind;
        VideoGrant g;
        g.roomJoin = true;
        g.room = room;
        g.canPublishSources = sources;
        c.video = g;
        const FixedClock clock(0);
        const auto t = minter().mint(c, 60, clock);
        QVERIFY(!t);
        QVERIFY2(t.error().message.contains(messagePart), qPrintable(t.error().message));
    }

    void refusesAudienceAndSecretsInRoomConfig()
    {
        const FixedClock clock(0);
        LiveKitClaims c;
        c.identity = QStringLiteral("x");
        QVERIFY(!minter().mint(c, 60, clock, QJsonObject{{QStringLiteral("aud"), QStringLiteral("x")}}));
        c.roomConfig = QJsonDocument::fromJson(R"({"egress":{"room":{"s3":{"secret":"k"}}}})").object();
        const auto t = minter().mint(c, 60, clock);
        QVERIFY(!t);
        QVERIFY(t.error().message.contains(QStringLiteral("credentials")));
        QVERIFY(!t.error().message.contains(QStringLiteral("\"k\"")));
        c.roomConfig = QJsonDocument::fromJson(R"({"maxParticipant":5})").object();
        QVERIFY(
            minter().mint(c, 60, clock).error().message.contains(QStringLiteral("did you mean \"maxParticipants\"")));
    }

    void grantMergeChecksTypesAndNames()
    {
        VideoGrant g;
        QVERIFY(g.merge(QJsonDocument::fromJson(R"({"canPublish":false,"room":"r"})").object()));
        QCOMPARE(g.canPublish, std::optional<bool>(false));
        const auto wrongType = g.merge(QJsonDocument::fromJson(R"({"canPublish":"true"})").object());
        QVERIFY(wrongType.error().message.contains(QStringLiteral("true or false")));
        const auto unknown = g.merge(QJsonDocument::fromJson(R"({"roomName":"r"})").object());
        QVERIFY(unknown.error().message.contains(QStringLiteral("did you mean \"room\"")));
    }

    void lintExplainsWhatTheServerDoes()
    {
        QList<Finding> f;
        readClaims(QJsonDocument::fromJson(R"({"iss":"k","video":{"roomJoin":true,"roomName":"r","canPublish":"yes"},
                                               "attributes":{"n":1},"aud":"x"})")
                       .object(),
                   f);
        QVERIFY(hasFinding(f, QStringLiteral("unknown-grant-key"), QStringLiteral("did you mean \"room\"")));
        QVERIFY(hasFinding(f, QStringLiteral("wrong-grant-type"), QStringLiteral("canPublish")));
        QVERIFY(hasFinding(f, QStringLiteral("join-without-identity")));
        QVERIFY(hasFinding(f, QStringLiteral("attribute-not-string")));
        QVERIFY(hasFinding(f, QStringLiteral("livekit-aud")));
    }

    void permissionsInWords()
    {
        LiveKitClaims c;
        VideoGrant g;
        g.roomJoin = true;
        g.room = QStringLiteral("demo");
        g.canPublishSources = {QStringLiteral("microphone")};
        g.canSubscribe = false;
        c.video = g;
        const QStringList words = explainPermissions(c, QStringLiteral("ann"));
        QVERIFY(words.contains(QStringLiteral("can join demo as \"ann\"")));
        QVERIFY(words.contains(QStringLiteral("cannot publish camera")));
        QVERIFY(words.contains(QStringLiteral("can publish microphone")));
        QVERIFY(words.contains(QStringLiteral("cannot subscribe")));
    }

    void shortSecretsWork()
    {
        // The dev server's secret is "secret" (6 bytes); LiveKit accepts it, so must we.
        QVERIFY(LiveKitMinter::create(QStringLiteral("devkey"), "secret"));
        QVERIFY(!LiveKitMinter::create(QString(), "secret"));
        QVERIFY(!LiveKitMinter::create(QStringLiteral("k"), QByteArray()));
    }
};

QTEST_GUILESS_MAIN(TestLiveKit)
#include "tst_livekit.moc"
