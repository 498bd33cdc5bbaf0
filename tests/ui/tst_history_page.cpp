// SPDX-License-Identifier: MIT
// The History page driven as a user would: read the list and its countdowns, filter, re-mint, copy, delete,
// clear, export, and change the retention and "keep tokens" settings.
#include "core/history/HistoryStore.h"
#include "core/mint/MintPlan.h"
#include "tests/support/Children.h"
#include "tests/support/TestContext.h"
#include "ui/history/HistoryModel.h"
#include "ui/history/HistoryPage.h"

#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QAction>
#include <QApplication>
#include <QTimer>
#include <QMenu>
#include <QTest>

using namespace td;
using history::HistoryEntry;
using test::child;
using ui::HistoryModel;

namespace {

constexpr qint64 kNow = 1700000000; // 2023-11-14T22:13:20Z
constexpr qint64 kDay = 86400;

mint::MintPlan plan(const QString& profile, const QString& identity, const QString& room)
{
    mint::MintPlan p;
    p.provider = Provider::LiveKit;
    p.profile = profile;
    p.ttlSeconds = 3600;
    p.claims = QJsonObject{
        {QStringLiteral("sub"), identity},
        {QStringLiteral("video"), QJsonObject{{QStringLiteral("room"), room}, {QStringLiteral("roomJoin"), true}}}};
    return p;
}

HistoryEntry entry(const QString& identity, const QString& room, qint64 createdAt, qint64 expiresAt,
                   const QString& token = {}, const QString& profile = QStringLiteral("dev"),
                   const QString& summary = QStringLiteral("join, publish camera+mic"))
{
    HistoryEntry e;
    e.provider = Provider::LiveKit;
    e.profile = profile;
    e.identity = identity;
    e.room = room;
    e.summary = summary;
    e.createdAt = createdAt;
    e.expiresAt = expiresAt;
    e.plan = plan(profile, identity, room).toJson();
    e.token = token;
    return e;
}

QString cell(const QTableView* table, int row, int column, int role = Qt::DisplayRole)
{
    return table->model()->index(row, column).data(role).toString();
}

QStringList column(const QTableView* table, int column)
{
    QStringList out;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        out << cell(table, row, column);
    return out;
}

void clickRow(QTableView* table, int row)
{
    const QRect rect = table->visualRect(table->model()->index(row, HistoryModel::IdentityColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
}

QStringList storedIdentities(const history::HistoryStore& store)
{
    QStringList out;
    const auto loaded = store.load();
    for (const HistoryEntry& e : *loaded)
        out << e.identity;
    return out;
}

} // namespace

class TestHistoryPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptyHistorySaysSo()
    {
        test::TestContext f;
        ui::HistoryPage page(f.context);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(child<QLabel>(page, "emptyLabel")->isVisible());
        QVERIFY(child<QLabel>(page, "emptyLabel")->text().contains(QStringLiteral("No mints")));
        QVERIFY(!child<QTableView>(page, "historyTableView")->isVisible());
        QVERIFY(!child<QPushButton>(page, "exportPushButton")->isEnabled());
        QVERIFY(!child<QPushButton>(page, "clearPushButton")->isEnabled());
        QVERIFY(!child<QPushButton>(page, "remintPushButton")->isEnabled());
    }

    void newestFirstWithACountdownThatRunsOut()
    {
        test::TestContext f;
        QVERIFY(f.history.append(
            entry(QStringLiteral("alice"), QStringLiteral("demo"), kNow - 100, kNow + 5 * 3600 + 3 * 60 + 20)));
        QVERIFY(f.history.append(entry(QStringLiteral("bob"), QStringLiteral("standup"), kNow - 50, kNow + 30,
                                       QStringLiteral("eyJ.kept.token"))));
        ui::HistoryPage page(f.context);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* table = child<QTableView>(page, "historyTableView");
        QVERIFY(table->isVisible());
        QVERIFY(!child<QLabel>(page, "emptyLabel")->isVisible());
        QCOMPARE(column(table, HistoryModel::IdentityColumn),
                 (QStringList{QStringLiteral("bob"), QStringLiteral("alice")}));
        QCOMPARE(column(table, HistoryModel::ProviderColumn),
                 (QStringList{QStringLiteral("LiveKit"), QStringLiteral("LiveKit")}));
        QCOMPARE(column(table, HistoryModel::RoomColumn),
                 (QStringList{QStringLiteral("standup"), QStringLiteral("demo")}));
        QCOMPARE(cell(table, 0, HistoryModel::GrantsColumn), QStringLiteral("join, publish camera+mic"));
        QCOMPARE(column(table, HistoryModel::TokenColumn), (QStringList{QStringLiteral("yes"), QStringLiteral("no")}));
        QCOMPARE(column(table, HistoryModel::ExpiresColumn),
                 (QStringList{QStringLiteral("in 30 s"), QStringLiteral("in 5 h 3 min")}));
        QCOMPARE(cell(table, 1, HistoryModel::CreatedColumn, Qt::ToolTipRole),
                 QStringLiteral("2023-11-14T22:11:40Z UTC"));
        QVERIFY(!cell(table, 1, HistoryModel::CreatedColumn).isEmpty());

        // The countdown follows the clock without a model reset, and only the expiry column changes.
        QSignalSpy resets(table->model(), &QAbstractItemModel::modelReset);
        QSignalSpy changes(table->model(), &QAbstractItemModel::dataChanged);
        f.clock.set(kNow + 31);
        // The view repaints only when told: the page's timer must announce the new countdown within a tick.
        QTRY_VERIFY_WITH_TIMEOUT(changes.count() > 0, 2500);
        QCOMPARE(cell(table, 0, HistoryModel::ExpiresColumn), QStringLiteral("expired"));
        QCOMPARE(cell(table, 1, HistoryModel::ExpiresColumn), QStringLiteral("in 5 h 2 min"));
        QCOMPARE(resets.count(), 0);
        for (const QList<QVariant>& change : changes) {
            QCOMPARE(change.at(0).toModelIndex().column(), int(HistoryModel::ExpiresColumn));
            QCOMPARE(change.at(1).toModelIndex().column(), int(HistoryModel::ExpiresColumn));
        }
    }

    void countdownWording_data()
    {
        QTest::addColumn<qint64>("left");
        QTest::addColumn<QString>("text");
        QTest::newRow("days") << 2 * kDay + 3 * 3600 + 59 << QStringLiteral("in 2 d 3 h");
        QTest::newRow("hours") << qint64(5 * 3600 + 3 * 60) << QStringLiteral("in 5 h 3 min");
        QTest::newRow("minutes") << qint64(125) << QStringLiteral("in 2 min 5 s");
        QTest::newRow("seconds") << qint64(1) << QStringLiteral("in 1 s");
        QTest::newRow("the moment itself") << qint64(0) << QStringLiteral("expired");
        QTest::newRow("past") << qint64(-3600) << QStringLiteral("expired");
    }

    void countdownWording()
    {
        QFETCH(qint64, left);
        QFETCH(QString, text);
        QCOMPARE(HistoryModel::countdown(kNow + left, kNow), text);
    }

    void filterMatchesProfileIdentityRoomAndGrants()
    {
        test::TestContext f;
        QVERIFY(f.history.append(entry(QStringLiteral("alice"), QStringLiteral("demo"), kNow - 30, kNow + 60, {},
                                       QStringLiteral("prod-eu"), QStringLiteral("join, subscribe only"))));
        QVERIFY(f.history.append(entry(QStringLiteral("bob"), QStringLiteral("standup"), kNow - 20, kNow + 60, {},
                                       QStringLiteral("dev"), QStringLiteral("join, publish screen"))));
        QVERIFY(f.history.append(entry(QStringLiteral("carol"), QStringLiteral("demo-2"), kNow - 10, kNow + 60, {},
                                       QStringLiteral("staging"), QStringLiteral("room admin"))));
        ui::HistoryPage page(f.context);
        page.show();
        auto* table = child<QTableView>(page, "historyTableView");
        auto* filter = child<QLineEdit>(page, "filterLineEdit");
        const auto filtered = [&](const QString& text) {
            filter->clear();
            QTest::keyClicks(filter, text);
            return column(table, HistoryModel::IdentityColumn);
        };
        QCOMPARE(filtered(QStringLiteral("BOB")), QStringList{QStringLiteral("bob")});
        QCOMPARE(filtered(QStringLiteral("demo")), (QStringList{QStringLiteral("carol"), QStringLiteral("alice")}));
        QCOMPARE(filtered(QStringLiteral("prod")), QStringList{QStringLiteral("alice")});
        QCOMPARE(filtered(QStringLiteral("screen")), QStringList{QStringLiteral("bob")});
        // The provider column is not searched, so "livekit" finds nothing here.
        QCOMPARE(filtered(QStringLiteral("livekit")), QStringList{});
        QVERIFY(child<QLabel>(page, "emptyLabel")->isVisible());
        QVERIFY(child<QLabel>(page, "emptyLabel")->text().contains(QStringLiteral("filter")));
        QVERIFY(!child<QPushButton>(page, "exportPushButton")->isEnabled());
        QVERIFY(child<QPushButton>(page, "clearPushButton")->isEnabled());
        QCOMPARE(filtered(QString()).size(), 3);
    }

    void sortsByColumn()
    {
        test::TestContext f;
        QVERIFY(f.history.append(entry(QStringLiteral("bob"), QStringLiteral("r"), kNow - 30, kNow + 10)));
        QVERIFY(f.history.append(entry(QStringLiteral("alice"), QStringLiteral("r"), kNow - 20, kNow + 7200)));
        QVERIFY(f.history.append(entry(QStringLiteral("carol"), QStringLiteral("r"), kNow - 10, kNow + 600)));
        ui::HistoryPage page(f.context);
        auto* table = child<QTableView>(page, "historyTableView");
        table->sortByColumn(HistoryModel::IdentityColumn, Qt::AscendingOrder);
        QCOMPARE(column(table, HistoryModel::IdentityColumn),
                 (QStringList{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}));
        // By the expiry instant, not by the countdown's text.
        table->sortByColumn(HistoryModel::ExpiresColumn, Qt::AscendingOrder);
        QCOMPARE(column(table, HistoryModel::IdentityColumn),
                 (QStringList{QStringLiteral("bob"), QStringLiteral("carol"), QStringLiteral("alice")}));
    }

    void remintEmitsTheStoredPlan()
    {
        test::TestContext f;
        QVERIFY(f.history.append(entry(QStringLiteral("alice"), QStringLiteral("demo"), kNow - 20, kNow + 60)));
        QVERIFY(f.history.append(entry(QStringLiteral("bob"), QStringLiteral("standup"), kNow - 10, kNow + 60)));
        ui::HistoryPage page(f.context);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy spy(&page, &ui::HistoryPage::remintRequested);
        QVERIFY(spy.isValid());
        QList<QJsonObject> plans;
        connect(&page, &ui::HistoryPage::remintRequested, this,
                [&plans](const mint::MintPlan& p) { plans.append(p.toJson()); });
        auto* remint = child<QPushButton>(page, "remintPushButton");
        auto* table = child<QTableView>(page, "historyTableView");
        QVERIFY(!remint->isEnabled());

        clickRow(table, 1);
        QVERIFY(remint->isEnabled());
        QTest::mouseClick(remint, Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(plans.size(), 1);
        const QJsonObject expected =
            plan(QStringLiteral("dev"), QStringLiteral("alice"), QStringLiteral("demo")).toJson();
        QCOMPARE(plans.at(0), expected);
        QCOMPARE(plans.at(0), f.history.load()->at(1).plan);

        // A double click re-mints too (QTest's double click is only the second press: click first).
        const QRect rect = table->visualRect(table->model()->index(0, HistoryModel::RoomColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(plans.size(), 1);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(plans.size(), 2);
        QCOMPARE(plans.at(1).value(QStringLiteral("claims")).toObject().value(QStringLiteral("sub")).toString(),
                 QStringLiteral("bob"));
        QVERIFY(f.dialogs.errors.isEmpty());
    }

    void contextMenuOffersTheRowActions()
    {
        test::TestContext f;
        QVERIFY(f.history.append(entry(QStringLiteral("alice"), QStringLiteral("demo"), kNow - 20, kNow + 60)));
        QVERIFY(f.history.append(entry(QStringLiteral("bob"), QStringLiteral("standup"), kNow - 10, kNow + 60)));
        ui::HistoryPage page(f.context);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy spy(&page, &ui::HistoryPage::remintRequested);
        auto* table = child<QTableView>(page, "historyTableView");
        QStringList offered;
        QTimer::singleShot(0, [&] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (const QAction* a : menu->actions()) {
                if (!a->isSeparator())
                    offered << a->objectName() + (a->isEnabled() ? QString() : QStringLiteral("(off)"));
            }
            QTest::keyClick(menu, Qt::Key_Down);
            QTest::keyClick(menu, Qt::Key_Return); // Re-mint, on the row under the pointer
        });
        const QRect rect = table->visualRect(table->model()->index(1, HistoryModel::RoomColumn));
        Q_EMIT table->customContextMenuRequested(rect.center());
        QCOMPARE(
            offered.join(QLatin1Char(',')),
            QStringLiteral("remintPushButtonMenuAction,copyTokenPushButtonMenuAction(off),deletePushButtonMenuAction"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(table->currentIndex().row(), 1);
    }

    void remintOfAnUnreadablePlanSaysWhy()
    {
        test::TestContext f;
        HistoryEntry broken = entry(QStringLiteral("alice"), QStringLiteral("demo"), kNow, kNow + 60);
        broken.plan = QJsonObject{{QStringLiteral("provider"), QStringLiteral("skype")}};
        QVERIFY(f.history.append(broken));
        ui::HistoryPage page(f.context);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        int emitted = 0;
        connect(&page, &ui::HistoryPage::remintRequested, this, [&emitted] { ++emitted; });
        clickRow(child<QTableView>(page, "historyTableView"), 0);
        QTest::mouseClick(child<QPushButton>(page, "remintPushButton"), Qt::LeftButton);
        QCOMPARE(emitted, 0);
        QCOMPARE(f.dialogs.errors.size(), 1);
    }

    void exportWritesTheListedRowsAsCsv()
    {
        test::TestContext f;
        QVERIFY(f.history.append(
            entry(QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("demo"), kNow - 30, kNow + 60)));
        QVERIFY(f.history.append(entry(QStringLiteral("kept"), QStringLiteral("demo"), kNow - 20, kNow + 60,
                                       QStringLiteral("eyJhbGciOi.kept.sig"))));
        QVERIFY(f.history.append(entry(QStringLiteral("hidden"), QStringLiteral("elsewhere"), kNow - 10, kNow + 60,
                                       QStringLiteral("eyJhbGciOi.hidden.sig"))));
        ui::HistoryPage page(f.context);
        page.show();
        QTest::keyClicks(child<QLineEdit>(page, "filterLineEdit"), QStringLiteral("demo"));
        auto* exportButton = child<QPushButton>(page, "exportPushButton");
        QVERIFY(exportButton->isEnabled());

        // Cancelling the file picker writes nothing.
        QTest::mouseClick(exportButton, Qt::LeftButton);
        const QString path = f.dir.filePath(QStringLiteral("export.csv"));
        QVERIFY(!QFile::exists(path));

        f.dialogs.fileNames.enqueue(path);
        QTest::mouseClick(exportButton, Qt::LeftButton);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0), QStringLiteral("created,expires,provider,profile,identity,room,grants,token"));
        QCOMPARE(lines.at(1), QStringLiteral("2023-11-14T22:13:00Z,2023-11-14T22:14:20Z,livekit,dev,kept,demo,"
                                             "\"join, publish camera+mic\",eyJhbGciOi.kept.sig"));
        QCOMPARE(lines.at(2), QStringLiteral("2023-11-14T22:12:50Z,2023-11-14T22:14:20Z,livekit,dev,"
                                             "'=cmd|' /C calc'!A0,demo,\"join, publish camera+mic\","));
        QCOMPARE(lines.at(3), QString());
        QVERIFY(!lines.join(QString()).contains(QStringLiteral("hidden")));
        QVERIFY(child<QLabel>(page, "statusLabel")->text().contains(path));
        QVERIFY(f.dialogs.errors.isEmpty());
    }

    void exportFailureIsReported()
    {
        test::TestContext f;
        QVERIFY(f.history.append(entry(QStringLiteral("alice"), QStringLiteral("demo"), kNow, kNow + 60)));
        ui::HistoryPage page(f.context);
        f.dialogs.fileNames.enqueue(f.dir.filePath(QStringLiteral("no/such/dir/export.csv")));
        QTest::mouseClick(child<QPushButton>(page, "exportPushButton"), Qt::LeftButton);
        QCOMPARE(f.dialogs.errors.size(), 1);
    }

    void oldEntriesArePrunedAtStart()
    {
        test::TestContext f;
        f.settings.setHistoryRetentionDays(30);
        QVERIFY(
            f.history.append(entry(QStringLiteral("old"), QStringLiteral("r"), kNow - 31 * kDay, kNow - 31 * kDay)));
        QVERIFY(f.history.append(entry(QStringLiteral("recent"), QStringLiteral("r"), kNow - 29 * kDay, kNow)));
        ui::HistoryPage page(f.context);
        QCOMPARE(storedIdentities(f.history), QStringList{QStringLiteral("recent")});
        QCOMPARE(column(child<QTableView>(page, "historyTableView"), HistoryModel::IdentityColumn),
                 QStringList{QStringLiteral("recent")});
        QCOMPARE(child<QSpinBox>(page, "retentionSpinBox")->value(), 30);
    }

    void shorterRetentionPrunesAfterConfirmation()
    {
        test::TestContext f;
        f.settings.setHistoryRetentionDays(0);
        QVERIFY(f.history.append(entry(QStringLiteral("40d"), QStringLiteral("r"), kNow - 40 * kDay, kNow)));
        QVERIFY(f.history.append(entry(QStringLiteral("10d"), QStringLiteral("r"), kNow - 10 * kDay, kNow)));
        QVERIFY(f.history.append(entry(QStringLiteral("now"), QStringLiteral("r"), kNow, kNow + 60)));
        ui::HistoryPage page(f.context);
        page.show();
        auto* retention = child<QSpinBox>(page, "retentionSpinBox");
        QCOMPARE(retention->value(), 0);
        QCOMPARE(retention->text(), QStringLiteral("forever"));
        const auto type = [&](const QString& text) {
            retention->setFocus();
            retention->selectAll();
            QTest::keyClicks(retention, text);
        };

        // Typing "365" passes through "3" and "36": nothing may go before the value is complete.
        type(QStringLiteral("365"));
        QCOMPARE(storedIdentities(f.history).size(), 3);
        QTest::keyClick(retention, Qt::Key_Return);
        QCOMPARE(f.settings.historyRetentionDays(), 365);
        QCOMPARE(storedIdentities(f.history).size(), 3);

        // Declined: nothing removed, the previous value comes back.
        f.dialogs.confirmAnswer = false;
        type(QStringLiteral("5"));
        QTest::keyClick(retention, Qt::Key_Return);
        QCOMPARE(storedIdentities(f.history).size(), 3);
        QCOMPARE(f.settings.historyRetentionDays(), 365);
        QCOMPARE(retention->value(), 365);

        f.dialogs.confirmAnswer = true;
        type(QStringLiteral("30"));
        QTest::keyClick(retention, Qt::Key_Return);
        QCOMPARE(f.settings.historyRetentionDays(), 30);
        QCOMPARE(storedIdentities(f.history), (QStringList{QStringLiteral("now"), QStringLiteral("10d")}));
        QCOMPARE(column(child<QTableView>(page, "historyTableView"), HistoryModel::IdentityColumn),
                 (QStringList{QStringLiteral("now"), QStringLiteral("10d")}));

        // The clock moves on: ten more days and the 10-day-old entry ages out at the next show.
        f.clock.set(kNow + 21 * kDay);
        page.hide();
        page.show();
        QCOMPARE(storedIdentities(f.history), QStringList{QStringLiteral("now")});
    }

    void deleteAndClearAskFirst()
    {
        test::TestContext f;
        QVERIFY(f.history.append(entry(QStringLiteral("alice"), QStringLiteral("demo"), kNow - 20, kNow + 60)));
        QVERIFY(f.history.append(entry(QStringLiteral("bob"), QStringLiteral("demo"), kNow - 10, kNow + 60)));
        ui::HistoryPage page(f.context);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* table = child<QTableView>(page, "historyTableView");
        auto* remove = child<QPushButton>(page, "deletePushButton");
        auto* clear = child<QPushButton>(page, "clearPushButton");
        QVERIFY(!remove->isEnabled());

        clickRow(table, 0);
        QVERIFY(remove->isEnabled());
        f.dialogs.confirmAnswer = false;
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(storedIdentities(f.history).size(), 2);
        f.dialogs.confirmAnswer = true;
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(storedIdentities(f.history), QStringList{QStringLiteral("alice")});
        QCOMPARE(column(table, HistoryModel::IdentityColumn), QStringList{QStringLiteral("alice")});

        f.dialogs.confirmAnswer = false;
        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(storedIdentities(f.history).size(), 1);
        f.dialogs.confirmAnswer = true;
        QTest::mouseClick(clear, Qt::LeftButton);
        QVERIFY(storedIdentities(f.history).isEmpty());
        QVERIFY(child<QLabel>(page, "emptyLabel")->isVisible());
        QVERIFY(!clear->isEnabled());
    }

    void selectionSurvivesAReload()
    {
        test::TestContext f;
        QVERIFY(f.history.append(entry(QStringLiteral("alice"), QStringLiteral("demo"), kNow - 20, kNow + 60)));
        ui::HistoryPage page(f.context);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* table = child<QTableView>(page, "historyTableView");
        clickRow(table, 0);
        // The Mint page records a new mint while this page is open.
        QVERIFY(f.history.append(entry(QStringLiteral("bob"), QStringLiteral("demo"), kNow, kNow + 60)));
        QCOMPARE(column(table, HistoryModel::IdentityColumn),
                 (QStringList{QStringLiteral("bob"), QStringLiteral("alice")}));
        const QModelIndexList selected = table->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(cell(table, selected.first().row(), HistoryModel::IdentityColumn), QStringLiteral("alice"));
    }

    void damagedLineIsReportedNotFatal()
    {
        test::TestContext f;
        QVERIFY(f.history.append(entry(QStringLiteral("alice"), QStringLiteral("demo"), kNow, kNow + 60)));
        {
            QFile file(f.history.path());
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
            file.write("{\"id\": \"x\", \"provider\": \n");
        }
        ui::HistoryPage page(f.context);
        page.show();
        QCOMPARE(column(child<QTableView>(page, "historyTableView"), HistoryModel::IdentityColumn),
                 QStringList{QStringLiteral("alice")});
        auto* status = child<QLabel>(page, "statusLabel");
        QVERIFY(status->isVisible());
        QVERIFY2(status->text().contains(QStringLiteral("1 damaged line")), qPrintable(status->text()));
        QVERIFY(f.dialogs.errors.isEmpty());
    }

    void copyTokenOnlyForKeptTokens()
    {
        test::TestContext f;
        QVERIFY(f.history.append(entry(QStringLiteral("metadata-only"), QStringLiteral("demo"), kNow - 20, kNow + 60)));
        QVERIFY(f.history.append(entry(QStringLiteral("kept"), QStringLiteral("demo"), kNow - 10, kNow + 60,
                                       QStringLiteral("eyJhbGciOi.copied.sig"))));
        f.settings.setClipboardClearSeconds(30);
        QGuiApplication::clipboard()->setText(QStringLiteral("before"));
        ui::HistoryPage page(f.context);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* table = child<QTableView>(page, "historyTableView");
        auto* copy = child<QPushButton>(page, "copyTokenPushButton");
        QVERIFY(!copy->isEnabled());
        clickRow(table, 1);
        QCOMPARE(cell(table, 1, HistoryModel::IdentityColumn), QStringLiteral("metadata-only"));
        QVERIFY(!copy->isEnabled());
        clickRow(table, 0);
        QVERIFY(copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("eyJhbGciOi.copied.sig"));
        QCOMPARE(f.clipboard.secondsLeft(), 30);
        QVERIFY(child<QLabel>(page, "statusLabel")->text().contains(QStringLiteral("30")));
        f.clipboard.clearNow();
    }

    void keepTokensSettingAndForgettingKeptTokens()
    {
        test::TestContext f;
        f.settings.setHistoryStoresTokens(true);
        QVERIFY(f.history.append(entry(QStringLiteral("kept"), QStringLiteral("demo"), kNow, kNow + 60,
                                       QStringLiteral("eyJhbGciOi.kept.sig"))));
        ui::HistoryPage page(f.context);
        page.show();
        auto* keep = child<QCheckBox>(page, "keepTokensCheckBox");
        QVERIFY(keep->isChecked());
        QVERIFY(child<QLabel>(page, "keepTokensWarningLabel")->text().contains(QStringLiteral("credentials")));

        // Off, but the user keeps the tokens already recorded.
        f.dialogs.confirmAnswer = false;
        QTest::keyClick(keep, Qt::Key_Space);
        QVERIFY(!f.settings.historyStoresTokens());
        QCOMPARE(f.history.load()->first().token, QStringLiteral("eyJhbGciOi.kept.sig"));

        QTest::keyClick(keep, Qt::Key_Space);
        QVERIFY(f.settings.historyStoresTokens());

        // Off, and the recorded tokens go; the metadata stays.
        f.dialogs.confirmAnswer = true;
        QTest::keyClick(keep, Qt::Key_Space);
        QVERIFY(!f.settings.historyStoresTokens());
        QCOMPARE(storedIdentities(f.history), QStringList{QStringLiteral("kept")});
        QVERIFY(f.history.load()->first().token.isEmpty());
        QCOMPARE(cell(child<QTableView>(page, "historyTableView"), 0, HistoryModel::TokenColumn), QStringLiteral("no"));
    }

    void everyControlIsNamed()
    {
        test::TestContext f;
        ui::HistoryPage page(f.context);
        for (const char* objectName :
             {"filterLineEdit", "historyTableView", "remintPushButton", "copyTokenPushButton", "deletePushButton",
              "clearPushButton", "exportPushButton", "retentionSpinBox", "keepTokensCheckBox"}) {
            auto* widget = child<QWidget>(page, objectName);
            QVERIFY2(widget, objectName);
            QVERIFY2(!widget->accessibleName().isEmpty(), objectName);
        }
    }
};

QTEST_MAIN(TestHistoryPage)
#include "tst_history_page.moc"
