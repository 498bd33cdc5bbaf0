// SPDX-License-Identifier: MIT
#include "core/crypto/Base64.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/Pem.h"
#include "core/jwt/Jwt.h"
#include "tests/support/TestData.h"

#include <QRandomGenerator>
#include <QTest>

using namespace td;
using namespace td::jwt;

namespace {

QByteArray b64(const QByteArray& s)
{
    return crypto::base64UrlEncode(s);
}

QByteArray hs256(const QByteArray& header, const QByteArray& payload, const QByteArray& secret)
{
    const QByteArray input = b64(header) + '.' + b64(payload);
    return input + '.' + b64(crypto::hmac(crypto::HashAlgorithm::Sha256, secret, input));
}

JwtSigner secretSigner(const QByteArray& secret)
{
    return JwtSigner::hmac(Algorithm::HS256, secret).value();
}

} // namespace

class TestJwt : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builderKeepsOrderAndDecodes()
    {
        JwtBuilder b;
        b.setHeader(QStringLiteral("typ"), QStringLiteral("JWT"));
        b.payload().insert(QStringLiteral("z"), 1);
        b.payload().insert(QStringLiteral("a"), QStringLiteral("x"));
        const auto token = b.sign(secretSigner("secret"));
        QVERIFY(token);
        const QList<QByteArray> parts = token->split('.');
        QCOMPARE(crypto::base64UrlDecode(parts[0]).value(), QByteArray(R"({"alg":"HS256","typ":"JWT"})"));
        QCOMPARE(crypto::base64UrlDecode(parts[1]).value(), QByteArray(R"({"z":1,"a":"x"})"));
        QVERIFY(!token->contains('='));
        const auto decoded = decode(*token);
        QVERIFY(decoded);
        QCOMPARE(decoded->algorithm, QStringLiteral("HS256"));
        QCOMPARE(decoded->payload.value(QStringLiteral("a")).toString(), QStringLiteral("x"));
        const FixedClock clock(0);
        QVERIFY(JwtVerifier(clock, {{Algorithm::HS256}}).verify(*decoded, secretSigner("secret")));
        QCOMPARE(JwtVerifier(clock, {{Algorithm::HS256}}).verify(*decoded, secretSigner("other")).error().code,
                 ErrorCode::BadSignature);
    }

    void malformedTokens_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("messagePart");
        const QByteArray h = b64(R"({"alg":"HS256"})");
        const QByteArray p = b64(R"({"sub":"x"})");
        QTest::newRow("empty") << QByteArray() << "empty";
        QTest::newRow("one segment") << QByteArray("abc") << "3 segments";
        QTest::newRow("four segments") << QByteArray(h + '.' + p + ".sig.x") << "this has 4";
        QTest::newRow("padded") << QByteArray(h + "=." + p + ".c2ln") << "padding";
        QTest::newRow("bad base64") << QByteArray("e$J." + p + ".c2ln") << "not base64url";
        QTest::newRow("header not json") << QByteArray(b64("{alg") + '.' + p + ".c2ln") << "not valid JSON";
        QTest::newRow("header array") << QByteArray(b64("[1]") + '.' + p + ".c2ln") << "not an object";
        QTest::newRow("payload string") << QByteArray(h + '.' + b64("\"x\"") + ".c2ln") << "payload";
        QTest::newRow("too large") << QByteArray(h + '.' + QByteArray(70000, 'A') + ".c2ln") << "more than";
    }
    void malformedTokens()
    {
        QFETCH(QByteArray, token);
        QFETCH(QString, messagePart);
        const auto r = decode(token);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::MalformedToken);
        QVERIFY2(r.error().message.contains(messagePart), qPrintable(r.error().message));
    }

    void decoderSurvivesGarbage()
    {
        // Random bytes and random mutations of a valid token: never a crash, always a value or an error.
        const QByteArray valid = hs256(R"({"alg":"HS256"})", R"({"sub":"x","exp":1})", "s");
        QRandomGenerator rng(42);
        for (int i = 0; i < 5000; ++i) {
            QByteArray t = valid;
            const int edits = 1 + int(rng.bounded(5));
            for (int e = 0; e < edits; ++e)
                t[int(rng.bounded(t.size()))] = char(rng.bounded(256));
            (void)decode(t);
            QByteArray noise(int(rng.bounded(200)), Qt::Uninitialized);
            for (auto& c : noise)
                c = char(rng.bounded(256));
            (void)decode(noise);
        }
        QVERIFY(decode(valid));
    }

    void hugeTimeClaimsAreClampedNotOverflowed()
    {
        // Doubles beyond 64 bits used to be cast straight to qint64 (undefined behaviour; found by fuzz_token04).
        const FixedClock clock(1'800'000'000);
        const QByteArray header = R"({"alg":"HS256","typ":"JWT"})";
        const auto verify = [&](const QByteArray& payload) {
            auto decoded = decode(hs256(header, payload, "secret"));
            return JwtVerifier(clock, {{Algorithm::HS256}}).verify(*decoded, secretSigner("secret"));
        };
        QVERIFY(verify(R"({"exp":1e300})"));
        QCOMPARE(verify(R"({"exp":-1e300})").error().code, ErrorCode::TokenExpired);
        QCOMPARE(verify(R"({"exp":1e300,"nbf":1e300})").error().code, ErrorCode::TokenNotYetValid);
        QVERIFY(verify(R"({"exp":1e300,"nbf":-1e300})"));
    }

    void algNoneIsNeverAccepted()
    {
        const QByteArray input = b64(R"({"alg":"none"})") + '.' + b64(R"({"sub":"x"})");
        const auto t = decode(QByteArray(input + '.'));
        QVERIFY(t);
        const FixedClock clock(0);
        const auto r = JwtVerifier(clock, {{Algorithm::HS256, Algorithm::RS256}}).verify(*t, secretSigner("s"));
        QCOMPARE(r.error().code, ErrorCode::AlgorithmNotAllowed);
        QVERIFY(!parseAlgorithm(QStringLiteral("none")));
    }

    void algorithmOutsideAllowListIsRejected()
    {
        const auto t = decode(hs256(R"({"alg":"HS256"})", "{}", "s"));
        const FixedClock clock(0);
        QCOMPARE(JwtVerifier(clock, {{Algorithm::RS256}}).verify(*t, secretSigner("s")).error().code,
                 ErrorCode::AlgorithmNotAllowed);
    }

    void algorithmConfusionIsRejected()
    {
        // The attack: sign HS256 with the server's RSA public key PEM as the secret.
        const QByteArray spki = test::readFile(test::dataPath(QStringLiteral("pem/rsa2048-spki.pem")));
        const QByteArray forged = hs256(R"({"alg":"HS256","typ":"JWT"})", R"({"sub":"attacker"})", spki);
        const auto t = decode(forged);
        QVERIFY(t);
        const auto publicKey = crypto::loadRsaPublicKey(spki);
        QVERIFY(publicKey);
        const FixedClock clock(0);
        const auto r =
            JwtVerifier(clock, {{Algorithm::HS256, Algorithm::RS256}}).verify(*t, JwtSigner::rsaPublic(*publicKey));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::AlgorithmConfusion);
        // And the PEM can never become an HMAC key in the first place.
        QCOMPARE(JwtSigner::hmac(Algorithm::HS256, spki).error().code, ErrorCode::AlgorithmConfusion);
    }

    void rs256TokenWithSecretIsKeyMismatch()
    {
        const auto key =
            crypto::loadRsaPrivateKey(test::readFile(test::dataPath(QStringLiteral("pem/rsa2048-pkcs8.pem"))));
        JwtBuilder b;
        b.payload().insert(QStringLiteral("sub"), QStringLiteral("x"));
        const auto t = decode(b.sign(JwtSigner::rsa(*key)).value());
        const FixedClock clock(0);
        QVERIFY(JwtVerifier(clock, {{Algorithm::RS256}}).verify(*t, JwtSigner::rsaPublic(key->publicKey())));
        QCOMPARE(JwtVerifier(clock, {{Algorithm::RS256}}).verify(*t, secretSigner("s")).error().code,
                 ErrorCode::KeyTypeMismatch);
    }

    void timeBoundaries_data()
    {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<qint64>("leeway");
        QTest::addColumn<int>("expected"); // -1 ok, else ErrorCode
        // exp = 1000, nbf = 500
        QTest::newRow("inside") << qint64(700) << qint64(0) << -1;
        QTest::newRow("one before exp") << qint64(999) << qint64(0) << -1;
        QTest::newRow("at exp") << qint64(1000) << qint64(0) << int(ErrorCode::TokenExpired);
        QTest::newRow("exp within leeway") << qint64(1059) << qint64(60) << -1;
        QTest::newRow("exp at leeway") << qint64(1060) << qint64(60) << int(ErrorCode::TokenExpired);
        QTest::newRow("at nbf") << qint64(500) << qint64(0) << -1;
        QTest::newRow("before nbf") << qint64(499) << qint64(0) << int(ErrorCode::TokenNotYetValid);
        QTest::newRow("nbf within leeway") << qint64(440) << qint64(60) << -1;
        QTest::newRow("nbf beyond leeway") << qint64(439) << qint64(60) << int(ErrorCode::TokenNotYetValid);
    }
    void timeBoundaries()
    {
        QFETCH(qint64, now);
        QFETCH(qint64, leeway);
        QFETCH(int, expected);
        const auto t = decode(hs256(R"({"alg":"HS256"})", R"({"exp":1000,"nbf":500})", "s"));
        const FixedClock clock(now);
        VerifyOptions o{{Algorithm::HS256}};
        o.leewaySeconds = leeway;
        const auto r = JwtVerifier(clock, o).verify(*t, secretSigner("s"));
        if (expected < 0)
            QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        else
            QCOMPARE(int(r.error().code), expected);
    }

    void issuerAudienceAndRequiredExpiry()
    {
        const auto t = decode(hs256(R"({"alg":"HS256"})", R"({"iss":"a","aud":["x","jitsi"]})", "s"));
        const FixedClock clock(0);
        VerifyOptions o{{Algorithm::HS256}};
        o.issuer = QStringLiteral("a");
        o.audience = QStringLiteral("jitsi");
        QVERIFY(JwtVerifier(clock, o).verify(*t, secretSigner("s")));
        o.issuer = QStringLiteral("b");
        QCOMPARE(JwtVerifier(clock, o).verify(*t, secretSigner("s")).error().code, ErrorCode::ClaimMismatch);
        o.issuer.reset();
        o.requireExpiry = true;
        QCOMPARE(JwtVerifier(clock, o).verify(*t, secretSigner("s")).error().code, ErrorCode::MissingClaim);
    }

    void otherHmacAlgorithmsVerifyWithTheSameSecret()
    {
        const QByteArray input = b64(R"({"alg":"HS512"})") + '.' + b64("{}");
        const QByteArray token = input + '.' + b64(crypto::hmac(crypto::HashAlgorithm::Sha512, "s", input));
        const FixedClock clock(0);
        QVERIFY(JwtVerifier(clock, {{Algorithm::HS512}}).verify(decode(token).value(), secretSigner("s")));
    }
};

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
