// SPDX-License-Identifier: MIT
// The Batch page driven as a QA engineer would: paste rows from a spreadsheet, mint them all, see errors and
// warnings in place, cancel a long run, import and export files, and build a permission matrix.
#include "core/inspect/TokenInspector.h"
#include "core/csv/Csv.h"
#include "core/jwt/Jwt.h"
#include "core/providers/zego/Token04.h"
#include "core/history/HistoryStore.h"
#include "core/mint/MintPlan.h"
#include "tests/support/TestContext.h"
#include "tests/support/TestData.h"
#include "ui/batch/BatchPage.h"
#include "ui/batch/BatchTab.h"
#include "ui/batch/BatchTableModel.h"
#include "ui/batch/MatrixTab.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QApplication>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace td;

namespace {

const QByteArray kSecret = "batch-page-secret-0123456789abcdef";

void addLiveKitProfile(test::TestContext& ctx)
{
    credentials::Profile p;
    p.name = QStringLiteral("lk");
    p.provider = Provider::LiveKit;
    p.apiKey = QStringLiteral("APIpage");
    p.room = QStringLiteral("lobby");
    p.serverUrl = QStringLiteral("wss://demo.example.com");
    QVERIFY(ctx.profiles.save(p, {{QStringLiteral("apiSecret"), kSecret}}));
    QVERIFY(ctx.profiles.reload());
}

/** Enough rows that a run is still going when the test acts on it. */
void fillWithManyRows(ui::BatchTab* tab)
{
    QList<QStringList> rows;
    for (int i = 0; i < 200000; ++i)
        rows << QStringList{QStringLiteral("user-%1").arg(i)};
    tab->model()->setTable({QStringLiteral("identity")}, rows);
}

/** A Batch page shown with the LiveKit profile "lk" selected. */
struct LiveKitPage {
    test::TestContext ctx;
    ui::BatchPage page{(addLiveKitProfile(ctx), ctx.context)};
    LiveKitPage() { page.show(); }
};

void addOtherProfiles(test::TestContext& ctx)
{
    credentials::Profile zego;
    zego.name = QStringLiteral("zg");
    zego.provider = Provider::Zego;
    zego.appId = QStringLiteral("1234567890");
    zego.room = QStringLiteral("lobby");
    QVERIFY(ctx.profiles.save(
        zego, {{QStringLiteral("serverSecret"), QByteArrayLiteral("0123456789abcdef0123456789abcdef")}}));
    credentials::Profile jitsi;
    jitsi.name = QStringLiteral("meet");
    jitsi.provider = Provider::Jitsi;
    jitsi.environment = QStringLiteral("prod");
    jitsi.appId = QStringLiteral("tokendesk");
    jitsi.serverUrl = QStringLiteral("https://meet.example.org");
    jitsi.room = QStringLiteral("all-hands");
    QVERIFY(ctx.profiles.save(jitsi, {{QStringLiteral("appSecret"), QByteArrayLiteral("a-prosody-app-secret")}}));
    QVERIFY(ctx.profiles.reload());
}

void choose(QWidget* tab, const char* comboBox, const QString& profile)
{
    auto* box = tab->findChild<QComboBox*>(QLatin1String(comboBox));
    QVERIFY(box);
    const int at = box->findData(profile);
    QVERIFY2(at >= 0, qPrintable(profile));
    box->setCurrentIndex(at);
}

/** The controls under `root` a screen reader cannot name (the same rule as tst_main_window's). */
QStringList unnamedControls(QWidget* root)
{
    QStringList unnamed;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        const bool input = qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w) ||
                           qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QPlainTextEdit*>(w) ||
                           qobject_cast<QAbstractButton*>(w) || qobject_cast<QAbstractItemView*>(w);
        QWidget* owner = w->parentWidget();
        if (!input || !w->isVisibleTo(root) || qobject_cast<QComboBox*>(owner) ||
            qobject_cast<QAbstractSpinBox*>(owner) || qobject_cast<QLineEdit*>(owner) ||
            qobject_cast<QAbstractItemView*>(owner) ||
            qobject_cast<QAbstractItemView*>(owner ? owner->parentWidget() : nullptr) ||
            qobject_cast<QTabWidget*>(owner))
            continue;
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty() || w->objectName().isEmpty())
            unnamed << QString::fromLatin1(w->metaObject()->className()) + QLatin1Char('#') + w->objectName();
    }
    return unnamed;
}

QJsonObject payloadOf(const QString& token)
{
    auto decoded = jwt::decode(token.toLatin1());
    return decoded ? decoded->payload : QJsonObject();
}

} // namespace

class TestBatchPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pastedRowsMintWithErrorsAndWarningsInPlace()
    {
        LiveKitPage f;
        auto& ctx = f.ctx;
        ui::BatchTab* tab = f.page.batchTab();
        ui::BatchTableModel* model = tab->model();
        model->setTable(model->headers(), {});
        QGuiApplication::clipboard()->setText(QStringLiteral("identity\tname\troom\tgrants\n"
                                                             "ann\tAnn\tstage\t\n"
                                                             "bob\tBob\t\tcanPublishh=true\n"
                                                             "ann\tAnn again\tstage\t\n"
                                                             "cy\tCy\t\tcanPublish=false\n"));
        auto* table = tab->findChild<QTableView*>(QStringLiteral("rowsTableView"));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(model->rowCount(), 4);
        QVERIFY(model->headers().contains(QStringLiteral("grants")));
        QCOMPARE(model->data(model->index(1, 0)).toString(), QStringLiteral("bob"));

        QTest::mouseClick(tab->findChild<QPushButton*>(QStringLiteral("runPushButton")), Qt::LeftButton);
        QSignalSpy finished(tab, &ui::BatchTab::runFinished);
        QVERIFY(finished.wait(20000));
        const int token = model->resultColumn(ui::BatchTableModel::TokenResult);
        const int error = model->resultColumn(ui::BatchTableModel::ErrorResult);
        const QJsonObject ann = payloadOf(model->data(model->index(0, token)).toString());
        QCOMPARE(ann.value(QStringLiteral("sub")).toString(), QStringLiteral("ann"));
        QCOMPARE(ann.value(QStringLiteral("video")).toObject().value(QStringLiteral("room")).toString(),
                 QStringLiteral("stage"));
        // bob's typo stays with bob; the others mint.
        QVERIFY(model->data(model->index(1, token)).toString().isEmpty());
        QVERIFY(model->data(model->index(1, error)).toString().contains(QStringLiteral("did you mean \"canPublish\"")));
        QVERIFY(model->data(model->index(1, 0), Qt::ToolTipRole).toString().startsWith(QStringLiteral("Line 3:")));
        QVERIFY(model->data(model->index(1, 0), Qt::BackgroundRole).isValid());
        QVERIFY(model->data(model->index(2, error)).toString().contains(QStringLiteral("is also on line 2")));
        const QJsonObject cy = payloadOf(model->data(model->index(3, token)).toString());
        QCOMPARE(cy.value(QStringLiteral("video")).toObject().value(QStringLiteral("room")).toString(),
                 QStringLiteral("lobby"));
        QCOMPARE(cy.value(QStringLiteral("video")).toObject().value(QStringLiteral("canPublish")), QJsonValue(false));
        QVERIFY(model->data(model->index(3, model->resultColumn(ui::BatchTableModel::LinkResult)))
                    .toString()
                    .startsWith(QStringLiteral("https://meet.livekit.io/custom?liveKitUrl=")));
        QCOMPARE(tab->findChild<QLabel*>(QStringLiteral("summaryLabel"))->text(),
                 QStringLiteral("4 row(s) · 3 minted, 1 failed, 1 warnings"));
        // The token verifies with the profile's secret.
        VerifyCredentials c;
        c.provider = Provider::LiveKit;
        c.apiKey = QStringLiteral("APIpage");
        c.secret = kSecret;
        auto inspection =
            TokenInspector(ctx.clock).inspect(model->data(model->index(0, token)).toString().toLatin1(), c);
        QVERIFY(inspection && inspection->signature == SignatureState::Valid);

        // The three rows that got a token are in History, each with a plan History can mint again.
        const auto recorded = ctx.history.load();
        QVERIFY(recorded);
        QCOMPARE(recorded->size(), 3);
        QStringList identities;
        for (const history::HistoryEntry& e : *recorded) {
            identities << e.identity;
            QCOMPARE(e.profile, QStringLiteral("lk"));
            QVERIFY(mint::MintPlan::fromJson(e.plan));
        }
        identities.sort();
        QCOMPARE(identities, QStringList({QStringLiteral("ann"), QStringLiteral("ann"), QStringLiteral("cy")}));
    }

    void cancelKeepsTheRowsDone()
    {
        LiveKitPage f;
        ui::BatchTab* tab = f.page.batchTab();
        fillWithManyRows(tab);
        QSignalSpy finished(tab, &ui::BatchTab::runFinished);
        tab->run();
        auto* progress = tab->findChild<QProgressBar*>(QStringLiteral("batchProgressBar"));
        QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, 20000);
        QTest::mouseClick(tab->findChild<QPushButton*>(QStringLiteral("cancelPushButton")), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        const int done = progress->value();
        QVERIFY2(done > 0 && done < 200000, qPrintable(QString::number(done)));
        QVERIFY(tab->model()->result(done - 1) && tab->model()->result(done - 1)->ok());
        QVERIFY(!tab->model()->result(done));
        QVERIFY(tab->findChild<QPushButton*>(QStringLiteral("runPushButton"))->isEnabled());
    }

    void importAndExportFiles()
    {
        LiveKitPage f;
        auto& ctx = f.ctx;
        ui::BatchTab* tab = f.page.batchTab();
        const QString in = ctx.dir.filePath(QStringLiteral("in.csv"));
        test::writeFile(in, "identity,room,notes\nann,r,\"two\nlines\"\n,r,\n");
        ctx.dialogs.fileNames.enqueue(in);
        QTest::mouseClick(tab->findChild<QPushButton*>(QStringLiteral("importPushButton")), Qt::LeftButton);
        QCOMPARE(tab->model()->rowCount(), 2);
        QCOMPARE(tab->model()->data(tab->model()->index(0, 2)).toString(), QStringLiteral("two\nlines"));
        QSignalSpy finished(tab, &ui::BatchTab::runFinished);
        tab->run();
        QVERIFY(finished.wait(20000));
        // The error cites the file's line (the quoted field took two lines).
        QCOMPARE(tab->model()->result(1)->line, 4);
        QVERIFY(!tab->model()->result(1)->ok());

        const QString out = ctx.dir.filePath(QStringLiteral("out.csv"));
        ctx.dialogs.fileNames.enqueue(out);
        QTest::mouseClick(tab->findChild<QPushButton*>(QStringLiteral("exportPushButton")), Qt::LeftButton);
        QVERIFY(test::isPrivateFile(out));
        auto records = csv::parseText(test::readFile(out));
        QVERIFY(records);
        QCOMPARE(records->at(0).fields,
                 (QStringList{QStringLiteral("identity"), QStringLiteral("room"), QStringLiteral("notes"),
                              QStringLiteral("token"), QStringLiteral("joinLink"), QStringLiteral("expiresAt"),
                              QStringLiteral("summary"), QStringLiteral("error")}));
        QCOMPARE(payloadOf(records->at(1).fields.at(3)).value(QStringLiteral("sub")).toString(), QStringLiteral("ann"));
        QVERIFY(records->at(2).fields.at(7).startsWith(QStringLiteral("identity:")));
    }

    void matrixGeneratesEveryCombinationAndExports()
    {
        test::TestContext ctx;
        addLiveKitProfile(ctx);
        ui::BatchPage page(ctx.context);
        page.show();
        ui::MatrixTab* tab = page.matrixTab();
        // Vary two boolean dimensions only.
        for (QCheckBox* box : tab->findChildren<QCheckBox*>()) {
            const QString key = box->property("dimension").toString();
            box->setChecked(key == QStringLiteral("canPublish") || key == QStringLiteral("hidden"));
        }
        QCOMPARE(tab->findChild<QLabel*>(QStringLiteral("countLabel"))->text(), QStringLiteral("4 combination(s)"));
        QTest::mouseClick(tab->findChild<QPushButton*>(QStringLiteral("generatePushButton")), Qt::LeftButton);
        auto* table = tab->findChild<QTableWidget*>(QStringLiteral("matrixTableWidget"));
        QCOMPARE(table->rowCount(), 4);
        QVERIFY(tab->matrix());
        QCOMPARE(tab->matrix()->room, QStringLiteral("lobby")); // the profile's room
        bool sawNoPublish = false;
        for (int r = 0; r < table->rowCount(); ++r)
            sawNoPublish = sawNoPublish || table->item(r, 3)->text().contains(QStringLiteral("cannot publish camera"));
        QVERIFY(sawNoPublish);
        const QString out = ctx.dir.filePath(QStringLiteral("matrix.html"));
        ctx.dialogs.fileNames.enqueue(out);
        QTest::mouseClick(tab->findChild<QPushButton*>(QStringLiteral("exportMatrixPushButton")), Qt::LeftButton);
        QVERIFY(test::isPrivateFile(out));
        QCOMPARE(test::readFile(out).count("<section class=\"row\""), 4);
    }

    void ctrlFFindsRows()
    {
        LiveKitPage f;
        ui::BatchTab* tab = f.page.batchTab();
        tab->pasteText(QStringLiteral("identity,room\nann,stage\nbob,lobby\ncyd,stage-2\n"));
        f.page.show();
        f.page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&f.page));
        auto* table = tab->findChild<QTableView*>(QStringLiteral("rowsTableView"));
        auto* find = tab->findChild<QLineEdit*>(QStringLiteral("findLineEdit"));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), find);
        QTest::keyClicks(find, QStringLiteral("STAGE"));
        QCOMPARE(table->currentIndex().row(), 0);
        QTest::keyClick(find, Qt::Key_Return); // the next match
        QCOMPARE(table->currentIndex().row(), 2);
        QTest::keyClick(find, Qt::Key_Return); // wraps to the first
        QCOMPARE(table->currentIndex().row(), 0);
        QTest::keyClick(find, Qt::Key_Escape);
        QVERIFY(find->text().isEmpty());
        QCOMPARE(QApplication::focusWidget(), table);
    }

    void pasteWithoutAHeaderFillsColumnsFromTheCurrentCell()
    {
        LiveKitPage f;
        ui::BatchTab* tab = f.page.batchTab();
        ui::BatchTableModel* model = tab->model();
        // A new table's blank rows are filled from the top, not pushed down.
        QCOMPARE(model->rowCount(), 3);
        tab->pasteText(QStringLiteral("identity,room\nann,stage\n"));
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->data(model->index(0, 0)).toString(), QStringLiteral("ann"));
        QCOMPARE(model->data(model->index(0, 2)).toString(), QStringLiteral("stage"));

        // Without a header the cells go right of the current cell: here name, room, preset, ttl; the sixth
        // field has no column and is left out (not piled into ttl).
        auto* table = tab->findChild<QTableView*>(QStringLiteral("rowsTableView"));
        table->setCurrentIndex(model->index(1, 1));
        tab->pasteText(QStringLiteral("Bob\troom-b\tviewer\t10m\textra\nCy\troom-c\n"));
        QCOMPARE(model->data(model->index(1, 1)).toString(), QStringLiteral("Bob"));
        QCOMPARE(model->data(model->index(1, 2)).toString(), QStringLiteral("room-b"));
        QCOMPARE(model->data(model->index(1, 3)).toString(), QStringLiteral("viewer"));
        QCOMPARE(model->data(model->index(1, 4)).toString(), QStringLiteral("10m"));
        QVERIFY(model->data(model->index(1, 0)).toString().isEmpty());
        QCOMPARE(model->data(model->index(2, 1)).toString(), QStringLiteral("Cy"));
        QVERIFY(
            tab->findChild<QLabel*>(QStringLiteral("batchErrorLabel"))->text().contains(QStringLiteral("1 cell(s)")));

        // A header with an alias goes under the column it means, and adds the columns it names.
        tab->pasteText(QStringLiteral("user_id\tmetadata\ndee\t{\"team\":\"qa\"}\n"));
        QCOMPARE(model->headers().count(QStringLiteral("identity")), 1);
        QVERIFY(!model->headers().contains(QStringLiteral("user_id")));
        const int metadata = int(model->headers().indexOf(QStringLiteral("metadata")));
        QVERIFY(metadata > 4);
        QCOMPARE(model->rowCount(), 4);
        QCOMPARE(model->data(model->index(3, 0)).toString(), QStringLiteral("dee"));
        QCOMPARE(model->data(model->index(3, metadata)).toString(), QStringLiteral("{\"team\":\"qa\"}"));
    }

    void copyTokenGoesThroughTheClipboardGuard()
    {
        LiveKitPage f;
        auto& ctx = f.ctx;
        ui::BatchTab* tab = f.page.batchTab();
        tab->model()->setTable({QStringLiteral("identity")}, {{QStringLiteral("ann")}, {QStringLiteral("bob")}});
        QSignalSpy finished(tab, &ui::BatchTab::runFinished);
        tab->run();
        QVERIFY(finished.wait(20000));
        auto* table = tab->findChild<QTableView*>(QStringLiteral("rowsTableView"));
        table->setCurrentIndex(tab->model()->index(1, 0));
        QTest::mouseClick(tab->findChild<QPushButton*>(QStringLiteral("copyTokenPushButton")), Qt::LeftButton);
        const QString copied = QGuiApplication::clipboard()->text();
        QCOMPARE(payloadOf(copied).value(QStringLiteral("sub")).toString(), QStringLiteral("bob"));
        QVERIFY(ctx.clipboard.secondsLeft() > 0); // the guard will take it back
    }

    void aRunLocksTheRowsUntilItEnds()
    {
        LiveKitPage f;
        ui::BatchTab* tab = f.page.batchTab();
        fillWithManyRows(tab);
        QSignalSpy finished(tab, &ui::BatchTab::runFinished);
        tab->run();
        auto* table = tab->findChild<QTableView*>(QStringLiteral("rowsTableView"));
        for (const char* button : {"addRowPushButton", "removeRowsPushButton", "pastePushButton", "importPushButton",
                                   "exportPushButton", "runPushButton"})
            QVERIFY2(!tab->findChild<QPushButton*>(QLatin1String(button))->isEnabled(), button);
        QCOMPARE(table->editTriggers(), QAbstractItemView::NoEditTriggers);
        tab->pasteText(QStringLiteral("identity\nintruder\n"));
        QCOMPARE(tab->model()->rowCount(), 200000);
        tab->cancel();
        QVERIFY(finished.wait(20000));
        QVERIFY(tab->findChild<QPushButton*>(QStringLiteral("addRowPushButton"))->isEnabled());
        QVERIFY(table->editTriggers() != QAbstractItemView::NoEditTriggers);
    }

    void importedRowsKeepTheReadersProblem()
    {
        LiveKitPage f;
        auto& ctx = f.ctx;
        ui::BatchTab* tab = f.page.batchTab();
        const QString in = ctx.dir.filePath(QStringLiteral("short.csv"));
        // Line 3 lost its grants field: the CLI refuses it rather than mint it without its restriction.
        test::writeFile(in, "identity,room,grants\nann,r,canPublish=false\nbob,r\n");
        QVERIFY(tab->importFile(in));
        QCOMPARE(tab->model()->rowCount(), 2);
        QVERIFY(tab->model()
                    ->data(tab->model()->index(1, 0), Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("Line 3:")));
        QSignalSpy finished(tab, &ui::BatchTab::runFinished);
        tab->run();
        QVERIFY(finished.wait(20000));
        QVERIFY(tab->model()->result(0)->ok());
        QCOMPARE(tab->model()->result(1)->line, 3);
        QVERIFY2(tab->model()->result(1)->error.contains(QStringLiteral("2 fields, but the header has 3")),
                 qPrintable(tab->model()->result(1)->error));
        // Once the user edits the row, it is theirs: it mints.
        QVERIFY(tab->model()->setData(tab->model()->index(1, 2), QStringLiteral("canPublish=false")));
        tab->run();
        QVERIFY(finished.wait(20000));
        QVERIFY(tab->model()->result(1)->ok());
    }

    void importedJsonValuesKeepTheirType()
    {
        test::TestContext ctx;
        addOtherProfiles(ctx);
        ui::BatchPage page(ctx.context);
        page.show();
        ui::BatchTab* tab = page.batchTab();
        choose(tab, "profileComboBox", QStringLiteral("zg"));
        const QString in = ctx.dir.filePath(QStringLiteral("rows.jsonl"));
        test::writeFile(in, "{\"identity\":\"ann\",\"publish\":true,\"streams\":[\"cam-1\",\"cam-2\"]}\n"
                            "{\"identity\":\"bob\",\"publish\":true,\"streams\":[\"cam-3\"]}\n");
        QVERIFY(tab->importFile(in));
        ui::BatchTableModel* model = tab->model();
        const int streams = int(model->headers().indexOf(QStringLiteral("streams")));
        QCOMPARE(model->data(model->index(0, streams)).toString(), QStringLiteral("[\"cam-1\",\"cam-2\"]"));
        // bob's list is edited: from then on the cell is text, in the text form of a list.
        QVERIFY(model->setData(model->index(1, streams), QStringLiteral("cam-3+cam-4")));
        QSignalSpy finished(tab, &ui::BatchTab::runFinished);
        tab->run();
        QVERIFY(finished.wait(20000));
        const auto streamsOf = [&](int row) {
            const batch::RowResult* r = model->result(row);
            auto envelope = zego::parseToken04(r->token);
            auto plain = envelope
                             ? zego::decryptToken04(*envelope, QByteArrayLiteral("0123456789abcdef0123456789abcdef"))
                             : Result<zego::Token04Plaintext>(std::unexpected(envelope.error()));
            if (!plain || !plain->payload)
                return QJsonValue();
            return QJsonDocument::fromJson(plain->payload->toUtf8()).object().value(QStringLiteral("stream_id_list"));
        };
        QVERIFY2(model->result(0)->ok(), qPrintable(model->result(0)->error));
        QVERIFY2(model->result(1)->ok(), qPrintable(model->result(1)->error));
        // The imported list is a list of two ids, not the text ["cam-1" and "cam-2"] read as a text list.
        QCOMPARE(streamsOf(0), QJsonValue(QJsonArray{QStringLiteral("cam-1"), QStringLiteral("cam-2")}));
        QCOMPARE(streamsOf(1), QJsonValue(QJsonArray{QStringLiteral("cam-3"), QStringLiteral("cam-4")}));
    }

    void prodProfilesSayGoldenOutputIsRefused()
    {
        test::TestContext ctx;
        addLiveKitProfile(ctx);
        addOtherProfiles(ctx);
        ui::BatchPage page(ctx.context);
        page.show();
        ui::BatchTab* tab = page.batchTab();
        auto* note = tab->findChild<QLabel*>(QStringLiteral("prodNoteLabel"));
        choose(tab, "profileComboBox", QStringLiteral("lk"));
        QVERIFY(!note->isVisible());
        choose(tab, "profileComboBox", QStringLiteral("meet"));
        QVERIFY(note->isVisible());
        // The Add column menu offers the provider's columns that are not there yet.
        QStringList offered;
        for (QAction* a : tab->findChild<QToolButton*>(QStringLiteral("addColumnToolButton"))->menu()->actions())
            offered << a->text();
        QCOMPARE(offered, (QStringList{QStringLiteral("moderator"), QStringLiteral("features"), QStringLiteral("email"),
                                       QStringLiteral("avatar")}));
    }

    void matrixVariesTheChosenJitsiFeatures()
    {
        test::TestContext ctx;
        addOtherProfiles(ctx);
        ui::BatchPage page(ctx.context);
        page.show();
        page.findChild<QTabWidget*>(QStringLiteral("batchTabWidget"))->setCurrentIndex(1);
        ui::MatrixTab* tab = page.matrixTab();
        choose(tab, "matrixProfileComboBox", QStringLiteral("meet"));
        auto* features = tab->findChild<QListWidget*>(QStringLiteral("featuresListWidget"));
        QVERIFY(features->isVisibleTo(&page));
        for (int i = 0; i < features->count(); ++i)
            features->item(i)->setCheckState(features->item(i)->text() == QStringLiteral("recording") ? Qt::Checked
                                                                                                      : Qt::Unchecked);
        QVERIFY(tab->findChild<QCheckBox*>(QStringLiteral("featureRecordingCheckBox")));
        QVERIFY(!tab->findChild<QCheckBox*>(QStringLiteral("featureLivestreamingCheckBox")));
        for (QCheckBox* box : tab->findChildren<QCheckBox*>())
            box->setChecked(true);
        QCOMPARE(tab->findChild<QLabel*>(QStringLiteral("countLabel"))->text(), QStringLiteral("4 combination(s)"));
        QVERIFY(tab->generate());
        QCOMPARE(tab->matrix()->rows.size(), 4);
        QCOMPARE(tab->matrix()->room, QStringLiteral("all-hands"));
        for (const batch::MatrixRow& row : tab->matrix()->rows)
            QVERIFY2(row.error.isEmpty() && !row.token.isEmpty(), qPrintable(row.error));

        // A TTL that is not a duration is said, not silently replaced by the default.
        tab->findChild<QLineEdit*>(QStringLiteral("matrixTtlLineEdit"))->setText(QStringLiteral("soon"));
        QVERIFY(!tab->generate());
        QVERIFY(tab->findChild<QLabel*>(QStringLiteral("matrixErrorLabel"))->text().startsWith(QStringLiteral("TTL:")));
    }

    void everyControlHasAnAccessibleName()
    {
        test::TestContext ctx;
        addLiveKitProfile(ctx);
        addOtherProfiles(ctx);
        ui::BatchPage page(ctx.context);
        page.show();
        auto* tabs = page.findChild<QTabWidget*>(QStringLiteral("batchTabWidget"));
        QStringList unnamed = unnamedControls(&page);
        tabs->setCurrentIndex(1);
        for (const QString& profile : {QStringLiteral("lk"), QStringLiteral("zg"), QStringLiteral("meet")}) {
            choose(page.matrixTab(), "matrixProfileComboBox", profile);
            QVERIFY(page.matrixTab()->generate());
            // The provider's own controls are among those checked: the dimensions, and its values or features.
            QVERIFY(!page.matrixTab()->findChildren<QCheckBox*>().isEmpty());
            QVERIFY(page.matrixTab()
                        ->findChild<QWidget*>(profile == QStringLiteral("meet") ? QStringLiteral("featuresListWidget")
                                                                                : QStringLiteral("valuesLineEdit"))
                        ->isVisibleTo(&page));
            for (const QString& name : unnamedControls(&page))
                unnamed << profile + QLatin1Char('/') + name;
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestBatchPage)
#include "tst_batch_page.moc"
