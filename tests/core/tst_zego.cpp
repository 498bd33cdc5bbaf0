// SPDX-License-Identifier: MIT
#include "core/crypto/Base64.h"
#include "core/providers/zego/KitToken.h"
#include "core/providers/zego/Token04.h"
#include "core/providers/zego/ZegoPrivilege.h"
#include "tests/support/TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace td;
using namespace td::zego;

namespace {

const QByteArray kSecret("0123456789abcdef0123456789abcdef");

Token04Request katRequest(Layout layout)
{
    Token04Request r;
    r.appId = 1234567890;
    r.userId = QStringLiteral("user1");
    r.serverSecret = kSecret;
    r.effectiveSeconds = 3600;
    r.layout = layout;
    r.nonce = 1073741824;
    r.iv = layout == Layout::Cbc ? QByteArray("37aeilpsw59cgjnr") : QByteArray::fromHex("000102030405060708090a0b");
    return r;
}

const QByteArray kPlaintext(
    R"({"app_id":1234567890,"user_id":"user1","nonce":1073741824,"ctime":1700000000,"expire":1700003600,"payload":""})");

} // namespace

class TestZego : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownAnswerVectors_data()
    {
        QTest::addColumn<int>("layout");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("cbc (spec 2.7)")
            << int(Layout::Cbc)
            << QByteArray("04AAAAAGVT/xAAEDM3YWVpbHBzdzU5Y2dqbnIAcM/"
                          "SrxynWAXrYayhNIGqbdiQC4Nkt0oT0zsMFX4qhCASttzizdgAHNTkhCrw2wZaa1opC8x59hquXUnonbVfzvUPROQDybb"
                          "jevq3aZyLhgrcicHbkVCqFX73vG9AGwvgZwzKskAqP7gZZhqRZ5jKAUM=");
        QTest::newRow("gcm (spec 2.7)")
            << int(Layout::Gcm)
            << QByteArray(
                   "04AAAAAGVT/xAADAABAgMEBQYHCAkKCwB+VsfaDKlHu8iK5kCMQvvkMtEwOrcQngH4Ra7k3dwHlqbI2FNseJc7Mv9K1T+/"
                   "jvkLHNyuxjyBrfAcbxYtaHJyG484VQYGE2ubbVl4LdVTaUB0vrAVZlfU07CAd++ReaNlwLJr6fTD8Xdiyg0x510AFqSwh+"
                   "n58VaeoDvROPm3AQ==");
    }
    void knownAnswerVectors()
    {
        QFETCH(int, layout);
        QFETCH(QByteArray, expected);
        const FixedClock clock(1700000000);
        const auto t = mintToken04(katRequest(Layout(layout)), clock);
        QVERIFY(t);
        QCOMPARE(t->token, expected);
        QCOMPARE(t->claims.serialize(), kPlaintext);
        const auto env = parseToken04(t->token);
        QVERIFY(env);
        QCOMPARE(env->expire, 1700003600);
        QCOMPARE(env->binarySize, Layout(layout) == Layout::Cbc ? 140 : 151);
        QCOMPARE(decryptToken04(*env, kSecret)->json, kPlaintext);
    }

    void officialGeneratorFixturesDecode()
    {
        SHARED_FILE_OR_SKIP(reference, QStringLiteral("fixtures/zego/token04-reference.json"));
        const QJsonObject doc = QJsonDocument::fromJson(test::readFile(reference)).object();
        const QJsonArray vectors = doc.value(QStringLiteral("vectors")).toArray();
        QVERIFY(vectors.size() >= 8);
        for (const QJsonValue& v : vectors) {
            const QJsonObject o = v.toObject();
            const auto env = parseToken04(o.value(QStringLiteral("token")).toString().toUtf8());
            QVERIFY2(env, qPrintable(o.value(QStringLiteral("user_id")).toString()));
            QCOMPARE(layoutName(env->layout), o.value(QStringLiteral("layout")).toString());
            const auto plain = decryptToken04(*env, o.value(QStringLiteral("server_secret")).toString().toUtf8());
            QVERIFY(plain);
            QCOMPARE(plain->json, o.value(QStringLiteral("plaintext")).toString().toUtf8());
            QCOMPARE(qint64(plain->appId), o.value(QStringLiteral("app_id")).toInteger());
            QCOMPARE(plain->userId, o.value(QStringLiteral("user_id")).toString());
            QCOMPARE(*plain->payload, o.value(QStringLiteral("payload")).toString());
            QCOMPARE(plain->expire, env->expire);
        }
    }

    void freshTokensUseFreshNoncesAndDecrypt()
    {
        Token04Request r = katRequest(Layout::Gcm);
        r.nonce.reset();
        r.iv.reset();
        const FixedClock clock(1700000000);
        const auto a = mintToken04(r, clock);
        const auto b = mintToken04(r, clock);
        QVERIFY(a && b);
        QVERIFY(a->token != b->token);
        QCOMPARE(decryptToken04(*parseToken04(a->token), kSecret)->userId, QStringLiteral("user1"));
        r.layout = Layout::Cbc;
        const auto c = mintToken04(r, clock);
        const auto env = parseToken04(c->token);
        QCOMPARE(env->layout, Layout::Cbc);
        for (char ch : env->iv)
            QVERIFY((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z'));
        QVERIFY(decryptToken04(*env, kSecret)->nonce >= 0);
    }

    void inputChecksWithOfficialMessages_data()
    {
        QTest::addColumn<quint32>("appId");
        QTest::addColumn<QString>("userId");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("message");
        QTest::newRow("app id 0") << 0u << "u" << kSecret << qint64(60) << "(ZEGOCLOUD error 1, appID invalid)";
        QTest::newRow("empty user") << 1u << "" << kSecret << qint64(60) << "(ZEGOCLOUD error 3, userID invalid)";
        QTest::newRow("long user") << 1u << QString(65, QLatin1Char('u')) << kSecret << qint64(60)
                                   << "(ZEGOCLOUD error 3, userID invalid)";
        QTest::newRow("short secret") << 1u << "u" << kSecret.left(31) << qint64(60)
                                      << "(ZEGOCLOUD error 5, secret invalid)";
        QTest::newRow("zero ttl") << 1u << "u" << kSecret << qint64(0)
                                  << "(ZEGOCLOUD error 6, effectiveTimeInSeconds invalid)";
    }
    void inputChecksWithOfficialMessages()
    {
        QFETCH(quint32, appId);
        QFETCH(QString, userId);
        QFETCH(QByteArray, secret);
        QFETCH(qint64, seconds);
        QFETCH(QString, message);
        Token04Request r;
        r.appId = appId;
        r.userId = userId;
        r.serverSecret = secret;
        r.effectiveSeconds = seconds;
        const FixedClock clock(0);
        const auto t = mintToken04(r, clock);
        QVERIFY(!t);
        // The user's words first, then the official SDK's error number and name.
        QVERIFY2(t.error().message.endsWith(message), qPrintable(t.error().message));
        QVERIFY(!t.error().message.contains(QString::fromLatin1(kSecret)));
    }

    void envelopeRejections_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("messagePart");
        const FixedClock clock(1700000000);
        const QByteArray cbc = mintToken04(katRequest(Layout::Cbc), clock)->token;
        const QByteArray body = crypto::base64Decode(cbc.mid(2)).value();
        QTest::newRow("prefix") << QByteArray("03" + cbc.mid(2)) << "starts with \"04\"";
        QTest::newRow("url-safe") << QByteArray("04AAAA-_==") << "URL-safe";
        QTest::newRow("short") << QByteArray("04AAAA") << "truncated";
        QTest::newRow("cut ciphertext") << QByteArray("04" + crypto::base64Encode(body.left(body.size() - 5)))
                                        << "truncated";
        QTest::newRow("trailing bytes") << QByteArray("04" + crypto::base64Encode(QByteArray(body + "xy")))
                                        << "unexpected byte";
        QTest::newRow("trailing 0x02") << QByteArray("04" + crypto::base64Encode(QByteArray(body + "\x02")))
                                       << "unexpected byte";
        QTest::newRow("kit token") << QByteArray(cbc + "#e30=") << "Kit Token";
    }
    void envelopeRejections()
    {
        QFETCH(QByteArray, token);
        QFETCH(QString, messagePart);
        const auto env = parseToken04(token);
        QVERIFY(!env);
        QVERIFY2(env.error().message.contains(messagePart), qPrintable(env.error().message));
    }

    void wrongSecretAndTamperingFail()
    {
        const FixedClock clock(1700000000);
        for (Layout layout : {Layout::Cbc, Layout::Gcm}) {
            const auto env = parseToken04(mintToken04(katRequest(layout), clock)->token);
            const auto wrong = decryptToken04(*env, QByteArray(32, 'x'));
            QVERIFY(!wrong);
            QCOMPARE(wrong.error().code, ErrorCode::ZegoDecryptFailed);
        }
        auto env = *parseToken04(mintToken04(katRequest(Layout::Gcm), clock)->token);
        env.ciphertext[3] = char(env.ciphertext[3] ^ 0x40);
        QCOMPARE(decryptToken04(env, kSecret).error().code, ErrorCode::ZegoDecryptFailed);
    }

    void privilegePayloadMatchesSamples()
    {
        RoomPrivilege p;
        p.roomId = QStringLiteral("room1");
        p.allowLogin = true;
        p.allowPublish = false;
        QCOMPARE(p.toPayload(),
                 QStringLiteral(R"({"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":null})"));
        p.streamIds = QStringList{QStringLiteral("s1")};
        QCOMPARE(p.toPayload(),
                 QStringLiteral(R"({"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":["s1"]})"));
        const auto back = RoomPrivilege::fromPayload(p.toPayload());
        QVERIFY(back);
        QCOMPARE(back->roomId, p.roomId);
        QVERIFY(back->allowLogin && !back->allowPublish);
        QCOMPARE(*back->streamIds, *p.streamIds);
        QVERIFY(!RoomPrivilege::fromPayload(QStringLiteral(R"({"privilege":{"1":2}})")));
        QVERIFY(!RoomPrivilege::fromPayload(QStringLiteral("custom-payload")));
    }

    void kitTokenSuffixIsByteExact()
    {
        const KitInfo info{QStringLiteral("user1"), QStringLiteral("room1"), QStringLiteral("Zhang San"), 1234567890};
        QCOMPARE(kitSuffix(info).value(), QByteArray("eyJ1c2VySUQiOiJ1c2VyMSIsInJvb21JRCI6InJvb20xIiwidXNlck5hbWUiOiJaa"
                                                     "GFuZyUyMFNhbiIsImFwcElEIjoxMjM0NTY3ODkwfQ=="));
        const auto kit = makeKitToken("04abc=", info);
        const auto parsed = parseKitToken(*kit);
        QVERIFY(parsed);
        QCOMPARE(parsed->token04, QByteArray("04abc="));
        QCOMPARE(parsed->info.userName, QStringLiteral("Zhang San"));
        QCOMPARE(parsed->info.appId, 1234567890u);
    }

    void kitTokenEncodingRules()
    {
        QCOMPARE(encodeUriComponent(QStringLiteral("a b!*'()~-_.&=/中")),
                 QStringLiteral("a%20b!*'()~-_.%26%3D%2F%E4%B8%AD"));
        const KitInfo wide{QStringLiteral("用户"), QStringLiteral("r"), QStringLiteral("n"), 1};
        QVERIFY(!kitSuffix(wide)); // btoa would throw
        const KitInfo named{QStringLiteral("u"), QStringLiteral("r"), QStringLiteral("張三"), 1};
        QCOMPARE(parseKitToken(makeKitToken("04x", named).value())->info.userName, QStringLiteral("張三"));
        QVERIFY(!parseKitToken("04abc"));
        QVERIFY(!parseKitToken("04abc#!!!"));
        // appID as a numeric string is accepted, as the UIKit coerces it with * 1.
        const QByteArray stringAppId =
            crypto::base64Encode(R"({"userID":"u","roomID":"r","userName":"","appID":"42"})");
        QCOMPARE(parseKitToken(QByteArray("04x#" + stringAppId))->info.appId, 42u);
    }
};

QTEST_GUILESS_MAIN(TestZego)
#include "tst_zego.moc"
