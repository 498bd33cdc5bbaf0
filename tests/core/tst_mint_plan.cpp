// SPDX-License-Identifier: MIT
// Mint plans: what the Mint form, History re-mint and batch rows share. Each provider's plan mints a token that
// our verifier accepts with the profile's credentials, and the derived link, identity, room and summary are right.
#include "core/crypto/Pem.h"
#include "core/jwt/Jwt.h"
#include "core/mint/MintPlan.h"
#include "core/providers/zego/KitToken.h"
#include "tests/support/TestData.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace td;

namespace {

credentials::Profile profile(Provider provider, const QString& name)
{
    credentials::Profile p;
    p.name = name;
    p.provider = provider;
    return p;
}

mint::MintPlan liveKitPlan()
{
    mint::MintPlan plan;
    plan.provider = Provider::LiveKit;
    plan.profile = QStringLiteral("lk");
    plan.ttlSeconds = 600;
    plan.claims = QJsonObject{
        {QStringLiteral("sub"), QStringLiteral("ann")},
        {QStringLiteral("video"), QJsonObject{{QStringLiteral("roomJoin"), true},
                                              {QStringLiteral("room"), QStringLiteral("stand up")},
                                              {QStringLiteral("canPublish"), false}}},
        {QStringLiteral("kind"), QStringLiteral("sip")},
        {QStringLiteral("kindDetails"), QJsonArray{QStringLiteral("forwarded")}},
        {QStringLiteral("team"), QStringLiteral("qa")}, // custom claim, passed through
    };
    return plan;
}

} // namespace

class TestMintPlan : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void liveKitPlanMintsVerifiesAndLinks()
    {
        const FixedClock clock(1700000000);
        credentials::Profile p = profile(Provider::LiveKit, QStringLiteral("lk"));
        p.apiKey = QStringLiteral("devkey");
        p.serverUrl = QStringLiteral("wss://demo.livekit.cloud");
        const QHash<QString, QByteArray> secrets{{QStringLiteral("apiSecret"), "secret"}};
        const mint::MintPlan plan = liveKitPlan();
        auto outcome = mint::mintAndInspect(plan, p, secrets, clock);
        QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().message));
        QCOMPARE(outcome->inspection.signature, SignatureState::Valid);
        QCOMPARE(outcome->minted.expiresAt, 1700000600);
        const QJsonObject claims = outcome->inspection.claims;
        QCOMPARE(claims.value(QStringLiteral("sub")).toString(), QStringLiteral("ann"));
        QCOMPARE(claims.value(QStringLiteral("team")).toString(), QStringLiteral("qa"));
        QCOMPARE(claims.value(QStringLiteral("kindDetails")).toArray(), QJsonArray{QStringLiteral("forwarded")});
        QCOMPARE(claims.value(QStringLiteral("video")).toObject().value(QStringLiteral("canPublish")),
                 QJsonValue(false));

        const QUrl link(outcome->joinLink);
        QCOMPARE(link.host(), QStringLiteral("meet.livekit.io"));
        QCOMPARE(link.path(), QStringLiteral("/custom"));
        const QUrlQuery query(link);
        QCOMPARE(query.queryItemValue(QStringLiteral("liveKitUrl"), QUrl::FullyDecoded), p.serverUrl);
        QCOMPARE(query.queryItemValue(QStringLiteral("token")).toLatin1(), outcome->minted.token);

        QCOMPARE(mint::identityOf(plan), QStringLiteral("ann"));
        QCOMPARE(mint::roomOf(plan), QStringLiteral("stand up"));
        QCOMPARE(mint::grantsSummary(plan), QStringLiteral("join, no publish, subscribe, no data"));
    }

    void planRoundTripsThroughJson()
    {
        const mint::MintPlan plan = liveKitPlan();
        auto back = mint::MintPlan::fromJson(plan.toJson());
        QVERIFY(back);
        QCOMPARE(back->toJson(), plan.toJson());
        QVERIFY(!mint::MintPlan::fromJson(QJsonObject{{QStringLiteral("provider"), QStringLiteral("teams")}}));
    }

    void refusesMismatchesAndBadClaims()
    {
        const FixedClock clock(1700000000);
        credentials::Profile zego = profile(Provider::Zego, QStringLiteral("z"));
        QVERIFY(!mint::mint(liveKitPlan(), zego, {}, clock)); // plan for LiveKit, profile for Zego
        credentials::Profile lk = profile(Provider::LiveKit, QStringLiteral("lk"));
        lk.apiKey = QStringLiteral("devkey");
        mint::MintPlan plan = liveKitPlan();
        plan.claims.insert(QStringLiteral("video"), QJsonObject{{QStringLiteral("canPublish"), QStringLiteral("yes")}});
        QVERIFY(!mint::mint(plan, lk, {{QStringLiteral("apiSecret"), "secret"}}, clock));
        plan = liveKitPlan();
        plan.ttlSeconds = 0;
        QVERIFY(!mint::mint(plan, lk, {{QStringLiteral("apiSecret"), "secret"}}, clock));
    }

    void zegoKitTokenPlan()
    {
        const FixedClock clock(1700000000);
        credentials::Profile p = profile(Provider::Zego, QStringLiteral("z"));
        p.appId = QStringLiteral("1234567890");
        const QHash<QString, QByteArray> secrets{{QStringLiteral("serverSecret"), "0123456789abcdef0123456789abcdef"}};
        mint::MintPlan plan;
        plan.provider = Provider::Zego;
        plan.ttlSeconds = 3600;
        plan.claims =
            QJsonObject{{QStringLiteral("user_id"), QStringLiteral("u1")},
                        {QStringLiteral("cipher"), QStringLiteral("cbc")},
                        {QStringLiteral("kit"), QJsonObject{{QStringLiteral("room_id"), QStringLiteral("r9")},
                                                            {QStringLiteral("user_name"), QStringLiteral("Ann B")}}}};
        auto outcome = mint::mintAndInspect(plan, p, secrets, clock);
        QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().message));
        auto kit = zego::parseKitToken(outcome->minted.token);
        QVERIFY(kit);
        QCOMPARE(kit->info.roomId, QStringLiteral("r9"));
        QCOMPARE(kit->info.userName, QStringLiteral("Ann B"));
        QVERIFY(outcome->joinLink.isEmpty());
        QCOMPARE(mint::roomOf(plan), QStringLiteral("r9"));
        QCOMPARE(mint::grantsSummary(plan), QStringLiteral("basic token, kit token"));
    }

    void jaasAndSelfHostedLinks_data()
    {
        QTest::addColumn<QString>("room");
        QTest::addColumn<bool>("regex");
        QTest::addColumn<bool>("hasLink");
        QTest::newRow("named room") << QStringLiteral("Daily Sync") << false << true;
        QTest::newRow("any room") << QStringLiteral("*") << false << false;
        QTest::newRow("pattern") << QStringLiteral("team-.*") << true << false;
    }

    void jaasAndSelfHostedLinks()
    {
        QFETCH(QString, room);
        QFETCH(bool, regex);
        QFETCH(bool, hasLink);
        const FixedClock clock(1700000000);
        auto key = crypto::loadRsaPrivateKey(test::readFile(test::dataPath(QStringLiteral("pem/rsa2048-pkcs8.pem"))));
        QVERIFY(key);
        const QHash<QString, QByteArray> secrets{{QStringLiteral("privateKey"), key->pkcs8Pem()}};
        QJsonObject context{
            {QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), QStringLiteral("u7")},
                                                 {QStringLiteral("moderator"), QStringLiteral("true")}}},
            {QStringLiteral("features"), QJsonObject{{QStringLiteral("recording"), QStringLiteral("true")},
                                                     {QStringLiteral("livestreaming"), false}}}};
        if (regex)
            context.insert(QStringLiteral("room"), QJsonObject{{QStringLiteral("regex"), true}});
        mint::MintPlan plan;
        plan.provider = Provider::Jaas;
        plan.ttlSeconds = 3600;
        plan.claims = QJsonObject{{QStringLiteral("room"), room}, {QStringLiteral("context"), context}};

        credentials::Profile jaas = profile(Provider::Jaas, QStringLiteral("j"));
        jaas.appId = QStringLiteral("vpaas-magic-cookie-0123456789abcdef0123456789abcdef");
        jaas.keyId = QStringLiteral("abc123");
        auto outcome = mint::mintAndInspect(plan, jaas, secrets, clock);
        QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().message));
        QCOMPARE(outcome->inspection.signature, SignatureState::Valid);
        const QJsonObject features = outcome->inspection.claims.value(QStringLiteral("context"))
                                         .toObject()
                                         .value(QStringLiteral("features"))
                                         .toObject();
        QCOMPARE(features.value(QStringLiteral("recording")).toString(), QStringLiteral("true"));
        QCOMPARE(features.value(QStringLiteral("livestreaming")).toString(), QStringLiteral("false"));
        QCOMPARE(mint::grantsSummary(plan), QStringLiteral("moderator, recording, not livestreaming"));
        if (hasLink)
            // The room as Jitsi Meet joins it: "Daily Sync" is joined as daily%20sync (issue 13).
            QCOMPARE(outcome->joinLink, QStringLiteral("https://8x8.vc/%1/daily%20sync?jwt=%2")
                                            .arg(jaas.appId, QString::fromLatin1(outcome->minted.token)));
        else
            QVERIFY(outcome->joinLink.isEmpty());

        plan.provider = Provider::Jitsi;
        credentials::Profile selfHosted = profile(Provider::Jitsi, QStringLiteral("meet"));
        selfHosted.appId = QStringLiteral("my_app");
        selfHosted.serverUrl = QStringLiteral("https://meet.example.org");
        auto hs = mint::mintAndInspect(plan, selfHosted, {{QStringLiteral("appSecret"), "s3cret"}}, clock);
        QVERIFY2(hs, hs ? "" : qPrintable(hs.error().message));
        QCOMPARE(hs->inspection.signature, SignatureState::Valid);
        if (hasLink)
            QVERIFY(hs->joinLink.startsWith(QStringLiteral("https://meet.example.org/daily%20sync?jwt=ey")));
        else
            QVERIFY(hs->joinLink.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMintPlan)
#include "tst_mint_plan.moc"
