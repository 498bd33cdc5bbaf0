// SPDX-License-Identifier: MIT
// tokendesk: the desktop app's composition root; builds the object graph, holds no logic.
#include "core/Clock.h"
#include "core/credentials/ProfileStore.h"
#include "core/credentials/SecretStoreChoice.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/ProcessHardening.h"
#include "core/history/HistoryStore.h"
#include "core/settings/Settings.h"
#include "ui/MainWindow.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/Dialogs.h"
#include "ui/common/ProfileService.h"
#include "ui/common/Theme.h"
#include "ui/common/Translations.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTimer>

#include <cstdio>

namespace {

/** TOKENDESK_STARTUP_PROBE=1: print the time of the first paint (for tests/bench/startup-bench.sh) and quit later. */
class FirstPaintProbe final : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            std::printf("first-paint-ms %lld\n", static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
            std::fflush(stdout);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

} // namespace

int main(int argc, char* argv[])
{
    // Before anything else, so no secret this process reads can end up in a core dump.
    const auto hardened = td::crypto::disableCoreDumps();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TokenDesk"));
    QApplication::setApplicationName(QStringLiteral("TokenDesk"));
    QApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/tokendesk.svg")));
    if (!hardened) {
        QMessageBox::critical(nullptr, QStringLiteral("TokenDesk"), hardened.error().localized());
        return 3;
    }
    if (auto ok = td::crypto::selfTest(); !ok) {
        QMessageBox::critical(nullptr, QStringLiteral("TokenDesk"), ok.error().localized());
        return 3;
    }
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();

    QSettings qsettings;
    td::settings::Settings settings(qsettings);
    td::ui::Translations translations;
    translations.apply(settings.language());
    td::ui::applyTheme(settings.theme());

    td::ui::Dialogs dialogs;
    const td::SystemClock clock;
    td::credentials::ProfileStore profileStore(td::credentials::ProfileStore::resolveConfigDir(QString(), environment));
    QString storeChoice = environment.value(QStringLiteral("TOKENDESK_SECRET_STORE"));
    if (storeChoice.isEmpty())
        storeChoice = settings.secretStore();
    const QString vaultPath = profileStore.vaultPath();
    // The keychain probe and the vault passphrase wait until a secret is first needed: the window comes up at once.
    td::credentials::DeferredSecretStore secretStore(
        [&] {
            return td::credentials::openSecretStore(
                storeChoice, vaultPath, [&](bool creating) -> td::Result<td::crypto::SecretBytes> {
                    if (const QString env = environment.value(QStringLiteral("TOKENDESK_VAULT_PASSPHRASE"));
                        !env.isEmpty())
                        return td::crypto::secretFromUtf8(env);
                    const auto pass = dialogs.passphrase(
                        nullptr,
                        creating
                            ? QApplication::translate("main", "Choose a passphrase for the new vault %1").arg(vaultPath)
                            : QApplication::translate("main", "Passphrase of the vault %1").arg(vaultPath));
                    if (!pass || pass->isEmpty())
                        return td::fail(td::ErrorCode::InvalidValue,
                                        QApplication::translate("main", "the vault stays locked: no passphrase given"));
                    return td::crypto::secretFromUtf8(*pass);
                });
        },
        storeChoice == QStringLiteral("vault") ? QApplication::translate("main", "encrypted vault %1").arg(vaultPath)
        : storeChoice == QStringLiteral("keychain")
            ? QApplication::translate("main", "system keychain")
            : QApplication::translate("main",
                                      "system keychain, or the encrypted vault if none answers (opened at first use)"));
    td::ui::ProfileService profiles(profileStore, secretStore);
    td::history::HistoryStore history(QDir(profileStore.configDir()).filePath(QStringLiteral("history.jsonl")));
    td::ui::ClipboardGuard clipboard(QApplication::clipboard(),
                                     [&settings] { return settings.clipboardClearSeconds(); });
    QObject::connect(&app, &QApplication::aboutToQuit, &clipboard, &td::ui::ClipboardGuard::clearNow);

    td::ui::AppContext context{clock, settings, profiles, history, clipboard, dialogs};
    td::ui::MainWindow window(context, translations);
    FirstPaintProbe probe;
    if (environment.value(QStringLiteral("TOKENDESK_STARTUP_PROBE")) == QStringLiteral("1"))
        window.installEventFilter(&probe);
    if (const QString page = environment.value(QStringLiteral("TOKENDESK_START_PAGE")); !page.isEmpty())
        window.showPage(page);
    window.show();
    return QApplication::exec();
}
