// SPDX-License-Identifier: MIT
// The main window as a user meets it: five pages with shortcuts, the settings dialog, and switching to zh_TW.
#include "core/credentials/VaultSecretStore.h"
#include "tests/support/TestContext.h"
#include "tests/support/TestData.h"
#include "ui/MainWindow.h"
#include "ui/common/Section.h"
#include "ui/common/Theme.h"
#include "ui/common/Translations.h"
#include "ui/common/Widgets.h"
#include "ui/batch/BatchPage.h"
#include "ui/batch/BatchTab.h"
#include "ui/batch/BatchTableModel.h"
#include "ui/mint/MintPage.h"
#include "ui/server/ServerPage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSpinBox>
#include <QEventLoop>
#include <QFile>
#include <QGroupBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTableView>
#include <QHash>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTemporaryDir>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QApplication>
#include <QPalette>

using namespace td;

namespace {

QStringList navigationTexts(const ui::MainWindow& window)
{
    QStringList out;
    const auto* nav = window.findChild<QListWidget*>(QStringLiteral("navigationListWidget"));
    for (int i = 0; i < nav->count(); ++i)
        out << nav->item(i)->text();
    return out;
}

/** A window with one profile of each provider: LiveKit, ZEGOCLOUD, self-hosted Jitsi and JaaS. */
void addOneProfileOfEach(test::TestContext& ctx)
{
    credentials::Profile lk;
    lk.name = QStringLiteral("lk");
    lk.provider = Provider::LiveKit;
    lk.apiKey = QStringLiteral("APIwindowTest");
    lk.serverUrl = QStringLiteral("wss://example.livekit.cloud");
    lk.room = QStringLiteral("standup");
    QVERIFY(
        ctx.profiles.save(lk, {{QStringLiteral("apiSecret"), QByteArrayLiteral("a-secret-for-the-window-test-0123")}}));
    credentials::Profile zego;
    zego.name = QStringLiteral("zg");
    zego.provider = Provider::Zego;
    zego.appId = QStringLiteral("1234567890");
    QVERIFY(ctx.profiles.save(
        zego, {{QStringLiteral("serverSecret"), QByteArrayLiteral("0123456789abcdef0123456789abcdef")}}));
    credentials::Profile jitsi;
    jitsi.name = QStringLiteral("meet");
    jitsi.provider = Provider::Jitsi;
    jitsi.appId = QStringLiteral("tokendesk");
    jitsi.serverUrl = QStringLiteral("https://meet.example.org");
    QVERIFY(ctx.profiles.save(jitsi, {{QStringLiteral("appSecret"), QByteArrayLiteral("a-prosody-app-secret")}}));
    credentials::Profile jaas;
    jaas.name = QStringLiteral("jaas");
    jaas.provider = Provider::Jaas;
    jaas.appId = QStringLiteral("vpaas-magic-cookie-0123456789abcdef0123456789abcdef");
    jaas.keyId = jaas.appId + QStringLiteral("/4f4910");
    jaas.serverUrl = QStringLiteral("https://8x8.vc");
    QVERIFY(
        ctx.profiles.save(jaas, {{QStringLiteral("privateKey"),
                                  test::readFile(QStringLiteral(TOKENDESK_TEST_DATA_DIR "/pem/rsa2048-pkcs8.pem"))}}));
    credentials::Profile stream;
    stream.name = QStringLiteral("st");
    stream.provider = Provider::Stream;
    stream.apiKey = QStringLiteral("streamwindowtest");
    QVERIFY(
        ctx.profiles.save(stream, {{QStringLiteral("apiSecret"), QByteArrayLiteral("a-stream-secret-0123456789")}}));
    credentials::Profile twilio;
    twilio.name = QStringLiteral("tw");
    twilio.provider = Provider::Twilio;
    twilio.appId = QStringLiteral("AC0123456789abcdef0123456789abcdef");
    twilio.apiKey = QStringLiteral("SK0123456789abcdef0123456789abcdef");
    QVERIFY(ctx.profiles.save(twilio, {{QStringLiteral("apiSecret"), QByteArrayLiteral("a-twilio-secret-0123456")}}));
    credentials::Profile hms;
    hms.name = QStringLiteral("hm");
    hms.provider = Provider::Hms;
    hms.apiKey = QStringLiteral("6421a1b2c3d4e5f6a7b8c9d0");
    QVERIFY(ctx.profiles.save(hms, {{QStringLiteral("apiSecret"), QByteArrayLiteral("a-100ms-secret-01234567")}}));
    credentials::Profile agora;
    agora.name = QStringLiteral("ag");
    agora.provider = Provider::Agora;
    agora.appId = QStringLiteral("970ca35de60c44645bbae8a215061b33");
    QVERIFY(ctx.profiles.save(agora,
                              {{QStringLiteral("apiSecret"), QByteArrayLiteral("5cfd2fd1755d40ecb72977518be15d3b")}}));
    credentials::Profile vonage;
    vonage.name = QStringLiteral("vo");
    vonage.provider = Provider::Vonage;
    vonage.appId = QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-0123456789ab");
    QVERIFY(ctx.profiles.save(vonage,
                              {{QStringLiteral("privateKey"),
                                test::readFile(QStringLiteral(TOKENDESK_TEST_DATA_DIR "/pem/rsa2048-pkcs8.pem"))}}));
}

/** Claims that mint for each provider (typed into the raw JSON view, which fills the form). */
QString claimsFor(const QString& profile)
{
    if (profile == QStringLiteral("zg"))
        return QStringLiteral(R"({"user_id": "u1", "payload": "", "cipher": "gcm"})");
    if (profile == QStringLiteral("lk"))
        return QStringLiteral(R"({"sub": "ann", "video": {"roomJoin": true, "room": "standup"}})");
    if (profile == QStringLiteral("st"))
        return QStringLiteral(R"({"user_id": "ann", "call_cids": ["default:standup"], "role": "host"})");
    if (profile == QStringLiteral("tw"))
        return QStringLiteral(R"({"identity": "ann", "video": {"room": "standup"}})");
    if (profile == QStringLiteral("vo"))
        return QStringLiteral(R"({"session_id": "2_MX4xMjM0NTY3OH5-demo", "role": "moderator"})");
    if (profile == QStringLiteral("ag"))
        return QStringLiteral(R"({"channel": "standup", "uid": 42, "role": "publisher"})");
    if (profile == QStringLiteral("hm"))
        return QStringLiteral(R"({"type": "app", "room_id": "6421a1b2c3d4e5f6a7b8c9ff", "user_id": "ann",
                          "role": "host"})");
    return QStringLiteral(R"({"room": "daily", "context": {"user": {"id": "ann", "name": "Ann",
                          "moderator": "true"}, "features": {"recording": "true"}}})");
}

/** The letter after a single '&' ("Copy &link" gives 'l'), lower-cased; a null QChar when there is none. */
QChar mnemonicOf(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i; // "&&" is a literal ampersand
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

/**
 * Alt+letter targets of what is on screen now: menu titles, buttons, labels with a buddy, group boxes and tab
 * titles of visible widgets, each with where it comes from; letters claimed twice are returned as "x: a, b".
 */
QStringList duplicateMnemonics(QMainWindow& window)
{
    QHash<QChar, QStringList> owners;
    auto claim = [&](const QString& text, const QString& where) {
        if (const QChar c = mnemonicOf(text); !c.isNull())
            owners[c] << where + QStringLiteral(" \"") + text + QLatin1Char('"');
    };
    for (QAction* menu : window.menuBar()->actions())
        claim(menu->text(), QStringLiteral("menu"));
    for (QWidget* w : window.centralWidget()->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(&window))
            continue;
        if (auto* b = qobject_cast<QAbstractButton*>(w))
            claim(b->text(), b->objectName());
        else if (auto* l = qobject_cast<QLabel*>(w); l && l->buddy())
            claim(l->text(), QStringLiteral("label of ") + l->buddy()->objectName());
        else if (auto* g = qobject_cast<QGroupBox*>(w))
            claim(g->title(), g->objectName());
        else if (auto* t = qobject_cast<QTabBar*>(w)) {
            for (int i = 0; i < t->count(); ++i)
                claim(t->tabText(i), QStringLiteral("tab"));
        }
    }
    QStringList out;
    for (auto it = owners.begin(); it != owners.end(); ++it) {
        if (it.value().size() > 1)
            out << QStringLiteral("%1: %2").arg(it.key(), it.value().join(QStringLiteral(", ")));
    }
    return out;
}

int httpStatus(const QString& url)
{
    QNetworkAccessManager network;
    QNetworkReply* reply = network.get(QNetworkRequest(QUrl(url)));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

void expandAllSections(QWidget* page)
{
    for (ui::Section* section : page->findChildren<ui::Section*>())
        section->setExpanded(true);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pagesAndShortcuts()
    {
        test::TestContext ctx;
        ui::Translations translations;
        translations.apply(QStringLiteral("en"));
        ui::MainWindow window(ctx.context, translations);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(navigationTexts(window),
                 (QStringList{QStringLiteral("Profiles"), QStringLiteral("Mint"), QStringLiteral("Inspect"),
                              QStringLiteral("Server"), QStringLiteral("History"), QStringLiteral("Batch")}));
        auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pagesStackedWidget"));
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QTRY_COMPARE(pages->currentWidget()->objectName(), QStringLiteral("serverPage"));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE(pages->currentWidget()->objectName(), QStringLiteral("mintPage"));
        // Every input on every page has a name for screen readers (its own, or its label's through the buddy).
        QStringList unnamed;
        for (int page = 0; page < pages->count(); ++page) {
            pages->setCurrentIndex(page);
            for (QWidget* w : pages->currentWidget()->findChildren<QWidget*>()) {
                const bool input = qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w) ||
                                   qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QPlainTextEdit*>(w) ||
                                   qobject_cast<QAbstractButton*>(w) || qobject_cast<QAbstractItemView*>(w);
                // Parts of a compound control (a spin box's line edit, a table's header, a line edit's action
                // button) are named through their owner.
                QWidget* owner = w->parentWidget();
                if (!input || !w->isVisibleTo(&window) || qobject_cast<QComboBox*>(owner) ||
                    qobject_cast<QAbstractSpinBox*>(owner) || qobject_cast<QLineEdit*>(owner) ||
                    qobject_cast<QAbstractItemView*>(owner) ||
                    qobject_cast<QAbstractItemView*>(owner ? owner->parentWidget() : nullptr))
                    continue;
                QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
                if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
                    unnamed << pages->currentWidget()->objectName() + QLatin1Char('/') +
                                   QString::fromLatin1(w->metaObject()->className()) + QLatin1Char('#') +
                                   w->objectName();
            }
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }

    void mintWithAProfileOpensMintOnItAndIsRemembered()
    {
        test::TestContext ctx(QDateTime::currentSecsSinceEpoch());
        addOneProfileOfEach(ctx);
        ui::Translations translations;
        translations.apply(QStringLiteral("en"));
        {
            ui::MainWindow window(ctx.context, translations);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pagesStackedWidget"));
            QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
            QTRY_COMPARE(pages->currentWidget()->objectName(), QStringLiteral("profilesPage"));
            auto* list = pages->currentWidget()->findChild<QTreeWidget*>(QStringLiteral("profilesTreeWidget"));
            for (int i = 0; i < list->topLevelItemCount(); ++i) {
                if (list->topLevelItem(i)->text(0) == QStringLiteral("zg"))
                    list->setCurrentItem(list->topLevelItem(i));
            }
            QTest::mouseClick(pages->currentWidget()->findChild<QPushButton*>(QStringLiteral("mintWithPushButton")),
                              Qt::LeftButton);
            QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("mintPage"));
            QCOMPARE(pages->currentWidget()->findChild<QComboBox*>(QStringLiteral("profileComboBox"))->currentData(),
                     QVariant(QStringLiteral("zg")));
        }
        // A new window (the next start) opens the Mint page on the profile last used, not on the first one.
        ui::MainWindow again(ctx.context, translations);
        auto* combo = again.findChild<QWidget*>(QStringLiteral("mintPage"))
                          ->findChild<QComboBox*>(QStringLiteral("profileComboBox"));
        QCOMPARE(combo->currentData(), QVariant(QStringLiteral("zg")));
    }

    void welcomeLeadsToEachPathAndTheDevServerMints()
    {
        // A fake home with a livekit-cli config, a working folder with a .env, and LiveKit variables in the
        // environment: the welcome view offers all three.
        QTemporaryDir home;
        QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".livekit")));
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("import/cli-config.yaml")),
                            home.filePath(QStringLiteral(".livekit/cli-config.yaml"))));
        QTemporaryDir folder;
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("import/development.env")),
                            folder.filePath(QStringLiteral(".env"))));
        const QByteArray oldHome = qgetenv("HOME");
        const QString oldFolder = QDir::currentPath();
        qputenv("HOME", home.path().toUtf8());
        qputenv("LIVEKIT_API_KEY", "APIfromEnv");
        qputenv("LIVEKIT_API_SECRET", "env-secret-0123456789abcdef0123456789");
        QDir::setCurrent(folder.path());
        const auto restore = qScopeGuard([&] {
            qputenv("HOME", oldHome);
            qunsetenv("LIVEKIT_API_KEY");
            qunsetenv("LIVEKIT_API_SECRET");
            QDir::setCurrent(oldFolder);
        });

        test::TestContext ctx(QDateTime::currentSecsSinceEpoch());
        ui::Translations translations;
        translations.apply(QStringLiteral("en"));
        ui::MainWindow window(ctx.context, translations);
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pagesStackedWidget"));
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("welcomeView"));
        QWidget* welcome = pages->currentWidget();
        const auto clickIn = [](QWidget* parent, const char* objectName) {
            auto* b = parent->findChild<QPushButton*>(QLatin1String(objectName));
            QVERIFY2(b && b->isVisible(), objectName);
            QTest::mouseClick(b, Qt::LeftButton);
        };
        // Mint without a profile says what it needs and leads back here.
        window.showPage(QStringLiteral("mintPage"));
        QVERIFY(pages->currentWidget()->findChild<QWidget*>(QStringLiteral("mintEmptyState"))->isVisible());
        QVERIFY(!pages->currentWidget()->findChild<QWidget*>(QStringLiteral("formScrollArea"))->isVisible());
        clickIn(pages->currentWidget(), "setupProfilePushButton");
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("welcomeView"));

        // What was found, by place.
        QStringList found;
        for (int i = 0; auto* label = welcome->findChild<QLabel*>(QStringLiteral("found%1Label").arg(i)); ++i)
            found << label->text();
        QCOMPARE(found.size(), 3);
        QVERIFY2(found.at(0).contains(QStringLiteral("cli-config.yaml")) &&
                     found.at(0).contains(QStringLiteral("acme")),
                 qPrintable(found.at(0)));
        QVERIFY2(found.at(1).contains(QStringLiteral("Environment")) &&
                     found.at(1).contains(QStringLiteral("env-livekit")),
                 qPrintable(found.at(1)));
        QVERIFY2(found.at(2).contains(QStringLiteral(".env")), qPrintable(found.at(2)));
        QVERIFY(!welcome->findChild<QScrollArea*>()->horizontalScrollBar()->isVisible());
        // By keyboard: the focus starts on the first path and Tab walks all of them.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.showPage(QStringLiteral("welcomeView"));
        QStringList walked{QApplication::focusWidget()->objectName()};
        for (int i = 0; i < 4; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            walked << QApplication::focusWidget()->objectName();
        }
        QCOMPARE(walked.join(QLatin1Char(' ')),
                 QStringLiteral("devServerPushButton welcomeAddPushButton inspectPushButton servePushButton "
                                "importFound0PushButton"));

        // Inspect needs no profile.
        clickIn(welcome, "inspectPushButton");
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("inspectPage"));
        // Serve: the Server page with a template endpoint to start from.
        window.showPage(QStringLiteral("welcomeView"));
        clickIn(welcome, "servePushButton");
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("serverPage"));
        QCOMPARE(pages->currentWidget()
                     ->findChild<QAbstractItemView*>(QStringLiteral("endpointsTableWidget"))
                     ->model()
                     ->rowCount(),
                 1);
        // Import what was found: the livekit-cli config's projects.
        window.showPage(QStringLiteral("welcomeView"));
        ctx.dialogs.onDialog = [](QDialog& d) {
            d.accept();
            return d.result();
        };
        clickIn(welcome, "importFound0PushButton");
        QVERIFY(ctx.profiles.find(QStringLiteral("acme")));
        QVERIFY(ctx.profiles.find(QStringLiteral("local")));
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("mintPage"));

        // The LiveKit dev server in one click, then a token minted with the keyboard.
        window.showPage(QStringLiteral("welcomeView"));
        clickIn(welcome, "devServerPushButton");
        const auto dev = ctx.profiles.find(QStringLiteral("livekit-dev"));
        QVERIFY(dev);
        QCOMPARE(dev->apiKey, QStringLiteral("devkey"));
        QCOMPARE(dev->serverUrl, QStringLiteral("ws://localhost:7880"));
        QWidget* mint = pages->currentWidget();
        QCOMPARE(mint->objectName(), QStringLiteral("mintPage"));
        QCOMPARE(mint->findChild<QComboBox*>(QStringLiteral("profileComboBox"))->currentData(),
                 QVariant(QStringLiteral("livekit-dev")));
        QWidget* form = mint->findChild<QWidget*>(QStringLiteral("liveKitForm"));
        auto* identity = form->findChild<QLineEdit*>(QStringLiteral("identityLineEdit"));
        QVERIFY(identity);
        identity->setText(QStringLiteral("alice"));
        form->findChild<QLineEdit*>(QStringLiteral("roomLineEdit"))->setText(QStringLiteral("demo"));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(identity, Qt::Key_Return, Qt::ControlModifier);
        const QString token = mint->findChild<QPlainTextEdit*>(QStringLiteral("tokenPlainTextEdit"))->toPlainText();
        QString status;
        for (const QLabel* l : mint->findChildren<QLabel*>(QStringLiteral("mintStatusLabel")))
            status += l->text();
        QVERIFY2(token.count(QLatin1Char('.')) == 2, qPrintable(status));

        // livekit-server-sdk accepts it with devkey / secret, as the dev server would.
        const QString interop = QStringLiteral(TOKENDESK_TEST_DATA_DIR "/../interop");
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty() || !QFileInfo::exists(interop + QStringLiteral("/node_modules/livekit-server-sdk"))) {
            if (qEnvironmentVariableIsSet("CI") || qgetenv("TOKENDESK_REQUIRE_INTEROP") == "1")
                QFAIL("node and tests/interop/node_modules are required (npm ci in tests/interop)");
            QSKIP("livekit-server-sdk check skipped: no node, or no npm ci in tests/interop");
        }
        QProcess verify;
        verify.setWorkingDirectory(interop);
        verify.start(node, {QStringLiteral("lk-verify.mjs"), QStringLiteral("--key"), QStringLiteral("devkey"),
                            QStringLiteral("--secret"), QStringLiteral("secret"), QStringLiteral("--token"), token});
        QVERIFY(verify.waitForFinished(60000));
        const QByteArray out = verify.readAllStandardOutput();
        QVERIFY2(verify.exitCode() == 0, out.constData());
        const QJsonObject claims = QJsonDocument::fromJson(out).object();
        QCOMPARE(claims.value(QStringLiteral("sub")).toString(), QStringLiteral("alice"));
        QCOMPARE(claims.value(QStringLiteral("video")).toObject().value(QStringLiteral("room")).toString(),
                 QStringLiteral("demo"));
    }

    void themesKeepContrastAndShortcutsAreListed()
    {
        // Every tone the pages draw text in stays readable on the Light and the Dark palette (WCAG AA, 4.5:1).
        for (const QString& theme : {QStringLiteral("light"), QStringLiteral("dark")}) {
            ui::applyTheme(theme);
            const QPalette p = QApplication::palette();
            QCOMPARE(ui::isDark(p), theme == QStringLiteral("dark"));
            for (const ui::Tone tone : {ui::Tone::Good, ui::Tone::Warning, ui::Tone::Bad}) {
                const double window = ui::contrastRatio(ui::toneColor(tone, p), p.color(QPalette::Window));
                const double base = ui::contrastRatio(ui::toneColor(tone, p), p.color(QPalette::Base));
                QVERIFY2(
                    window >= 4.5 && base >= 4.5,
                    qPrintable(QStringLiteral("%1 tone %2: %3 / %4").arg(theme).arg(int(tone)).arg(window).arg(base)));
            }
        }
        ui::applyTheme(QStringLiteral("system"));

        // F1 opens the list of shortcuts, through the dialog seam.
        test::TestContext ctx;
        ui::Translations translations;
        translations.apply(QStringLiteral("en"));
        ui::MainWindow window(ctx.context, translations);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QStringList listed;
        ctx.dialogs.onDialog = [&](QDialog& d) {
            if (auto* list = d.findChild<QTreeWidget*>(QStringLiteral("shortcutsTreeWidget"))) {
                for (QTreeWidgetItemIterator it(list); *it; ++it)
                    listed << (*it)->text(0) + QLatin1Char('=') + (*it)->text(1);
            }
            return int(QDialog::Rejected);
        };
        QTest::keyClick(&window, Qt::Key_F1);
        QVERIFY2(listed.contains(QStringLiteral("Mint the token=Ctrl+Return")),
                 qPrintable(listed.join(QLatin1Char('|'))));
        QVERIFY(listed.contains(QStringLiteral("Search=Ctrl+F")));
    }

    void aboutNamesTheVersions()
    {
        QApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));
        test::TestContext ctx;
        ui::Translations translations;
        translations.apply(QStringLiteral("en"));
        ui::MainWindow window(ctx.context, translations);
        QVERIFY(window.findChild<QAction*>(QStringLiteral("aboutAction")));
        const QString text = ui::MainWindow::aboutText();
        QVERIFY2(text.contains(QStringLiteral("TokenDesk " TOKENDESK_VERSION)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("OpenSSL 3.")), qPrintable(text));
        QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
    }

    void settingsDialogWritesSettings()
    {
        test::TestContext ctx;
        ui::Translations translations;
        ui::MainWindow window(ctx.context, translations);
        ctx.dialogs.onDialog = [](QDialog& dialog) {
            dialog.findChild<QSpinBox*>(QStringLiteral("clipboardSecondsSpinBox"))->setValue(12);
            dialog.findChild<QSpinBox*>(QStringLiteral("retentionSpinBox"))->setValue(7);
            return int(QDialog::Accepted);
        };
        window.openSettings();
        QCOMPARE(ctx.settings.clipboardClearSeconds(), 12);
        QCOMPARE(ctx.settings.historyRetentionDays(), 7);
        QCOMPARE(ctx.settings.language(), QString());
    }

    void switchingToTraditionalChineseChangesTheTexts()
    {
        test::TestContext ctx;
        ui::Translations translations;
        translations.apply(QStringLiteral("en"));
        ui::MainWindow window(ctx.context, translations);
        window.show();
        const QStringList english = navigationTexts(window);
        ctx.dialogs.onDialog = [](QDialog& dialog) {
            auto* language = dialog.findChild<QComboBox*>(QStringLiteral("languageComboBox"));
            language->setCurrentIndex(language->findData(QStringLiteral("zh_TW")));
            return int(QDialog::Accepted);
        };
        window.openSettings();
        QCOMPARE(translations.current(), QStringLiteral("zh_TW"));
        QCOMPARE(ctx.settings.language(), QStringLiteral("zh_TW"));
        const QStringList chinese = navigationTexts(window);
        QCOMPARE(chinese.size(), english.size());
        for (qsizetype i = 0; i < chinese.size(); ++i)
            QVERIFY2(chinese.at(i) != english.at(i), qPrintable(chinese.at(i)));
        QCOMPARE(chinese.at(1), QStringLiteral("簽發"));
        // The pages were rebuilt in the new language too, not just the navigation.
        auto* menu = window.menuBar()->actions().constFirst();
        QVERIFY(!menu->text().contains(QStringLiteral("File")));
        const auto* mint = window.findChild<QPushButton*>(QStringLiteral("mintPushButton"));
        QVERIFY(mint);
        QVERIFY2(!mint->text().contains(QStringLiteral("Mint")), qPrintable(mint->text()));
        // The core's English description of an opened vault is shown in the user's language too.
        credentials::VaultSecretStore vault(QStringLiteral("/tmp/td-vault"), [](bool) -> Result<crypto::SecretBytes> {
            return fail(ErrorCode::NotFound, QStringLiteral("not opened in this test"));
        });
        ui::ProfileService service(ctx.profileStore, vault);
        QCOMPARE(service.secretStoreDescription(), QStringLiteral("加密保險庫 /tmp/td-vault"));
        // And back.
        window.setLanguage(QStringLiteral("en"));
        QCOMPARE(navigationTexts(window), english);
        QCOMPARE(service.secretStoreDescription(), QStringLiteral("encrypted vault /tmp/td-vault"));
    }

    // At 1024x768 (and at the first-run size) the Mint form keeps its width before and after a mint for every
    // provider: no horizontal scroll bar, the result card at its fixed width beside it.
    void mintFitsAtSmallWindowSizes_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1024x768") << QSize(1024, 768);
        QTest::newRow("1100x740") << QSize(1100, 740);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }

    void mintFitsAtSmallWindowSizes()
    {
        QFETCH(QSize, size);
        test::TestContext ctx(QDateTime::currentSecsSinceEpoch());
        addOneProfileOfEach(ctx);
        ui::Translations translations;
        translations.apply(QStringLiteral("en"));
        ui::MainWindow window(ctx.context, translations);
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(QStringLiteral("mintPage"));
        auto* page = window.findChild<QWidget*>(QStringLiteral("mintPage"));
        auto* scroll = page->findChild<QScrollArea*>(QStringLiteral("formScrollArea"));
        auto* card = page->findChild<QWidget*>(QStringLiteral("resultCard"));
        auto* profiles = page->findChild<QComboBox*>(QStringLiteral("profileComboBox"));
        auto* mint = page->findChild<QPushButton*>(QStringLiteral("mintPushButton"));
        for (const QString& profile :
             {QStringLiteral("lk"), QStringLiteral("zg"), QStringLiteral("meet"), QStringLiteral("jaas"),
              QStringLiteral("st"), QStringLiteral("tw"), QStringLiteral("hm")}) {
            profiles->setCurrentIndex(profiles->findData(profile));
            page->findChild<QPlainTextEdit*>(QStringLiteral("rawJsonPlainTextEdit"))->setPlainText(claimsFor(profile));
            QTRY_VERIFY2(mint->isEnabled(),
                         qPrintable(page->findChild<QLabel*>(QStringLiteral("mintStatusLabel"))->text()));
            QApplication::processEvents();
            const QString where = profile + QStringLiteral(" before minting");
            QVERIFY2(!scroll->horizontalScrollBar()->isVisible(), qPrintable(where));
            QVERIFY2(card->isVisible(), qPrintable(where));
            const int formWidth = scroll->viewport()->width();
            QVERIFY2(formWidth >= 380, qPrintable(where + QStringLiteral(": %1 px").arg(formWidth)));
            QTest::mouseClick(mint, Qt::LeftButton);
            QApplication::processEvents();
            QVERIFY(!page->findChild<QPlainTextEdit*>(QStringLiteral("tokenPlainTextEdit"))->toPlainText().isEmpty());
            QVERIFY2(!scroll->horizontalScrollBar()->isVisible(), qPrintable(profile + QStringLiteral(" minted")));
            QCOMPARE(scroll->viewport()->width(), formWidth);
            QVERIFY2(window.width() <= size.width(), qPrintable(profile));
        }
    }

    // Switching the language retranslates every page and loses nothing: the Mint form and its result, the token
    // in Inspect, a batch table, and the running server (same port, still answering, its log kept).
    void languageSwitchKeepsWorkAndTheServer()
    {
        test::TestContext ctx(QDateTime::currentSecsSinceEpoch());
        addOneProfileOfEach(ctx);
        QFile config(ctx.profiles.configDir() + QStringLiteral("/server.json"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(R"({"bind": "127.0.0.1", "port": 0, "endpoints": [
            {"path": "/getToken", "type": "livekit-get", "profile": "lk"},
            {"path": "/healthz", "type": "healthz"}]})");
        config.close();
        ui::Translations translations;
        translations.apply(QStringLiteral("en"));
        ui::MainWindow window(ctx.context, translations);
        window.resize(1280, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        window.showPage(QStringLiteral("mintPage"));
        auto* mintPage = window.findChild<ui::MintPage*>();
        auto* profiles = mintPage->findChild<QComboBox*>(QStringLiteral("profileComboBox"));
        profiles->setCurrentIndex(profiles->findData(QStringLiteral("lk")));
        QTest::keyClicks(mintPage->findChild<QLineEdit*>(QStringLiteral("identityLineEdit")), QStringLiteral("alice"));
        mintPage->mint();
        const QString token = mintPage->findChild<QPlainTextEdit*>(QStringLiteral("tokenPlainTextEdit"))->toPlainText();
        QVERIFY(!token.isEmpty());
        QTest::keyClicks(mintPage->findChild<QLineEdit*>(QStringLiteral("nameLineEdit")), QStringLiteral("Alice"));

        window.showPage(QStringLiteral("inspectPage"));
        window.findChild<QWidget*>(QStringLiteral("inspectPage"))
            ->findChild<QPlainTextEdit*>(QStringLiteral("tokenPlainTextEdit"))
            ->setPlainText(token);
        auto* batch = window.findChild<ui::BatchPage*>()->batchTab();
        batch->pasteText(QStringLiteral("identity\troom\nann\tlobby\nbob\tlobby\n"));
        const int batchRows = batch->model()->rowCount();
        QVERIFY(batchRows >= 2);

        auto* server = window.findChild<ui::ServerPage*>();
        server->start();
        QVERIFY(server->isRunning());
        const QString url = server->url();
        QCOMPARE(httpStatus(url + QStringLiteral("/healthz")), 200);
        auto* status = window.findChild<QPushButton*>(QStringLiteral("serverStatusButton"));
        QVERIFY(status->isVisible());
        QVERIFY(status->text().contains(QUrl(url).authority()));

        window.setLanguage(QStringLiteral("zh_TW"));
        QCOMPARE(navigationTexts(window).at(1), QStringLiteral("簽發"));
        mintPage = window.findChild<ui::MintPage*>();
        QCOMPARE(mintPage->findChild<QLineEdit*>(QStringLiteral("identityLineEdit"))->text(), QStringLiteral("alice"));
        QCOMPARE(mintPage->findChild<QLineEdit*>(QStringLiteral("nameLineEdit"))->text(), QStringLiteral("Alice"));
        QCOMPARE(mintPage->findChild<QPlainTextEdit*>(QStringLiteral("tokenPlainTextEdit"))->toPlainText(), token);
        QVERIFY(mintPage->findChild<QLabel*>(QStringLiteral("staleLabel"))->isVisibleTo(mintPage)); // name typed
        QCOMPARE(window.findChild<QWidget*>(QStringLiteral("inspectPage"))
                     ->findChild<QPlainTextEdit*>(QStringLiteral("tokenPlainTextEdit"))
                     ->toPlainText(),
                 token);
        QCOMPARE(window.findChild<ui::BatchPage*>()->batchTab()->model()->rowCount(), batchRows);
        server = window.findChild<ui::ServerPage*>();
        QVERIFY(server->isRunning());
        QCOMPARE(server->url(), url);
        QCOMPARE(httpStatus(url + QStringLiteral("/healthz")), 200);
        auto* log = server->findChild<QTableView*>(QStringLiteral("logTableView"));
        QTRY_COMPARE(log->model()->rowCount(), 2); // the request before the switch and the one after
        status = window.findChild<QPushButton*>(QStringLiteral("serverStatusButton"));
        QVERIFY(status->isVisible());
        QVERIFY(!status->text().contains(QStringLiteral("Server running")));
        server->stop();
        QVERIFY(!status->isVisible());
    }

    // Alt+letter reaches one thing only: no letter twice on any page, with every folded section opened, in English
    // and in Traditional Chinese, for every Mint form.
    void mnemonicsAreUniqueOnEveryPage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_TW") << QStringLiteral("zh_TW");
    }

    void mnemonicsAreUniqueOnEveryPage()
    {
        QFETCH(QString, language);
        test::TestContext ctx(QDateTime::currentSecsSinceEpoch());
        addOneProfileOfEach(ctx);
        ui::Translations translations;
        translations.apply(language);
        ui::MainWindow window(ctx.context, translations);
        window.resize(1280, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pagesStackedWidget"));
        QStringList problems;
        for (int i = 0; i < pages->count(); ++i) {
            pages->setCurrentIndex(i);
            QWidget* page = pages->currentWidget();
            expandAllSections(page);
            QList<QWidget*> tabPages{nullptr};
            for (QTabWidget* tabs : page->findChildren<QTabWidget*>())
                for (int t = 0; t < tabs->count(); ++t)
                    tabPages << tabs->widget(t);
            auto check = [&](const QString& where) {
                for (const QString& d : duplicateMnemonics(window))
                    problems << where + QStringLiteral(": ") + d;
            };
            if (page->objectName() == QStringLiteral("mintPage")) {
                auto* profiles = page->findChild<QComboBox*>(QStringLiteral("profileComboBox"));
                auto* tabs = page->findChild<QTabWidget*>(QStringLiteral("previewTabWidget"));
                for (int p = 0; p < profiles->count(); ++p) {
                    profiles->setCurrentIndex(p);
                    for (int t = 0; t < tabs->count(); ++t) {
                        tabs->setCurrentIndex(t);
                        QApplication::processEvents();
                        check(QStringLiteral("mint with ") + profiles->currentData().toString() + QLatin1Char('/') +
                              tabs->tabText(t));
                    }
                }
                continue;
            }
            for (QTabWidget* tabs : page->findChildren<QTabWidget*>()) {
                for (int t = 0; t < tabs->count(); ++t) {
                    tabs->setCurrentIndex(t);
                    expandAllSections(tabs->widget(t));
                    check(page->objectName() + QLatin1Char('/') + tabs->tabText(t));
                }
            }
            check(page->objectName());
        }
        problems.removeDuplicates();
        for (const QString& problem : std::as_const(problems))
            qWarning("%s", qPrintable(problem)); // QVERIFY2 cuts long messages short
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
