// SPDX-License-Identifier: MIT
// history.jsonl: order, file mode, retention boundaries, CSV that a spreadsheet cannot run, damaged lines.
#include "core/history/HistoryStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace td;
using history::HistoryEntry;
using history::HistoryStore;

namespace {

constexpr qint64 kNow = 1700000000;
constexpr qint64 kDay = 86400;

HistoryEntry entry(const QString& identity, qint64 createdAt, const QString& token = {})
{
    HistoryEntry e;
    e.provider = Provider::LiveKit;
    e.profile = QStringLiteral("dev");
    e.identity = identity;
    e.room = QStringLiteral("demo");
    e.summary = QStringLiteral("join demo");
    e.createdAt = createdAt;
    e.expiresAt = createdAt + 3600;
    e.plan = QJsonObject{{QStringLiteral("provider"), QStringLiteral("livekit")},
                         {QStringLiteral("claims"), QJsonObject{{QStringLiteral("sub"), identity}}}};
    e.token = token;
    return e;
}

QStringList identities(const QList<HistoryEntry>& entries)
{
    QStringList out;
    for (const HistoryEntry& e : entries)
        out << e.identity;
    return out;
}

bool ownerOnly(const QString& path)
{
    const QFileDevice::Permissions p = QFile::permissions(path);
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                                            QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    return (p & QFileDevice::ReadOwner) && (p & QFileDevice::WriteOwner) && !(p & others);
}

void writeRaw(const QString& path, const QByteArray& data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(data), data.size());
}

QByteArray line(const HistoryEntry& e)
{
    return QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

class TestHistoryStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void appendThenLoadIsNewestFirst()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("sub/history.jsonl")));
        QSignalSpy changed(&store, &HistoryStore::changed);
        QVERIFY(store.append(entry(QStringLiteral("first"), kNow - 20)));
        QVERIFY(store.append(entry(QStringLiteral("second"), kNow - 10)));
        QVERIFY(store.append(entry(QStringLiteral("third"), kNow, QStringLiteral("eyJ.token"))));
        QCOMPARE(changed.count(), 3);

        int skipped = -1;
        const auto loaded = store.load(&skipped);
        QVERIFY(loaded);
        QCOMPARE(skipped, 0);
        QCOMPARE(identities(*loaded),
                 (QStringList{QStringLiteral("third"), QStringLiteral("second"), QStringLiteral("first")}));
        const HistoryEntry& newest = loaded->first();
        QVERIFY(!newest.id.isEmpty());
        QVERIFY(newest.id != loaded->at(1).id);
        QCOMPARE(newest.provider, Provider::LiveKit);
        QCOMPARE(newest.profile, QStringLiteral("dev"));
        QCOMPARE(newest.room, QStringLiteral("demo"));
        QCOMPARE(newest.summary, QStringLiteral("join demo"));
        QCOMPARE(newest.createdAt, kNow);
        QCOMPARE(newest.expiresAt, kNow + 3600);
        QCOMPARE(newest.plan, entry(QStringLiteral("third"), kNow).plan);
        QCOMPARE(newest.token, QStringLiteral("eyJ.token"));
        QVERIFY(loaded->at(1).token.isEmpty());
    }

    void missingFileIsAnEmptyHistory()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.jsonl")));
        int skipped = -1;
        const auto loaded = store.load(&skipped);
        QVERIFY(loaded);
        QVERIFY(loaded->isEmpty());
        QCOMPARE(skipped, 0);
    }

    void fileIsOwnerOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.jsonl"));
        HistoryStore store(path);
        QVERIFY(store.append(entry(QStringLiteral("a"), kNow)));
        QVERIFY(ownerOnly(path));

        // A file left readable by others (copied in, older version) is tightened at the next append ...
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                                QFileDevice::ReadOther));
        QVERIFY(!ownerOnly(path));
        QVERIFY(store.append(entry(QStringLiteral("b"), kNow)));
        QVERIFY(ownerOnly(path));

        // ... and a rewrite keeps the mode.
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        QVERIFY(store.prune(1, kNow + 2 * kDay));
        QVERIFY(ownerOnly(path));
    }

    void pruneBoundaries_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<QStringList>("kept");
        const QStringList all{QStringLiteral("now"), QStringLiteral("exactly-one-day"),
                              QStringLiteral("day-and-a-second"), QStringLiteral("year")};
        QTest::newRow("0 keeps forever") << 0 << all;
        QTest::newRow("negative keeps forever") << -5 << all;
        QTest::newRow("1 day: the boundary itself stays")
            << 1 << QStringList{QStringLiteral("now"), QStringLiteral("exactly-one-day")};
        QTest::newRow("2 days") << 2
                                << QStringList{QStringLiteral("now"), QStringLiteral("exactly-one-day"),
                                               QStringLiteral("day-and-a-second")};
        QTest::newRow("366 days") << 366 << all;
    }

    void pruneBoundaries()
    {
        QFETCH(int, days);
        QFETCH(QStringList, kept);
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.jsonl")));
        QVERIFY(store.append(entry(QStringLiteral("year"), kNow - 365 * kDay)));
        QVERIFY(store.append(entry(QStringLiteral("day-and-a-second"), kNow - kDay - 1)));
        QVERIFY(store.append(entry(QStringLiteral("exactly-one-day"), kNow - kDay)));
        QVERIFY(store.append(entry(QStringLiteral("now"), kNow)));
        QSignalSpy changed(&store, &HistoryStore::changed);

        const auto removed = store.prune(days, kNow);
        QVERIFY(removed);
        QCOMPARE(*removed, 4 - int(kept.size()));
        QCOMPARE(changed.count(), *removed > 0 ? 1 : 0);
        QCOMPARE(identities(*store.load()), kept);
    }

    void csvHeaderAndRows()
    {
        HistoryEntry e = entry(QStringLiteral("alice"), kNow);
        e.provider = Provider::Zego;
        HistoryEntry kept = entry(QStringLiteral("bob"), kNow + 60, QStringLiteral("04AAAtoken"));
        const QString csv = QString::fromUtf8(HistoryStore::toCsv({kept, e}));
        const QStringList lines = csv.split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), 4); // header, two rows, and the empty rest after the last CRLF
        QCOMPARE(lines[0], QStringLiteral("created,expires,provider,profile,identity,room,grants,token"));
        QCOMPARE(lines[1], QStringLiteral("2023-11-14T22:14:20Z,2023-11-14T23:14:20Z,livekit,dev,bob,demo,join demo,"
                                          "04AAAtoken"));
        QCOMPARE(lines[2], QStringLiteral("2023-11-14T22:13:20Z,2023-11-14T23:13:20Z,zego,dev,alice,demo,join demo,"));
        QCOMPARE(lines[3], QString());
        QCOMPARE(QString::fromUtf8(HistoryStore::toCsv({})),
                 QStringLiteral("created,expires,provider,profile,identity,room,grants,token\r\n"));
    }

    void csvEscaping_data()
    {
        QTest::addColumn<QString>("identity");
        QTest::addColumn<QString>("cell");
        QTest::newRow("plain") << QStringLiteral("alice") << QStringLiteral("alice");
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quotes") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("line1\nline2") << QStringLiteral("\"line1\nline2\"");
        QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
        QTest::newRow("equals") << QStringLiteral("=cmd|' /C calc'!A0") << QStringLiteral("'=cmd|' /C calc'!A0");
        QTest::newRow("plus") << QStringLiteral("+1+1") << QStringLiteral("'+1+1");
        QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("formula with a comma")
            << QStringLiteral("=HYPERLINK(\"x\",\"y\")") << QStringLiteral("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        QTest::newRow("equals inside is harmless") << QStringLiteral("a=b") << QStringLiteral("a=b");
        QTest::newRow("unicode") << QStringLiteral("zoë 李") << QStringLiteral("zoë 李");
    }

    void csvEscaping()
    {
        QFETCH(QString, identity);
        QFETCH(QString, cell);
        HistoryEntry e = entry(identity, 0);
        e.expiresAt = 0; // no times: the row's start is predictable
        const QString csv = QString::fromUtf8(HistoryStore::toCsv({e}));
        const QString header = QStringLiteral("created,expires,provider,profile,identity,room,grants,token\r\n");
        QVERIFY(csv.startsWith(header));
        QCOMPARE(csv.mid(header.size()),
                 QStringLiteral(",,livekit,dev,") + cell + QStringLiteral(",demo,join demo,\r\n"));
    }

    void damagedLinesAreSkippedAndCounted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.jsonl"));
        HistoryEntry noId = entry(QStringLiteral("x"), kNow);
        QJsonObject withoutId = noId.toJson();
        withoutId.remove(QStringLiteral("id"));
        HistoryEntry a = entry(QStringLiteral("a"), kNow - 10);
        a.id = QStringLiteral("id-a");
        HistoryEntry b = entry(QStringLiteral("b"), kNow);
        b.id = QStringLiteral("id-b");
        QJsonObject badProvider = b.toJson();
        badProvider.insert(QStringLiteral("provider"), QStringLiteral("skype"));
        writeRaw(path, line(a) + "{not json\n" + "[1,2]\n" + "\n" +
                           QJsonDocument(withoutId).toJson(QJsonDocument::Compact) + '\n' +
                           QJsonDocument(badProvider).toJson(QJsonDocument::Compact) + '\n' + line(b));
        HistoryStore store(path);
        int skipped = -1;
        const auto loaded = store.load(&skipped);
        QVERIFY(loaded);
        QCOMPARE(skipped, 4);
        QCOMPARE(identities(*loaded), (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
    }

    void appendAfterATornLastLineKeepsTheNewEntry()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.jsonl"));
        HistoryEntry a = entry(QStringLiteral("a"), kNow - 10);
        a.id = QStringLiteral("id-a");
        writeRaw(path, line(a) + "{\"id\":\"torn\",\"provid"); // a write cut short: no newline
        HistoryStore store(path);
        QVERIFY(store.append(entry(QStringLiteral("new"), kNow)));
        int skipped = -1;
        const auto loaded = store.load(&skipped);
        QVERIFY(loaded);
        QCOMPARE(skipped, 1);
        QCOMPARE(identities(*loaded), (QStringList{QStringLiteral("new"), QStringLiteral("a")}));
    }

    void removeAndClear()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.jsonl")));
        QVERIFY(store.append(entry(QStringLiteral("a"), kNow - 2)));
        QVERIFY(store.append(entry(QStringLiteral("b"), kNow - 1)));
        QVERIFY(store.append(entry(QStringLiteral("c"), kNow)));
        const QString middle = store.load()->at(1).id;
        QSignalSpy changed(&store, &HistoryStore::changed);

        QVERIFY(store.remove(QStringLiteral("no-such-id")));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(store.load()->size(), 3);

        QVERIFY(store.remove(middle));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(identities(*store.load()), (QStringList{QStringLiteral("c"), QStringLiteral("a")}));
        // Ids survive the rewrite.
        QVERIFY(store.load()->at(0).id != middle);

        QVERIFY(store.clear());
        QCOMPARE(changed.count(), 2);
        QVERIFY(store.load()->isEmpty());
        // Appending after a clear works on the emptied file.
        QVERIFY(store.append(entry(QStringLiteral("d"), kNow)));
        QCOMPARE(identities(*store.load()), QStringList{QStringLiteral("d")});
    }

    void forgetTokensKeepsTheMetadata()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.jsonl"));
        HistoryStore store(path);
        QVERIFY(store.append(entry(QStringLiteral("a"), kNow - 1, QStringLiteral("eyJsecret.token.a"))));
        QVERIFY(store.append(entry(QStringLiteral("b"), kNow)));
        const auto forgotten = store.forgetTokens();
        QVERIFY(forgotten);
        QCOMPARE(*forgotten, 1);
        const auto loaded = store.load();
        QCOMPARE(identities(*loaded), (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
        QVERIFY(loaded->at(1).token.isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("eyJsecret"));
        QCOMPARE(*store.forgetTokens(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_history_store.moc"
