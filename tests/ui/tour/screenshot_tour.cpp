// SPDX-License-Identifier: MIT
// screenshot_tour: opens the real main window over a demo config directory (prepared by tests/ui/screenshots.sh),
// uses every page as a person would (by objectName, like the GUI tests) and saves a PNG of each into OUT_DIR.
// Run it on a real display server (Xvfb), not offscreen, so fonts and styles are what users see.
// Usage: screenshot_tour OUT_DIR   (env: TOKENDESK_CONFIG_DIR, TOKENDESK_VAULT_PASSPHRASE, XDG_CONFIG_HOME)
#include "core/Clock.h"
#include "core/credentials/ProfileStore.h"
#include "core/credentials/VaultSecretStore.h"
#include "core/history/HistoryStore.h"
#include "core/settings/Settings.h"
#include "ui/MainWindow.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/Dialogs.h"
#include "ui/common/ProfileService.h"
#include "ui/common/Theme.h"
#include "ui/common/Translations.h"
#include "core/providers/livekit/LiveKitToken.h"
#include "ui/batch/BatchPage.h"
#include "ui/batch/BatchTab.h"
#include "ui/batch/BatchTableModel.h"
#include "ui/batch/MatrixTab.h"
#include "ui/server/ServerPage.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QApplication>
#include <QAction>
#include <QDialog>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QEventLoop>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

using namespace td;

namespace {

void settle(int ms = 400)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

template <typename T> T* find(QWidget* root, const QString& name)
{
    // Several pages reuse names (roomLineEdit); take the visible one.
    for (T* w : root->findChildren<T*>(name)) {
        if (w->isVisible())
            return w;
    }
    std::fprintf(stderr, "screenshot_tour: no visible %s\n", qPrintable(name));
    std::exit(1);
}

void shoot(ui::MainWindow& window, const QString& dir, const QString& file)
{
    settle();
    const QString path = QDir(dir).filePath(file);
    if (!window.grab().save(path)) {
        std::fprintf(stderr, "screenshot_tour: cannot write %s\n", qPrintable(path));
        std::exit(1);
    }
    std::printf("%s\n", qPrintable(path));
}

void selectData(QComboBox* box, const QString& data)
{
    const int index = box->findData(data);
    box->setCurrentIndex(index >= 0 ? index : box->findText(data, Qt::MatchStartsWith));
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TokenDesk"));
    QApplication::setApplicationName(QStringLiteral("TokenDesk"));
    if (argc < 2) {
        std::fprintf(stderr, "usage: screenshot_tour OUT_DIR\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    const auto env = QProcessEnvironment::systemEnvironment();

    QSettings qsettings;
    settings::Settings settings(qsettings);
    settings.setLanguage(QStringLiteral("en"));
    ui::Translations translations;
    translations.apply(QStringLiteral("en"));
    ui::Dialogs dialogs;
    const SystemClock clock;
    credentials::ProfileStore profileStore(credentials::ProfileStore::resolveConfigDir(QString(), env));
    credentials::VaultSecretStore secrets(profileStore.vaultPath(), [&](bool) -> Result<crypto::SecretBytes> {
        return crypto::SecretBytes(env.value(QStringLiteral("TOKENDESK_VAULT_PASSPHRASE")).toUtf8());
    });
    ui::ProfileService profiles(profileStore, secrets);
    history::HistoryStore history(QDir(profileStore.configDir()).filePath(QStringLiteral("history.jsonl")));
    ui::ClipboardGuard clipboard(QApplication::clipboard(), [] { return 30; });
    ui::AppContext context{clock, settings, profiles, history, clipboard, dialogs};

    ui::MainWindow window(context, translations);
    // An optional second argument WxH checks the pages at another size (1024x768, 1920x1080).
    const QStringList size = argc > 2 ? QString::fromLocal8Bit(argv[2]).split(QLatin1Char('x')) : QStringList();
    window.resize(size.size() == 2 ? size[0].toInt() : 1280, size.size() == 2 ? size[1].toInt() : 860);
    window.show();
    settle(800);

    // The welcome view a first run opens on (Help > Welcome later).
    window.showPage(QStringLiteral("welcomeView"));
    shoot(window, out, QStringLiteral("welcome.png"));

    // Profiles: the list as it is, with the prod profile selected.
    window.showPage(QStringLiteral("profilesPage"));
    shoot(window, out, QStringLiteral("profiles.png"));

    // The add dialog of a self-hosted Jitsi profile (domain verification, sub checked against the URL's tenant).
    QTimer::singleShot(600, [&] {
        if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
            if (auto* url = dialog->findChild<QLineEdit*>(QStringLiteral("serverUrlLineEdit")))
                url->setText(QStringLiteral("https://meet.example.org/Acme"));
            if (auto* sub = dialog->findChild<QLineEdit*>(QStringLiteral("subjectLineEdit")))
                sub->setText(QStringLiteral("meet.example.org"));
            settle(300);
            const QString path = QDir(out).filePath(QStringLiteral("profile-dialog-jitsi.png"));
            dialog->grab().save(path);
            std::printf("%s\n", qPrintable(path));
            dialog->reject();
        }
    });
    if (auto* add = window.findChild<QAction*>(QStringLiteral("addJitsiAction")))
        add->trigger();
    settle(200);

    // Mint: a speaker token for Ann in the stand-up room, minted.
    window.showPage(QStringLiteral("mintPage"));
    QWidget* mint = window.findChild<QWidget*>(QStringLiteral("mintPage"));
    selectData(find<QComboBox>(mint, QStringLiteral("profileComboBox")), QStringLiteral("lk-dev"));
    settle(200);
    find<QLineEdit>(mint, QStringLiteral("identityLineEdit"))->setText(QStringLiteral("ann"));
    find<QLineEdit>(mint, QStringLiteral("nameLineEdit"))->setText(QStringLiteral("Ann Lee"));
    find<QLineEdit>(mint, QStringLiteral("roomLineEdit"))->setText(QStringLiteral("daily-standup"));
    selectData(find<QComboBox>(mint, QStringLiteral("presetComboBox")), QStringLiteral("speaker"));
    settle(300);
    find<QPushButton>(mint, QStringLiteral("mintPushButton"))->click();
    shoot(window, out, QStringLiteral("mint.png"));
    const QString token = find<QPlainTextEdit>(mint, QStringLiteral("tokenPlainTextEdit"))->toPlainText();

    // Mint, self-hosted Jitsi: a room typed as people write it, written as Jitsi Meet joins it.
    selectData(find<QComboBox>(mint, QStringLiteral("profileComboBox")), QStringLiteral("meet-selfhosted"));
    settle(300);
    QWidget* jitsiForm = mint->findChild<QWidget*>(QStringLiteral("jitsiForm"));
    find<QLineEdit>(jitsiForm, QStringLiteral("roomLineEdit"))->setText(QStringLiteral("Team Standup"));
    find<QLineEdit>(jitsiForm, QStringLiteral("userNameLineEdit"))->setText(QStringLiteral("Ann Lee"));
    settle(300);
    find<QPushButton>(mint, QStringLiteral("mintPushButton"))->click();
    shoot(window, out, QStringLiteral("mint-jitsi.png"));

    // Mint, Agora: an AccessToken2 for uid 42 whose privileges end before the token (the finding says so).
    selectData(find<QComboBox>(mint, QStringLiteral("profileComboBox")), QStringLiteral("agora-dev"));
    settle(300);
    find<QLineEdit>(mint, QStringLiteral("agoraUserLineEdit"))->setText(QStringLiteral("42"));
    find<QLineEdit>(mint, QStringLiteral("agoraPrivilegeTtlLineEdit"))->setText(QStringLiteral("10m"));
    find<QLineEdit>(mint, QStringLiteral("agoraRtmUserLineEdit"))->setText(QStringLiteral("ann"));
    settle(300);
    find<QPushButton>(mint, QStringLiteral("mintPushButton"))->click();
    shoot(window, out, QStringLiteral("mint-agora.png"));

    // Inspect: the token just minted, verified against the profile that matches it.
    window.showPage(QStringLiteral("inspectPage"));
    QWidget* inspect = window.findChild<QWidget*>(QStringLiteral("inspectPage"));
    // No profile chosen: Inspect picks lk-dev itself, because the token's iss is its API key.
    find<QPlainTextEdit>(inspect, QStringLiteral("tokenPlainTextEdit"))->setPlainText(token);
    settle(300);
    shoot(window, out, QStringLiteral("inspect.png"));

    // Inspect's four verdicts: valid (above), valid within LiveKit's leeway, invalid (tampered), not verified.
    auto* tokenEdit = find<QPlainTextEdit>(inspect, QStringLiteral("tokenPlainTextEdit"));
    const auto inspectShot = [&](const QString& text, const QString& file) {
        tokenEdit->setPlainText(text);
        settle(400);
        shoot(window, out, file);
    };
    {
        livekit::LiveKitClaims claims;
        claims.identity = QStringLiteral("late-joiner");
        livekit::VideoGrant grant;
        grant.roomJoin = true;
        grant.room = QStringLiteral("daily-standup");
        claims.video = grant;
        // Expired 30 s ago: inside the 60 s leeway LiveKit's server allows.
        const FixedClock past(QDateTime::currentSecsSinceEpoch() - 90);
        const auto late =
            livekit::LiveKitMinter::create(QStringLiteral("APIdemo7Kq2"), "demo-secret-demo-secret-demo-secret")
                ->mint(claims, 60, past);
        inspectShot(QString::fromLatin1(late->token), QStringLiteral("inspect-leeway.png"));
        QString tampered = token;
        tampered[tampered.size() - 3] =
            tampered.at(tampered.size() - 3) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        inspectShot(tampered, QStringLiteral("inspect-invalid.png"));
        const FixedClock now(QDateTime::currentSecsSinceEpoch());
        const auto unknown =
            livekit::LiveKitMinter::create(QStringLiteral("APIsomeoneElse"), "another-teams-secret-0123456789abcdef")
                ->mint(claims, 3600, now);
        inspectShot(QString::fromLatin1(unknown->token), QStringLiteral("inspect-unverified.png"));
    }

    // Server: start the demo config's endpoints and ask for a token once, so the log has a line.
    window.showPage(QStringLiteral("serverPage"));
    QWidget* server = window.findChild<QWidget*>(QStringLiteral("serverPage"));
    find<QPushButton>(server, QStringLiteral("startStopPushButton"))->click();
    settle(500);
    const QString request = static_cast<ui::ServerPage*>(server)->url() +
                            QStringLiteral("/getToken?room=demo-standup&identity=frontend-dev");
    QNetworkAccessManager network;
    QNetworkReply* reply = network.get(QNetworkRequest(QUrl(request)));
    QEventLoop wait;
    QObject::connect(reply, &QNetworkReply::finished, &wait, &QEventLoop::quit);
    QTimer::singleShot(3000, &wait, &QEventLoop::quit);
    wait.exec();
    std::printf("server answered %d for %s\n", reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                qPrintable(request));
    // A request the policy refuses (no identity), so the log shows a coloured 4xx beside the 200.
    QNetworkReply* refused = network.get(QNetworkRequest(
        QUrl(static_cast<ui::ServerPage*>(server)->url() + QStringLiteral("/getToken?room=demo-standup"))));
    QObject::connect(refused, &QNetworkReply::finished, &wait, &QEventLoop::quit);
    QTimer::singleShot(3000, &wait, &QEventLoop::quit);
    wait.exec();
    if (auto* tabs = server->findChild<QTabWidget*>(QStringLiteral("serverTabWidget")))
        tabs->setCurrentIndex(0);
    shoot(window, out, QStringLiteral("server-endpoints.png"));
    if (auto* tabs = server->findChild<QTabWidget*>(QStringLiteral("serverTabWidget")))
        tabs->setCurrentIndex(tabs->count() - 1);
    shoot(window, out, QStringLiteral("server.png"));

    window.showPage(QStringLiteral("historyPage"));
    shoot(window, out, QStringLiteral("history.png"));

    // Batch: a participant list pasted from a spreadsheet (one typo, one duplicate), minted.
    window.showPage(QStringLiteral("batchPage"));
    auto* batchPage = static_cast<ui::BatchPage*>(window.findChild<QWidget*>(QStringLiteral("batchPage")));
    ui::BatchTab* batchTab = batchPage->batchTab();
    selectData(find<QComboBox>(batchTab, QStringLiteral("profileComboBox")), QStringLiteral("lk-dev"));
    batchTab->model()->setTable(batchTab->model()->headers(), {});
    batchTab->pasteText(QStringLiteral("identity\tname\troom\tpreset\tgrants\n"
                                       "ann\tAnn Lee\tdaily-standup\tspeaker\t\n"
                                       "bo\tBo Chen\tdaily-standup\tviewer\t\n"
                                       "cy\tCy Park\tdaily-standup\tmoderator\t\n"
                                       "dee\tDee Ito\tdaily-standup\t\tcanPublishh=true\n"
                                       "eli\tEli Moss\tretro\t\tcanPublishSources=camera+microphone\n"
                                       "ann\tAnn (phone)\tdaily-standup\tviewer\t\n"));
    QEventLoop batchDone;
    QObject::connect(batchTab, &ui::BatchTab::runFinished, &batchDone, &QEventLoop::quit);
    batchTab->run();
    QTimer::singleShot(10000, &batchDone, &QEventLoop::quit);
    batchDone.exec();
    settle(300);
    shoot(window, out, QStringLiteral("batch.png"));

    // Permission matrix: LiveKit canPublish x sources x hidden for the stand-up room.
    if (auto* tabs = batchPage->findChild<QTabWidget*>(QStringLiteral("batchTabWidget")))
        tabs->setCurrentIndex(1);
    ui::MatrixTab* matrixTab = batchPage->matrixTab();
    selectData(find<QComboBox>(matrixTab, QStringLiteral("matrixProfileComboBox")), QStringLiteral("lk-dev"));
    settle(200);
    for (QCheckBox* box : matrixTab->findChildren<QCheckBox*>()) {
        const QString key = box->property("dimension").toString();
        box->setChecked(key == QStringLiteral("canPublish") || key == QStringLiteral("canPublishSources") ||
                        key == QStringLiteral("hidden"));
    }
    find<QPushButton>(matrixTab, QStringLiteral("generatePushButton"))->click();
    settle(300);
    shoot(window, out, QStringLiteral("matrix.png"));

    // The same Mint page in Traditional Chinese.
    window.setLanguage(QStringLiteral("zh_TW"));
    settle();
    window.showPage(QStringLiteral("mintPage"));
    settle();
    mint = window.findChild<QWidget*>(QStringLiteral("mintPage"));
    selectData(find<QComboBox>(mint, QStringLiteral("profileComboBox")), QStringLiteral("jaas-prod"));
    settle(300);
    shoot(window, out, QStringLiteral("mint-zh_TW.png"));

    // The Dark theme (Settings > Theme), in English: Mint and Inspect.
    window.setLanguage(QStringLiteral("en"));
    ui::applyTheme(QStringLiteral("dark"));
    settle();
    window.showPage(QStringLiteral("mintPage"));
    settle(300);
    shoot(window, out, QStringLiteral("mint-dark.png"));
    window.showPage(QStringLiteral("inspectPage"));
    find<QPlainTextEdit>(window.findChild<QWidget*>(QStringLiteral("inspectPage")),
                         QStringLiteral("tokenPlainTextEdit"))
        ->setPlainText(token);
    settle(400);
    shoot(window, out, QStringLiteral("inspect-dark.png"));
    window.close();
    return 0;
}
