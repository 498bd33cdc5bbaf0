// SPDX-License-Identifier: MIT
// Batch minting: rows from CSV and JSON files become tokens that verify with the profile's credentials; bad rows
// are reported with their line and do not stop the others; output is atomic, private, and reproducible on request.
#include "core/batch/BatchRun.h"
#include "core/batch/RowIo.h"
#include "core/csv/Csv.h"
#include "core/inspect/TokenInspector.h"
#include "core/jwt/Jwt.h"
#include "core/mint/MintPlan.h"
#include "tests/support/TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace td;

namespace {

const QByteArray kLiveKitSecret = "batch-secret-0123456789abcdef0123";
const QByteArray kZegoSecret = "0123456789abcdef0123456789abcdef";

credentials::Profile liveKitProfile(const QString& environment = QStringLiteral("dev"))
{
    credentials::Profile p;
    p.name = QStringLiteral("lk");
    p.provider = Provider::LiveKit;
    p.apiKey = QStringLiteral("APIbatch");
    p.serverUrl = QStringLiteral("wss://demo.example.com");
    p.environment = environment;
    return p;
}

credentials::Profile zegoProfile()
{
    credentials::Profile p;
    p.name = QStringLiteral("zg");
    p.provider = Provider::Zego;
    p.appId = QStringLiteral("1234567890");
    return p;
}

batch::BatchMinter liveKitMinter(batch::BatchOptions options = {})
{
    if (options.defaults.ttlSeconds == 0)
        options.defaults.ttlSeconds = 3600;
    return *batch::BatchMinter::create(liveKitProfile(), {{QStringLiteral("apiSecret"), kLiveKitSecret}}, options);
}

QList<QStringList> readCsv(const QString& path)
{
    QList<QStringList> out;
    auto records = csv::parseText(test::readFile(path));
    if (records) {
        for (const csv::Record& r : *records)
            out << r.fields;
    }
    return out;
}

/** Verifies a LiveKit token as the Go server would, returning its claims. */
QJsonObject verifiedClaims(const QByteArray& token, const Clock& clock)
{
    VerifyCredentials c;
    c.provider = Provider::LiveKit;
    c.apiKey = QStringLiteral("APIbatch");
    c.secret = kLiveKitSecret;
    auto inspection = TokenInspector(clock).inspect(token, c);
    if (!inspection || inspection->signature != SignatureState::Valid)
        return {};
    return inspection->claims;
}

} // namespace

class TestBatch : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void liveKitRowsBecomeVerifiedTokens()
    {
        test::writeFile(path(QStringLiteral("in.csv")),
                        "identity,Display Name,room,role,grants,ttl,notes\n"
                        "ann,Ann,stage,speaker,,30m,first\n"
                        "bob,\"Bob, Jr.\",stage,viewer,canPublishData=false,,\n"
                        "cy,Cy,,moderator,,,\"two\nlines\"\n"
                        "dee,Dee,stage,,canPublish=false;canPublishSources=camera+microphone,2h,\n");
        const FixedClock clock(1'800'000'000);
        batch::BatchOptions options;
        options.defaults = {3600, QStringLiteral("lobby")};
        auto minter = liveKitMinter(options);
        auto report =
            batch::runBatch(path(QStringLiteral("in.csv")), path(QStringLiteral("out.csv")), minter, clock, {}, {});
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->rows, 4);
        QCOMPARE(report->minted, 4);
        QCOMPARE(report->copiedColumns, QStringList{QStringLiteral("notes")});
        QVERIFY(test::isPrivateFile(path(QStringLiteral("out.csv"))));

        const QList<QStringList> out = readCsv(path(QStringLiteral("out.csv")));
        QCOMPARE(out.size(), 5);
        QCOMPARE(out[0],
                 (QStringList{QStringLiteral("identity"), QStringLiteral("Display Name"), QStringLiteral("room"),
                              QStringLiteral("role"), QStringLiteral("grants"), QStringLiteral("ttl"),
                              QStringLiteral("notes"), QStringLiteral("token"), QStringLiteral("joinLink"),
                              QStringLiteral("expiresAt"), QStringLiteral("summary"), QStringLiteral("error")}));
        const auto claimsOf = [&](int row) { return verifiedClaims(out[row][7].toLatin1(), clock); };
        const QJsonObject ann = claimsOf(1);
        QCOMPARE(ann.value(QStringLiteral("sub")).toString(), QStringLiteral("ann"));
        QCOMPARE(ann.value(QStringLiteral("exp")).toInteger(), 1'800'000'000 + 1800);
        QCOMPARE(
            ann.value(QStringLiteral("video")).toObject().value(QStringLiteral("canPublishSources")).toArray().size(),
            4);
        QCOMPARE(out[1][9], QStringLiteral("2027-01-15T08:30:00Z"));
        QVERIFY(out[1][8].startsWith(
            QStringLiteral("https://meet.livekit.io/custom?liveKitUrl=wss%3A%2F%2Fdemo.example.com&token=")));
        QVERIFY(out[1][8].endsWith(out[1][7]));

        const QJsonObject bob = claimsOf(2);
        QCOMPARE(bob.value(QStringLiteral("name")).toString(), QStringLiteral("Bob, Jr."));
        QCOMPARE(bob.value(QStringLiteral("video")).toObject().value(QStringLiteral("canPublish")), QJsonValue(false));
        QCOMPARE(bob.value(QStringLiteral("video")).toObject().value(QStringLiteral("canPublishData")),
                 QJsonValue(false));

        const QJsonObject cy = claimsOf(3);
        QCOMPARE(cy.value(QStringLiteral("video")).toObject().value(QStringLiteral("room")).toString(),
                 QStringLiteral("lobby"));
        QCOMPARE(cy.value(QStringLiteral("video")).toObject().value(QStringLiteral("roomAdmin")), QJsonValue(true));
        QCOMPARE(out[3][6], QStringLiteral("two\nlines")); // copied unchanged

        const QJsonObject dee = claimsOf(4);
        QCOMPARE(dee.value(QStringLiteral("exp")).toInteger(), 1'800'000'000 + 7200);
        QCOMPARE(out[4][10], QStringLiteral("join, no publish, subscribe, no data")); // data follows canPublish
    }

    void badRowsAreReportedByLineAndTheRestMinted()
    {
        test::writeFile(path(QStringLiteral("bad.csv")),
                        "identity,room,grants,ttl\n"
                        "ann,r1,,\n"
                        "bob,r1,canPublishh=true,\n" // line 3: typo in a grant
                        "\"cy\ncy\",r1,,soon\n"      // line 4-5: bad TTL
                        ",r1,,\n"                    // line 6: no identity
                        "dee,r1\n"                   // line 7: missing fields
                        "eve,r1,,\n");
        auto minter = liveKitMinter();
        QList<batch::RowResult> seen;
        batch::RunCallbacks callbacks;
        callbacks.row = [&](const batch::RowResult& r) { seen << r; };
        const FixedClock clock(1'800'000'000);
        auto report = batch::runBatch(path(QStringLiteral("bad.csv")), path(QStringLiteral("bad-out.json")), minter,
                                      clock, {}, callbacks);
        QVERIFY(report);
        QCOMPARE(report->rows, 6);
        QCOMPARE(report->minted, 2);
        QCOMPARE(report->failed, 4);
        QCOMPARE(seen.size(), 6);
        QCOMPARE(seen[1].line, 3);
        QVERIFY2(seen[1].error.contains(QStringLiteral("did you mean \"canPublish\"")), qPrintable(seen[1].error));
        QCOMPARE(seen[2].line, 4);
        QVERIFY(seen[2].error.startsWith(QStringLiteral("ttl:")));
        QCOMPARE(seen[3].line, 6);
        QVERIFY(seen[3].error.startsWith(QStringLiteral("identity:")));
        QCOMPARE(seen[4].line, 7);
        QVERIFY(seen[4].error.contains(QStringLiteral("2 fields, but the header has 4")));
        QVERIFY(seen[5].ok());

        // JSON output keeps every row, the failed ones with their error and line.
        const QJsonArray rows = QJsonDocument::fromJson(test::readFile(path(QStringLiteral("bad-out.json")))).array();
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows[1].toObject().value(QStringLiteral("line")).toInteger(), 3);
        QVERIFY(rows[1].toObject().value(QStringLiteral("token")).toString().isEmpty());
        QVERIFY(!rows[5].toObject().value(QStringLiteral("token")).toString().isEmpty());
    }

    void sameIdentityInSameRoomWarns()
    {
        auto minter = liveKitMinter();
        const FixedClock clock(1'800'000'000);
        const auto row = [](qint64 line, const QString& identity, const QString& room) {
            return batch::InputRow{
                line,
                {batch::Cell{QStringLiteral("identity"), identity}, batch::Cell{QStringLiteral("room"), room}},
                {}};
        };
        QVERIFY(minter.mintRow(row(2, QStringLiteral("ann"), QStringLiteral("a")), clock).warnings.isEmpty());
        QVERIFY(minter.mintRow(row(3, QStringLiteral("ann"), QStringLiteral("b")), clock).warnings.isEmpty());
        const batch::RowResult again = minter.mintRow(row(9, QStringLiteral("ann"), QStringLiteral("a")), clock);
        QVERIFY(again.ok());
        QCOMPARE(again.warnings.size(), 1);
        QVERIFY2(again.warnings[0].contains(QStringLiteral("line 2")), qPrintable(again.warnings[0]));
    }

    void strictStopsAndLeavesTheOldOutput()
    {
        test::writeFile(path(QStringLiteral("strict.csv")), "identity,room\nann,r\n,r\nbob,r\n");
        test::writeFile(path(QStringLiteral("strict-out.csv")), "previous");
        auto minter = liveKitMinter();
        const FixedClock clock(1'800'000'000);
        auto report = batch::runBatch(path(QStringLiteral("strict.csv")), path(QStringLiteral("strict-out.csv")),
                                      minter, clock, batch::RunOptions{true}, {});
        QVERIFY(report);
        QVERIFY(report->stoppedStrict);
        QCOMPARE(report->failed, 1);
        QCOMPARE(test::readFile(path(QStringLiteral("strict-out.csv"))), QByteArray("previous"));
    }

    void badHeaderWritesNothing()
    {
        test::writeFile(path(QStringLiteral("zego-cols.csv")), "identity,login\nann,true\n");
        test::writeFile(path(QStringLiteral("keep.csv")), "previous");
        auto minter = liveKitMinter();
        const FixedClock clock(1'800'000'000);
        auto report = batch::runBatch(path(QStringLiteral("zego-cols.csv")), path(QStringLiteral("keep.csv")), minter,
                                      clock, {}, {});
        QVERIFY(!report);
        QVERIFY2(report.error().message.contains(QStringLiteral("\"login\" does not apply to livekit")),
                 qPrintable(report.error().message));
        QCOMPARE(test::readFile(path(QStringLiteral("keep.csv"))), QByteArray("previous"));
        test::writeFile(path(QStringLiteral("noid.csv")), "name,room\nAnn,r\n");
        test::writeFile(path(QStringLiteral("noid2.csv")), "room\nr\n");
        QVERIFY(!batch::runBatch(path(QStringLiteral("noid2.csv")), path(QStringLiteral("keep.csv")), minter, clock, {},
                                 {}));
        QVERIFY(!batch::runBatch(path(QStringLiteral("missing.csv")), path(QStringLiteral("keep.csv")), minter, clock,
                                 {}, {}));
        QCOMPARE(test::readFile(path(QStringLiteral("keep.csv"))), QByteArray("previous"));
    }

    void cancellingKeepsTheRowsDone()
    {
        QByteArray text = "identity,room\n";
        for (int i = 0; i < 5000; ++i)
            text += "user-" + QByteArray::number(i) + ",r\n";
        test::writeFile(path(QStringLiteral("long.csv")), text);
        auto minter = liveKitMinter();
        const FixedClock clock(1'800'000'000);
        int polls = 0;
        batch::RunCallbacks callbacks;
        callbacks.cancelled = [&] { return ++polls > 2; }; // like Ctrl-C during the third chunk's read
        auto report = batch::runBatch(path(QStringLiteral("long.csv")), path(QStringLiteral("long-out.csv")), minter,
                                      clock, {}, callbacks);
        QVERIFY(report);
        QVERIFY(report->interrupted);
        QVERIFY(report->rows > 0 && report->rows < 5000);
        const QList<QStringList> out = readCsv(path(QStringLiteral("long-out.csv")));
        QCOMPARE(out.size(), report->rows + 1);
        QCOMPARE(out.last().at(0), QStringLiteral("user-%1").arg(report->rows - 1));
    }

    void jsonRowsWithNativeValues()
    {
        test::writeFile(path(QStringLiteral("rows.json")), R"([
  {"identity": "ann", "room": "r", "grants": {"canPublish": false}, "ttl": 120, "attributes": {"team": "blue"}},
  "not an object",
  {"identity": "bob", "room": "r", "metadata": {"seat": 4}},
  {"identity": "cy", "room": "r", "features": {"recording": true}}
])");
        auto minter = liveKitMinter();
        const FixedClock clock(1'800'000'000);
        QList<batch::RowResult> seen;
        batch::RunCallbacks callbacks;
        callbacks.row = [&](const batch::RowResult& r) { seen << r; };
        auto report = batch::runBatch(path(QStringLiteral("rows.json")), path(QStringLiteral("rows-out.csv")), minter,
                                      clock, {}, callbacks);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(seen.size(), 4);
        QVERIFY(seen[0].ok());
        const QJsonObject ann = verifiedClaims(seen[0].token, clock);
        QCOMPARE(ann.value(QStringLiteral("exp")).toInteger(), 1'800'000'000 + 120);
        QCOMPARE(ann.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("team")).toString(),
                 QStringLiteral("blue"));
        QCOMPARE(seen[1].line, 3);
        QVERIFY(seen[1].error.contains(QStringLiteral("must be a JSON object")));
        QCOMPARE(verifiedClaims(seen[2].token, clock).value(QStringLiteral("metadata")).toString(),
                 QStringLiteral("{\"seat\":4}"));
        QCOMPARE(seen[3].line, 5);
        QVERIFY2(seen[3].error.contains(QStringLiteral("features: does not apply to livekit")),
                 qPrintable(seen[3].error));

        test::writeFile(path(QStringLiteral("rows.jsonl")),
                        "{\"identity\":\"a\",\"room\":\"r\"}\n{\"identity\":\"b\",\"room\":\"r\"}\n");
        auto lines = batch::runBatch(path(QStringLiteral("rows.jsonl")), path(QStringLiteral("rows-out.json")), minter,
                                     clock, {}, {});
        QVERIFY(lines);
        QCOMPARE(lines->minted, 2);
        test::writeFile(path(QStringLiteral("broken.json")),
                        "[{\"identity\":\"a\",\"room\":\"r\"},\n{\"identity\":\"b\"");
        auto broken = batch::runBatch(path(QStringLiteral("broken.json")), path(QStringLiteral("broken-out.json")),
                                      minter, clock, {}, {});
        QVERIFY(broken);
        QCOMPARE(broken->minted, 1);
        QVERIFY2(broken->inputError.startsWith(QStringLiteral("line 2:")), qPrintable(broken->inputError));

        // A last line that is not JSON, with no newline after it (read past the buffer before; fuzz_csv found it).
        test::writeFile(path(QStringLiteral("tail.jsonl")), "{\"identity\":\"a\",\"room\":\"r\"}\n)");
        auto tail = batch::runBatch(path(QStringLiteral("tail.jsonl")), path(QStringLiteral("tail-out.json")), minter,
                                    clock, {}, {});
        QVERIFY(tail);
        QCOMPARE(tail->minted, 1);
        QCOMPARE(tail->failed, 1);
    }

    void seedAndClockMakeZegoOutputReproducible()
    {
        test::writeFile(path(QStringLiteral("z.csv")),
                        "identity,room,publish,streams,kit,name\nu1,r1,false,,,\nu2,r1,,s1+s2,true,Ü\nu3,,,,,\n");
        const QHash<QString, QByteArray> secrets{{QStringLiteral("serverSecret"), kZegoSecret}};
        const FixedClock clock(1'800'000'000);
        const auto run = [&](const QString& out, std::optional<QByteArray> seed) {
            batch::BatchOptions options;
            options.defaults.ttlSeconds = 3600;
            options.seed = seed;
            options.fixedClock = true;
            auto minter = batch::BatchMinter::create(zegoProfile(), secrets, options);
            QVERIFY(minter);
            auto report = batch::runBatch(path(QStringLiteral("z.csv")), path(out), *minter, clock, {}, {});
            QVERIFY(report && report->minted == 3);
        };
        run(QStringLiteral("z1.csv"), QByteArray("golden"));
        run(QStringLiteral("z2.csv"), QByteArray("golden"));
        run(QStringLiteral("z3.csv"), QByteArray("other"));
        run(QStringLiteral("z4.csv"), std::nullopt);
        QCOMPARE(test::readFile(path(QStringLiteral("z1.csv"))), test::readFile(path(QStringLiteral("z2.csv"))));
        QVERIFY(test::readFile(path(QStringLiteral("z1.csv"))) != test::readFile(path(QStringLiteral("z3.csv"))));
        QVERIFY(test::readFile(path(QStringLiteral("z1.csv"))) != test::readFile(path(QStringLiteral("z4.csv"))));

        // The tokens decrypt with the secret and carry what the rows asked for.
        const QList<QStringList> out = readCsv(path(QStringLiteral("z1.csv")));
        VerifyCredentials c;
        c.provider = Provider::Zego;
        c.secret = kZegoSecret;
        c.zegoAppId = 1234567890;
        auto first = TokenInspector(clock).inspect(out[1][6].toLatin1(), c);
        QVERIFY(first && first->signature == SignatureState::Valid);
        QVERIFY(first->permissions.contains(QStringLiteral("cannot publish streams")));
        auto second = TokenInspector(clock).inspect(out[2][6].toLatin1(), c);
        QVERIFY(second && second->signature == SignatureState::Valid);
        QVERIFY(second->permissions.contains(QStringLiteral("can publish only streams s1, s2")));
        QVERIFY(out[2][6].contains(QLatin1Char('#'))); // a Kit Token
        QCOMPARE(out[3][9], QStringLiteral("basic token"));
    }

    void listCellsAcceptJsonArraysAsText()
    {
        // A spreadsheet cell may hold a JSON array; items may then contain separators such as spaces.
        test::writeFile(path(QStringLiteral("lists.csv")),
                        "identity,room,streams\nu1,r1,\"[\"\"cam main\"\",\"\"s2\"\"]\"\nu2,r1,[oops\nu3,r1,[1]\n");
        const QHash<QString, QByteArray> secrets{{QStringLiteral("serverSecret"), kZegoSecret}};
        const FixedClock clock(1'800'000'000);
        batch::BatchOptions options;
        options.defaults.ttlSeconds = 3600;
        auto minter = batch::BatchMinter::create(zegoProfile(), secrets, options);
        QVERIFY(minter);
        auto report = batch::runBatch(path(QStringLiteral("lists.csv")), path(QStringLiteral("lists-out.csv")), *minter,
                                      clock, {}, {});
        QVERIFY(report);
        QCOMPARE(report->minted, 1);
        QCOMPARE(report->failed, 2);
        const QList<QStringList> out = readCsv(path(QStringLiteral("lists-out.csv")));
        const int tokenColumn = int(out[0].indexOf(QStringLiteral("token")));
        const int errorColumn = int(out[0].indexOf(QStringLiteral("error")));
        VerifyCredentials c;
        c.provider = Provider::Zego;
        c.secret = kZegoSecret;
        c.zegoAppId = 1234567890;
        auto first = TokenInspector(clock).inspect(out[1][tokenColumn].toLatin1(), c);
        QVERIFY(first && first->signature == SignatureState::Valid);
        QVERIFY2(first->permissions.contains(QStringLiteral("can publish only streams cam main, s2")),
                 qPrintable(first->permissions.join(u'|')));
        QVERIFY2(out[2][errorColumn].contains(QStringLiteral("not a JSON array")), qPrintable(out[2][errorColumn]));
        QVERIFY2(out[3][errorColumn].contains(QStringLiteral("every item must be a string")),
                 qPrintable(out[3][errorColumn]));
    }

    void reproducibleOutputIsRefusedForProd()
    {
        batch::BatchOptions options;
        options.seed = QByteArray("x");
        auto refused = batch::BatchMinter::create(liveKitProfile(QStringLiteral("prod")),
                                                  {{QStringLiteral("apiSecret"), kLiveKitSecret}}, options);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("tagged prod")));
        options.seed.reset();
        options.fixedClock = true;
        QVERIFY(!batch::BatchMinter::create(liveKitProfile(QStringLiteral("prod")),
                                            {{QStringLiteral("apiSecret"), kLiveKitSecret}}, options));
        options.fixedClock = false;
        QVERIFY(batch::BatchMinter::create(liveKitProfile(QStringLiteral("prod")),
                                           {{QStringLiteral("apiSecret"), kLiveKitSecret}}, options));
    }

    void jitsiRowsCarryModeratorAndFeatures()
    {
        credentials::Profile p;
        p.name = QStringLiteral("meet");
        p.provider = Provider::Jitsi;
        p.appId = QStringLiteral("my_app");
        p.subject = QStringLiteral("meet.example.com");
        batch::BatchOptions options;
        options.defaults.ttlSeconds = 600;
        auto minter = batch::BatchMinter::create(p, {{QStringLiteral("appSecret"), "jitsi-secret"}}, options);
        QVERIFY(minter);
        const FixedClock clock(1'800'000'000);
        const batch::InputRow row{
            2,
            {batch::Cell{QStringLiteral("identity"), QStringLiteral("ann")},
             batch::Cell{QStringLiteral("room"), QStringLiteral("Daily Sync")},
             batch::Cell{QStringLiteral("preset"), QStringLiteral("moderator")},
             batch::Cell{QStringLiteral("features"), QStringLiteral("recording; livestreaming=false")}},
            {}};
        const batch::RowResult r = minter->mintRow(row, clock);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.joinLink,
                 QStringLiteral("https://meet.example.com/daily%20sync?jwt=") + QString::fromLatin1(r.token));
        auto decoded = jwt::decode(r.token);
        QVERIFY(decoded);
        const QJsonObject ctx = decoded->payload.value(QStringLiteral("context")).toObject();
        QCOMPARE(ctx.value(QStringLiteral("user")).toObject().value(QStringLiteral("moderator")).toString(),
                 QStringLiteral("true"));
        QCOMPARE(ctx.value(QStringLiteral("features")).toObject().value(QStringLiteral("livestreaming")).toString(),
                 QStringLiteral("false"));
        const batch::InputRow typo{3,
                                   {batch::Cell{QStringLiteral("identity"), QStringLiteral("bo")},
                                    batch::Cell{QStringLiteral("room"), QStringLiteral("x")},
                                    batch::Cell{QStringLiteral("features"), QStringLiteral("recordin")}},
                                   {}};
        QVERIFY(minter->mintRow(typo, clock).error.contains(QStringLiteral("did you mean \"recording\"")));
    }
};

QTEST_GUILESS_MAIN(TestBatch)
#include "tst_batch.moc"
