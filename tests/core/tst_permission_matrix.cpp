// SPDX-License-Identifier: MIT
// Permission matrices: every combination is minted, verifies, and carries the expected behaviour the spec gives.
#include "core/batch/PermissionMatrix.h"
#include "core/crypto/RsaKey.h"
#include "core/csv/Csv.h"
#include "core/inspect/TokenInspector.h"
#include "core/jwt/Jwt.h"
#include "core/providers/jitsi/JitsiToken.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace td;

namespace {

mint::PlanMinter liveKitMinter()
{
    credentials::Profile p;
    p.name = QStringLiteral("lk");
    p.provider = Provider::LiveKit;
    p.apiKey = QStringLiteral("APImatrix");
    p.serverUrl = QStringLiteral("wss://demo.example.com");
    return *mint::PlanMinter::create(p, {{QStringLiteral("apiSecret"), "matrix-secret-0123456789abcdef"}});
}

const batch::MatrixRow& rowWith(const batch::Matrix& m, const QList<QPair<QString, QString>>& settings)
{
    for (const batch::MatrixRow& row : m.rows) {
        bool all = true;
        for (const auto& s : settings)
            all = all && row.settings.contains(s);
        if (all)
            return row;
    }
    qFatal("no such row");
}

} // namespace

class TestPermissionMatrix : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void liveKitEveryCombinationVerifiesWithItsExpectations()
    {
        const FixedClock clock(1'800'000'000);
        batch::MatrixSpec spec;
        spec.room = QStringLiteral("demo");
        spec.dimensions = {QStringLiteral("canPublish"), QStringLiteral("canPublishSources"), QStringLiteral("hidden")};
        auto m = batch::buildMatrix(liveKitMinter(), spec, clock);
        QVERIFY2(m, qPrintable(m ? QString() : m.error().message));
        QCOMPARE(m->rows.size(), 2 * 4 * 2);
        QCOMPARE(m->dimensionLabels, (QStringList{QStringLiteral("can publish"), QStringLiteral("publish sources"),
                                                  QStringLiteral("hidden")}));
        QSet<QString> identities;
        VerifyCredentials c;
        c.provider = Provider::LiveKit;
        c.apiKey = QStringLiteral("APImatrix");
        c.secret = "matrix-secret-0123456789abcdef";
        for (const batch::MatrixRow& row : m->rows) {
            QVERIFY(row.error.isEmpty());
            identities.insert(row.identity);
            auto inspection = TokenInspector(clock).inspect(row.token, c);
            QVERIFY(inspection && inspection->signature == SignatureState::Valid);
            QCOMPARE(inspection->claims.value(QStringLiteral("sub")).toString(), row.identity);
            QVERIFY(row.joinLink.contains(QString::fromLatin1(row.token)));
            QVERIFY(row.expected.contains(QStringLiteral("can join demo as \"%1\"").arg(row.identity)));
        }
        QCOMPARE(identities.size(), 16);
        QCOMPARE(m->rows.first().identity, QStringLiteral("qa-01"));

        const batch::MatrixRow& cameraOnly = rowWith(*m, {{QStringLiteral("can publish"), QStringLiteral("yes")},
                                                          {QStringLiteral("publish sources"), QStringLiteral("camera")},
                                                          {QStringLiteral("hidden"), QStringLiteral("no")}});
        QVERIFY(cameraOnly.expected.contains(QStringLiteral("can publish camera")));
        QVERIFY(cameraOnly.expected.contains(QStringLiteral("cannot publish microphone")));
        QVERIFY(!cameraOnly.expected.contains(QStringLiteral("is hidden from other participants")));
        const batch::MatrixRow& noPublish = rowWith(*m, {{QStringLiteral("can publish"), QStringLiteral("no")},
                                                         {QStringLiteral("publish sources"), QStringLiteral("camera")},
                                                         {QStringLiteral("hidden"), QStringLiteral("yes")}});
        // canPublishSources only narrows: with canPublish false even the listed camera is refused (spec 1.4).
        QVERIFY(noPublish.expected.contains(QStringLiteral("cannot publish camera")));
        QVERIFY(noPublish.expected.contains(QStringLiteral("cannot publish data")));
        QVERIFY(noPublish.expected.contains(QStringLiteral("is hidden from other participants")));
    }

    void liveKitDefaultsCoverTheFiveDimensions()
    {
        batch::MatrixSpec spec;
        spec.room = QStringLiteral("demo");
        spec.sourceSets = {{}, {QStringLiteral("camera"), QStringLiteral("microphone")}};
        auto m = batch::buildMatrix(liveKitMinter(), spec, FixedClock(1'800'000'000));
        QVERIFY(m);
        QCOMPARE(m->rows.size(), 2 * 2 * 2 * 2 * 2);
        const batch::MatrixRow& admin = rowWith(*m, {{QStringLiteral("room admin"), QStringLiteral("yes")},
                                                     {QStringLiteral("can subscribe"), QStringLiteral("no")}});
        QVERIFY(admin.expected.contains(QStringLiteral("can moderate demo")));
        QVERIFY(admin.expected.contains(QStringLiteral("cannot subscribe")));
    }

    void jaasFeaturesNeedAModerator()
    {
        auto key = crypto::RsaPrivateKey::generate(2048);
        QVERIFY(key);
        credentials::Profile p;
        p.name = QStringLiteral("jaas");
        p.provider = Provider::Jaas;
        p.appId = QStringLiteral("vpaas-magic-cookie-0123456789abcdef0123456789abcdef");
        p.keyId = QStringLiteral("k1");
        auto minter = mint::PlanMinter::create(p, {{QStringLiteral("privateKey"), key->pkcs8Pem()}});
        QVERIFY(minter);
        batch::MatrixSpec spec;
        spec.room = QStringLiteral("standup");
        spec.features = {QStringLiteral("recording")};
        auto m = batch::buildMatrix(*minter, spec, FixedClock(1'800'000'000));
        QVERIFY(m);
        QCOMPARE(m->rows.size(), 4);
        const batch::MatrixRow& modOn = rowWith(*m, {{QStringLiteral("moderator"), QStringLiteral("yes")},
                                                     {QStringLiteral("recording"), QStringLiteral("on")}});
        QVERIFY(modOn.expected.contains(QStringLiteral("joins as moderator")));
        QVERIFY(modOn.expected.contains(QStringLiteral("can start a recording (recording)")));
        const batch::MatrixRow& guestOn = rowWith(*m, {{QStringLiteral("moderator"), QStringLiteral("no")},
                                                       {QStringLiteral("recording"), QStringLiteral("on")}});
        QVERIFY(guestOn.expected.contains(
            QStringLiteral("cannot start a recording (recording) (JaaS applies features only to moderators)")));
        QVERIFY(guestOn.joinLink.startsWith(
            QStringLiteral("https://8x8.vc/vpaas-magic-cookie-0123456789abcdef0123456789abcdef/standup?jwt=")));
        auto decoded = jwt::decode(guestOn.token);
        QVERIFY(decoded);
        QCOMPARE(decoded->payload.value(QStringLiteral("context"))
                     .toObject()
                     .value(QStringLiteral("features"))
                     .toObject()
                     .value(QStringLiteral("recording"))
                     .toString(),
                 QStringLiteral("true"));
    }

    void zegoLoginPublishAndStreams()
    {
        credentials::Profile p;
        p.name = QStringLiteral("zg");
        p.provider = Provider::Zego;
        p.appId = QStringLiteral("1234567890");
        auto minter =
            mint::PlanMinter::create(p, {{QStringLiteral("serverSecret"), "0123456789abcdef0123456789abcdef"}});
        QVERIFY(minter);
        batch::MatrixSpec spec;
        spec.room = QStringLiteral("r1");
        const FixedClock clock(1'800'000'000);
        auto m = batch::buildMatrix(*minter, spec, clock, QByteArray("seed"));
        QVERIFY(m);
        QCOMPARE(m->rows.size(), 8);
        const batch::MatrixRow& locked = rowWith(*m, {{QStringLiteral("may log in"), QStringLiteral("no")}});
        QVERIFY(locked.expected.contains(QStringLiteral("cannot log into room r1 (loginRoom fails)")));
        const batch::MatrixRow& streams = rowWith(*m, {{QStringLiteral("may log in"), QStringLiteral("yes")},
                                                       {QStringLiteral("may publish"), QStringLiteral("yes")},
                                                       {QStringLiteral("stream list"), QStringLiteral("qa-stream")}});
        QVERIFY(streams.expected.contains(QStringLiteral("can publish only streams qa-stream")));
        // What the expectations say is what the encrypted token carries.
        VerifyCredentials c;
        c.provider = Provider::Zego;
        c.secret = "0123456789abcdef0123456789abcdef";
        c.zegoAppId = 1234567890;
        auto inspection = TokenInspector(clock).inspect(streams.token, c);
        QVERIFY(inspection && inspection->signature == SignatureState::Valid);
        QVERIFY(inspection->permissions.contains(QStringLiteral("can publish only streams qa-stream")));
        QVERIFY(m->notes.join(QLatin1Char(' ')).contains(QStringLiteral("room privilege authentication")));
        // Seeded: the same matrix again.
        auto again = batch::buildMatrix(*minter, spec, clock, QByteArray("seed"));
        QCOMPARE(again->rows[3].token, m->rows[3].token);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("room");
        QTest::addColumn<QStringList>("dimensions");
        QTest::addColumn<QList<QStringList>>("sources");
        QTest::addColumn<QString>("error");
        QTest::newRow("no room") << QString() << QStringList() << QList<QStringList>()
                                 << QStringLiteral("needs a room");
        QTest::newRow("unknown dimension") << QStringLiteral("r") << QStringList{QStringLiteral("canFly")}
                                           << QList<QStringList>() << QStringLiteral("unknown dimension \"canFly\"");
        QTest::newRow("unknown source") << QStringLiteral("r") << QStringList()
                                        << QList<QStringList>{{QStringLiteral("webcam")}}
                                        << QStringLiteral("unknown publish source \"webcam\"");
    }
    void refusals()
    {
        QFETCH(QString, room);
        QFETCH(QStringList, dimensions);
        QFETCH(QList<QStringList>, sources);
        QFETCH(QString, error);
        batch::MatrixSpec spec;
        spec.room = room;
        spec.dimensions = dimensions;
        spec.sourceSets = sources;
        auto m = batch::buildMatrix(liveKitMinter(), spec, FixedClock(1'800'000'000));
        QVERIFY(!m);
        QVERIFY2(m.error().message.contains(error), qPrintable(m.error().message));
    }

    void tooManyCombinationsAreRefused()
    {
        credentials::Profile p;
        p.name = QStringLiteral("meet");
        p.provider = Provider::Jitsi;
        p.appId = QStringLiteral("app");
        auto minter = mint::PlanMinter::create(p, {{QStringLiteral("appSecret"), "s"}});
        QVERIFY(minter);
        batch::MatrixSpec spec;
        spec.room = QStringLiteral("r");
        spec.features = jitsi::knownFeatures(); // 2^(1 + 18) combinations
        auto m = batch::buildMatrix(*minter, spec, FixedClock(1'800'000'000));
        QVERIFY(!m);
        QVERIFY(m.error().message.contains(QStringLiteral("more than 4096")));
    }

    void exportsForTesters()
    {
        batch::MatrixSpec spec;
        spec.room = QStringLiteral("demo <b>&</b>");
        spec.identityPrefix = QStringLiteral("<script>x");
        spec.dimensions = {QStringLiteral("canPublish"), QStringLiteral("hidden")};
        auto m = batch::buildMatrix(liveKitMinter(), spec, FixedClock(1'800'000'000));
        QVERIFY(m);

        auto rows = csv::parseText(batch::matrixCsv(*m));
        QVERIFY(rows);
        QCOMPARE(rows->size(), 5);
        QCOMPARE(rows->at(0).fields.mid(0, 4), (QStringList{QStringLiteral("number"), QStringLiteral("identity"),
                                                            QStringLiteral("can publish"), QStringLiteral("hidden")}));
        QVERIFY(rows->at(3).fields.at(4).contains(QStringLiteral("cannot publish camera")));
        QCOMPARE(rows->at(3).fields.at(5), QString::fromLatin1(m->rows[2].token));

        const QString markdown = QString::fromUtf8(batch::matrixMarkdown(*m));
        QVERIFY(markdown.contains(QStringLiteral("- [ ] cannot publish camera")));
        QVERIFY(markdown.contains(QStringLiteral("| can publish | hidden |")));
        QVERIFY(markdown.contains(QString::fromLatin1(m->rows[0].token)));

        const QString html = QString::fromUtf8(batch::matrixHtml(*m));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(!html.contains(QStringLiteral("<script>x"))); // user text is escaped
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;x-01")));
        QVERIFY(html.contains(QStringLiteral("demo &lt;b&gt;&amp;&lt;/b&gt;")));
        QCOMPARE(html.count(QStringLiteral("class=\"row")), 4);
        qsizetype expectations = 0;
        for (const batch::MatrixRow& row : m->rows)
            expectations += row.expected.size();
        QCOMPARE(html.count(QStringLiteral("type=\"checkbox\"")), expectations); // one box per expectation
        // Self-contained: nothing is fetched from the network when the report opens.
        static const QRegularExpression external(QStringLiteral("<(script|link|img|iframe)[^>]+(src|href)="));
        QVERIFY(!external.match(html).hasMatch());
        QVERIFY(html.contains(QStringLiteral("default-src 'none'")));
    }
};

QTEST_GUILESS_MAIN(TestPermissionMatrix)
#include "tst_permission_matrix.moc"
