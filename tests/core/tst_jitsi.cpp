// SPDX-License-Identifier: MIT
#include "core/crypto/Pem.h"
#include "core/jwt/Jwt.h"
#include "core/providers/jitsi/JitsiToken.h"
#include "tests/support/TestData.h"

#include <QJsonDocument>
#include <QTest>

using namespace td;
using namespace td::jitsi;

namespace {

const QString kAppId = QStringLiteral("vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe");

crypto::RsaPrivateKey testKey()
{
    return crypto::loadRsaPrivateKey(test::readFile(test::dataPath(QStringLiteral("pem/rsa2048-pkcs8.pem")))).value();
}

JaasRequest jaasRequest()
{
    JaasRequest r;
    r.appId = kAppId;
    r.keyId = QStringLiteral("4f4910");
    r.privateKey = testKey();
    r.claims.room = QStringLiteral("daily");
    r.claims.user.id = QStringLiteral("u1");
    r.claims.user.name = QStringLiteral("Alice");
    r.claims.user.email = QStringLiteral("a@example.com");
    r.claims.user.avatar = QStringLiteral("https://example.com/a.png");
    r.claims.user.moderator = true;
    r.claims.features = {{QStringLiteral("recording"), true}, {QStringLiteral("livestreaming"), false}};
    return r;
}

bool hasCode(const QList<Finding>& findings, const QString& code)
{
    for (const Finding& f : findings) {
        if (f.code == code)
            return true;
    }
    return false;
}

} // namespace

class TestJitsi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jaasTokenShape()
    {
        const FixedClock clock(1700000000);
        const auto t = mintJaas(jaasRequest(), clock);
        QVERIFY2(t, qPrintable(t ? QString() : t.error().message));
        const auto d = jwt::decode(t->token).value();
        QCOMPARE(d.headerJson,
                 QByteArray(R"({"alg":"RS256","kid":")" + kAppId.toLatin1() + R"(/4f4910","typ":"JWT"})"));
        QCOMPARE(
            d.payloadJson,
            QByteArray(
                R"({"aud":"jitsi","iss":"chat","sub":")" + kAppId.toLatin1() +
                R"(","room":"daily","exp":1700007200,"nbf":1699999990,"context":{"user":{"id":"u1","name":"Alice",)"
                R"("email":"a@example.com","avatar":"https://example.com/a.png","moderator":"true"},)"
                R"("features":{"recording":"true","livestreaming":"false"}}})"));
        const FixedClock now(1700000000);
        jwt::VerifyOptions o{{jwt::Algorithm::RS256}};
        o.issuer = QStringLiteral("chat");
        o.audience = QStringLiteral("jitsi");
        QVERIFY(jwt::JwtVerifier(now, o).verify(d, jwt::JwtSigner::rsaPublic(testKey().publicKey())));
        QVERIFY(!hasErrors(lint(d, true)));
    }

    void jaasRefusals()
    {
        const FixedClock clock(0);
        JaasRequest r = jaasRequest();
        r.keyId = QStringLiteral("vpaas-magic-cookie-00000000000000000000000000000000/4f4910");
        QCOMPARE(mintJaas(r, clock).error().code, ErrorCode::ClaimMismatch);
        r = jaasRequest();
        r.appId = QStringLiteral("my-app");
        QVERIFY(mintJaas(r, clock).error().message.contains(QStringLiteral("vpaas-magic-cookie")));
        r = jaasRequest();
        r.claims.room.clear();
        QVERIFY(mintJaas(r, clock).error().message.contains(QStringLiteral("room")));
    }

    void jaasAlwaysCarriesFeaturesAndModerator()
    {
        JaasRequest r = jaasRequest();
        r.claims.features.clear();
        r.claims.user.moderator.reset();
        r.claims.roomRegex = true;
        r.claims.room = QStringLiteral("team-%d+");
        const FixedClock clock(0);
        const QJsonObject ctx =
            jwt::decode(mintJaas(r, clock)->token)->payload.value(QStringLiteral("context")).toObject();
        QVERIFY(ctx.value(QStringLiteral("features")).isObject());
        QCOMPARE(ctx.value(QStringLiteral("user")).toObject().value(QStringLiteral("moderator")).toString(),
                 QStringLiteral("false"));
        QCOMPARE(ctx.value(QStringLiteral("room")).toObject().value(QStringLiteral("regex")).toBool(), true);
    }

    void selfHostedMatchesSpecExample()
    {
        // Spec 3.2 example payload, HS256 with app_secret.
        SelfHostedRequest r;
        r.appId = QStringLiteral("my_app");
        r.appSecret = "my_secret";
        r.subject = QStringLiteral("meet.example.com");
        r.claims.room = QStringLiteral("*");
        r.claims.user = JitsiUser{QStringLiteral("u1"),
                                  QStringLiteral("Alice"),
                                  QStringLiteral("a@example.com"),
                                  QStringLiteral("https://example.com/a.png"),
                                  std::nullopt,
                                  std::nullopt,
                                  QStringLiteral("owner")};
        r.claims.group = QStringLiteral("g1");
        r.ttlSeconds = 3600;
        r.notBeforeSkew = 0;
        const FixedClock clock(1700000000);
        const auto t = mintSelfHosted(r, clock);
        QVERIFY(t);
        const auto d = jwt::decode(t->token).value();
        QCOMPARE(d.headerJson, QByteArray(R"({"alg":"HS256","typ":"JWT"})"));
        QCOMPARE(
            d.payloadJson,
            QByteArray(
                R"({"aud":"jitsi","iss":"my_app","sub":"meet.example.com","room":"*","exp":1700003600,"nbf":1700000000,)"
                R"("context":{"user":{"id":"u1","name":"Alice","email":"a@example.com","avatar":"https://example.com/a.png",)"
                R"("affiliation":"owner"},"group":"g1"}})"));
        QVERIFY(!hasErrors(lint(d, false)));
    }

    void selfHostedRs256NeedsKeyId()
    {
        SelfHostedRequest r;
        r.appId = QStringLiteral("app");
        r.privateKey = testKey();
        r.claims.room = QStringLiteral("r");
        const FixedClock clock(0);
        QVERIFY(!mintSelfHosted(r, clock));
        r.keyId = QStringLiteral("jitsi/default");
        const auto t = mintSelfHosted(r, clock);
        QVERIFY(t);
        QCOMPARE(jwt::decode(t->token)->header.value(QStringLiteral("kid")).toString(),
                 QStringLiteral("jitsi/default"));
        r.privateKey = {};
        QVERIFY(!mintSelfHosted(r, clock)); // neither secret nor key
    }

    void featureParsing()
    {
        QCOMPARE(parseFeature(QStringLiteral("recording=false"))->second, false);
        QVERIFY(parseFeature(QStringLiteral("recordng=true"))
                    .error()
                    .message.contains(QStringLiteral("did you mean \"recording\"")));
        QVERIFY(!parseFeature(QStringLiteral("recording=maybe")));
    }

    void lintFindings()
    {
        const auto d = jwt::decode(
            QByteArray("eyJhbGciOiJIUzI1NiJ9.") +
            QJsonDocument::fromJson(
                R"({"sub":"vpaas-magic-cookie-x","aud":"jitsi","iss":"chat","context":{"user":{"moderator":"false","id":5},"features":{"recordin":"true","flip":"yes"}}})")
                .toJson(QJsonDocument::Compact)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) +
            ".c2ln");
        QVERIFY(d);
        const QList<Finding> f = lint(*d, true);
        for (const char* code :
             {"typ-not-jwt", "wrong-alg", "kid-missing", "nbf-missing", "exp-missing", "room-missing",
              "unknown-feature", "feature-value", "features-without-moderator", "user-field-not-string"})
            QVERIFY2(hasCode(f, QString::fromLatin1(code)), code);
    }
};

QTEST_GUILESS_MAIN(TestJitsi)
#include "tst_jitsi.moc"
