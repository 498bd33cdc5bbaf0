// SPDX-License-Identifier: MIT
// The Batch page driven as a QA engineer would: paste rows from a spreadsheet, mint them all, see errors and
// warnings in place, cancel a long run, import and export files, and build a permission matrix.
#include "core/inspect/TokenInspector.h"
#include "core/csv/Csv.h"
#include "core/jwt/Jwt.h"
#include "tests/support/TestContext.h"
#include "tests/support/TestData.h"
#include "ui/batch/BatchPage.h"
#include "ui/batch/BatchTab.h"
#include "ui/batch/BatchTableModel.h"
#include "ui/batch/MatrixTab.h"

#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QSignalSpy>
#include <QTest>

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
        test::TestContext ctx;
        addLiveKitProfile(ctx);
        ui::BatchPage page(ctx.context);
        page.show();
        ui::BatchTab* tab = page.batchTab();
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
        QCOMPARE(ann.value(QStringLiteral("video")).toObject().value(QStringLiteral("room")).toString(), QStringLiteral("stage"));
        // bob's typo stays with bob; the others mint.
        QVERIFY(model->data(model->index(1, token)).toString().isEmpty());
        QVERIFY(model->data(model->index(1, error)).toString().contains(QStringLiteral("did you mean \"canPublish\"")));
        QVERIFY(model->data(model->index(1, 0), Qt::ToolTipRole).toString().startsWith(QStringLiteral("Line 3:")));
        QVERIFY(model->data(model->index(1, 0), Qt::BackgroundRole).isValid());
        QVERIFY(model->data(model->index(2, error)).toString().contains(QStringLiteral("is also on line 2")));
        const QJsonObject cy = payloadOf(model->data(model->index(3, token)).toString());
        QCOMPARE(cy.value(QStringLiteral("video")).toObject().value(QStringLiteral("room")).toString(), QStringLiteral("lobby"));
        QCOMPARE(cy.value(QStringLiteral("video")).toObject().value(QStringLiteral("canPublish")), QJsonValue(false));
        QVERIFY(model->data(model->index(3, model->resultColumn(ui::BatchTableModel::LinkResult))).toString()
                    .startsWith(QStringLiteral("https://meet.livekit.io/custom?liveKitUrl=")));
        QCOMPARE(tab->findChild<QLabel*>(QStringLiteral("summaryLabel"))->text(),
                 QStringLiteral("4 row(s) · 3 minted, 1 failed, 1 warnings"));
        // The token verifies with the profile's secret.
        VerifyCredentials c;
        c.provider = Provider::LiveKit;
        c.apiKey = QStringLiteral("APIpage");
        c.secret = kSecret;
        auto inspection = TokenInspector(ctx.clock).inspect(model->data(model->index(0, token)).toString().toLatin1(), c);
        QVERIFY(inspection && inspection->signature == SignatureState::Valid);
    }

    void cancelKeepsTheRowsDone()
    {
        test::TestContext ctx;
        addLiveKitProfile(ctx);
        ui::BatchPage page(ctx.context);
        page.show();
        ui::BatchTab* tab = page.batchTab();
        QList<QStringList> rows;
        for (int i = 0; i < 200000; ++i)
            rows << QStringList{QStringLiteral("user-%1").arg(i)};
        tab->model()->setTable({QStringLiteral("identity")}, rows);
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
        test::TestContext ctx;
        addLiveKitProfile(ctx);
        ui::BatchPage page(ctx.context);
        page.show();
        ui::BatchTab* tab = page.batchTab();
        const QString in = ctx.dir.filePath(QStringLiteral("in.csv"));
        {
            QFile f(in);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("identity,room,notes\nann,r,\"two\nlines\"\n,r,\n");
        }
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
        QCOMPARE(records->at(0).fields, (QStringList{QStringLiteral("identity"), QStringLiteral("room"), QStringLiteral("notes"),
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
};

QTEST_MAIN(TestBatchPage)
#include "tst_batch_page.moc"
