// SPDX-License-Identifier: MIT
#include "core/crypto/Crypto.h"
#include "core/crypto/Pem.h"
#include "core/inspect/TokenInspector.h"
#include "core/providers/jitsi/JitsiToken.h"
#include "core/providers/livekit/LiveKitToken.h"
#include "core/providers/zego/KitToken.h"
#include "core/providers/zego/Token04.h"
#include "core/providers/zego/ZegoPrivilege.h"
#include "tests/support/TestData.h"
#include "tests/support/Tokens.h"

#include <QTest>

using namespace td;

namespace {

const qint64 kNow = 1700000000;

QByteArray liveKitToken(qint64 ttl = 3600)
{
    return test::liveKitJoinToken(kNow, ttl);
}

crypto::RsaPrivateKey key()
{
    return crypto::loadRsaPrivateKey(test::readFile(test::dataPath(QStringLiteral("pem/rsa2048-pkcs1.pem")))).value();
}

bool hasCode(const Inspection& i, const QString& code)
{
    for (const Finding& f : i.findings) {
        if (f.code == code)
            return true;
    }
    return false;
}

} // namespace

class TestInspector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void detectsLiveKitAndVerifies()
    {
        const FixedClock clock(kNow + 10);
        const TokenInspector inspector(clock);
        const auto plain = inspector.inspect(liveKitToken());
        QVERIFY(plain);
        QCOMPARE(plain->provider, Provider::LiveKit);
        QCOMPARE(plain->signature, SignatureState::Unchecked);
        QVERIFY(!plain->valid());
        VerifyCredentials c;
        c.apiKey = QStringLiteral("devkey");
        c.secret = "secret";
        QVERIFY(inspector.inspect(liveKitToken(), c)->valid());
        c.secret = "wrong";
        const auto bad = inspector.inspect(liveKitToken(), c);
        QCOMPARE(bad->signature, SignatureState::Invalid);
        QVERIFY(hasCode(*bad, QStringLiteral("bad-signature")));
        c.secret = "secret";
        c.apiKey = QStringLiteral("otherkey");
        QVERIFY(hasCode(*inspector.inspect(liveKitToken(), c), QStringLiteral("iss-mismatch")));
    }

    void timesAreAbsoluteAndRelative()
    {
        const FixedClock clock(kNow + 1800);
        const auto r = TokenInspector(clock).inspect(liveKitToken());
        bool found = false;
        for (const TimeClaim& t : r->times) {
            if (t.name == QStringLiteral("exp")) {
                QCOMPARE(t.utc, QStringLiteral("2023-11-14T23:13:20Z"));
                QCOMPARE(t.relative, QStringLiteral("in 30m"));
                found = true;
            }
        }
        QVERIFY(found);
    }

    void expiryUsesTheProvidersLeeway()
    {
        // LiveKit's Go server allows 60 s: 30 s after exp is still accepted, 61 s is not.
        VerifyCredentials c;
        c.secret = "secret";
        const FixedClock within(kNow + 3600 + 30);
        const auto grace = TokenInspector(within).inspect(liveKitToken(), c);
        QVERIFY(grace->valid());
        // Valid, but only through the leeway: a warning says how long ago it expired and for how long it still works.
        const auto warning = std::ranges::find_if(
            grace->findings, [](const Finding& f) { return f.code == QStringLiteral("expired-within-leeway"); });
        QVERIFY(warning != grace->findings.end());
        QCOMPARE(warning->severity, Severity::Warning);
        QVERIFY2(warning->message.contains(
                     QStringLiteral("expired 30s ago, accepted by LiveKit's 60 s leeway for 30 s more")),
                 qPrintable(warning->message));
        QVERIFY(!hasCode(*TokenInspector(FixedClock(kNow + 3599)).inspect(liveKitToken(), c),
                         QStringLiteral("expired-within-leeway")));
        const FixedClock after(kNow + 3600 + 61);
        const auto r = TokenInspector(after).inspect(liveKitToken(), c);
        QVERIFY(!r->valid());
        QVERIFY(hasCode(*r, QStringLiteral("expired")));
        c.leewaySeconds = 0;
        QVERIFY(hasCode(*TokenInspector(within).inspect(liveKitToken(), c), QStringLiteral("expired")));
    }

    void extractsTokensFromWhatPeoplePaste()
    {
        const QByteArray t = liveKitToken();
        QCOMPARE(TokenInspector::extractToken("Bearer " + t), t);
        QCOMPARE(TokenInspector::extractToken("https://8x8.vc/app/room?jwt=" + t), t);
        QCOMPARE(TokenInspector::extractToken("https://meet.livekit.io/custom?liveKitUrl=wss://x&token=" + t), t);
        QCOMPARE(TokenInspector::extractToken("  " + t + "\n"), t);
    }

    void jaasAndAlgorithmConfusion()
    {
        jitsi::JaasRequest r;
        r.appId = QStringLiteral("vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe");
        r.keyId = QStringLiteral("k1");
        r.privateKey = key();
        r.claims.room = QStringLiteral("*");
        const FixedClock clock(kNow);
        const QByteArray token = jitsi::mintJaas(r, clock)->token;
        VerifyCredentials c;
        c.publicKey = key().publicKey();
        const auto ok = TokenInspector(clock).inspect(token, c);
        QCOMPARE(ok->provider, Provider::Jaas);
        QVERIFY2(ok->valid(), qPrintable(ok->findings.isEmpty() ? QString() : ok->findings.first().message));

        // An HS256 token signed with the public key PEM, checked against that public key.
        const QByteArray spki = key().publicKey().spkiPem();
        const QByteArray input =
            QByteArray(R"({"alg":"HS256","typ":"JWT"})")
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) +
            '.' +
            QByteArray(
                R"({"sub":"vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe","aud":"jitsi","iss":"chat","room":"*"})")
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray forged = input + '.' +
                                  crypto::hmac(crypto::HashAlgorithm::Sha256, spki, input)
                                      .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const auto attack = TokenInspector(clock).inspect(forged, c);
        QVERIFY(!attack->valid());
        QCOMPARE(attack->signature, SignatureState::Invalid);
    }

    void zegoTokenAndKitToken()
    {
        zego::Token04Request r;
        r.appId = 1234567890;
        r.userId = QStringLiteral("user1");
        r.serverSecret = "0123456789abcdef0123456789abcdef";
        zego::RoomPrivilege p;
        p.roomId = QStringLiteral("room1");
        p.allowPublish = false;
        r.payload = p.toPayload();
        const FixedClock clock(kNow);
        const QByteArray token = zego::mintToken04(r, clock)->token;
        const TokenInspector inspector(clock);
        const auto sealed = inspector.inspect(token);
        QCOMPARE(sealed->kind, QStringLiteral("zego-token04-gcm"));
        QVERIFY(hasCode(*sealed, QStringLiteral("encrypted")));
        VerifyCredentials c;
        c.secret = r.serverSecret;
        c.zegoAppId = 1234567890;
        const auto open = inspector.inspect(token, c);
        QVERIFY(open->valid());
        QVERIFY(open->permissions.contains(QStringLiteral("cannot publish streams")));
        c.zegoAppId = 42;
        QVERIFY(hasCode(*inspector.inspect(token, c), QStringLiteral("app-id-mismatch")));

        const QByteArray kit = *zego::makeKitToken(
            token, {QStringLiteral("user1"), QStringLiteral("room1"), QStringLiteral("Ann"), 1234567890});
        const auto k = inspector.inspect(kit);
        QCOMPARE(k->kind, QStringLiteral("zego-kit-token"));
        c.zegoAppId = 1234567890;
        const auto honest = inspector.inspect(kit, c);
        QVERIFY(honest->valid());
        // The outer part is unauthenticated: a Kit Token that names another user or room is not valid.
        const QByteArray forged = *zego::makeKitToken(
            token, {QStringLiteral("admin"), QStringLiteral("room9"), QStringLiteral("Ann"), 1234567890});
        const auto f = inspector.inspect(forged, c);
        QVERIFY(!f->valid());
        QVERIFY(hasCode(*f, QStringLiteral("kit-user-mismatch")));
        QVERIFY(hasCode(*f, QStringLiteral("kit-room-mismatch")));
        const FixedClock later(kNow + 3600);
        QVERIFY(hasCode(*TokenInspector(later).inspect(token), QStringLiteral("expired")));
    }

    void critHeaderIsRefused()
    {
        const FixedClock clock(kNow + 10);
        // A correctly signed token whose header lists a critical extension: RFC 7515 says reject.
        const QByteArray header = QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT","crit":["exp"]})")
                                      .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QByteArray body = liveKitToken().split('.').at(1);
        const QByteArray input = header + '.' + body;
        const QByteArray sig = crypto::hmac(crypto::HashAlgorithm::Sha256, "secret", input)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        VerifyCredentials c;
        c.apiKey = QStringLiteral("devkey");
        c.secret = "secret";
        const auto r = TokenInspector(clock).inspect(input + '.' + sig, c);
        QVERIFY(r);
        QCOMPARE(r->signature, SignatureState::Valid);
        QVERIFY(hasCode(*r, QStringLiteral("crit-header")));
        QVERIFY(!r->valid());
    }

    void notATokenIsAnError()
    {
        const FixedClock clock(kNow);
        QVERIFY(!TokenInspector(clock).inspect("hello world"));
        QVERIFY(!TokenInspector(clock).inspect(""));
        QVERIFY(!TokenInspector(clock).inspect("a.b.c"));
    }
};

QTEST_GUILESS_MAIN(TestInspector)
#include "tst_inspector.moc"
