// SPDX-License-Identifier: MIT
#include "core/providers/Registry.h"
#include "ui/MainWindow.h"

#include "core/crypto/Crypto.h"
#include "core/settings/Settings.h"
#include "ui/SettingsDialog.h"
#include "ui/ShortcutsDialog.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/Dialogs.h"
#include "ui/common/ProfileService.h"
#include "ui/common/Translations.h"
#include "ui/common/Widgets.h"
#include "ui/batch/BatchPage.h"
#include "ui/batch/BatchTab.h"
#include "ui/history/HistoryPage.h"
#include "ui/inspect/InspectPage.h"
#include "ui/mint/MintPage.h"
#include "ui/profiles/ProfilesPage.h"
#include "ui/server/ServerPage.h"
#include "ui/welcome/WelcomeView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QPushButton>
#include <QStatusBar>
#include <QUrl>

#include <memory>
#include <type_traits>

namespace td::ui {

MainWindow::MainWindow(AppContext& context, Translations& translations, QWidget* parent)
    : QMainWindow(parent), m_context(context), m_translations(translations)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tokendesk.svg")));
    buildPages();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // First run: 1100x740, but never larger than the screen (a 1024x768 display cut the right edge off).
        QSize size(1100, 740);
        if (const QScreen* shown = screen())
            size = size.boundedTo(shown->availableGeometry().size());
        resize(size);
    }
    m_navigation->setCurrentRow(
        std::clamp(settings.value(QStringLiteral("window/page")).toInt(), 0, m_pages->count() - 1));
    // A first run (no profiles, none unreadable) opens on the welcome view instead of an empty list.
    if (m_context.profiles.profiles().isEmpty() && m_context.profiles.loadError().isEmpty())
        showPage(QStringLiteral("welcomeView"));
    m_pages->currentWidget()->setFocus();

    connect(&m_context.clipboard, &ClipboardGuard::countdown, this, [this](int seconds) {
        statusBar()->showMessage(tr("A credential is on the clipboard; cleared in %n second(s)", nullptr, seconds),
                                 1500);
    });
    connect(&m_context.clipboard, &ClipboardGuard::cleared, this,
            [this] { statusBar()->showMessage(tr("Clipboard cleared"), 3000); });
}

void MainWindow::buildPages()
{
    const int current = m_navigation ? m_navigation->currentRow() : -1;
    const bool welcomeShown = m_pages && qobject_cast<WelcomeView*>(m_pages->currentWidget());
    setWindowTitle(tr("TokenDesk"));
    menuBar()->clear();
    for (QAction* action : actions())
        removeAction(action);
    // The old pages stay until the new ones have taken their work over: form input, results, batch tables and the
    // running server survive a language change.
    std::unique_ptr<QWidget> previous(takeCentralWidget());

    auto* central = new QWidget(this);
    m_navigation = new QListWidget(central);
    name(m_navigation, QStringLiteral("navigationListWidget"), tr("Pages"));
    m_navigation->setMaximumWidth(190);
    m_navigation->setIconSize(QSize(22, 22));
    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pagesStackedWidget"));

    auto* mintPage = new MintPage(m_context, m_pages);
    auto* historyPage = new HistoryPage(m_context, m_pages);
    auto* profilesPage = new ProfilesPage(m_context, m_pages);
    addPage(profilesPage, QStringLiteral("profiles"), tr("Profiles"));
    addPage(mintPage, QStringLiteral("mint"), tr("Mint"));
    addPage(new InspectPage(m_context, m_pages), QStringLiteral("inspect"), tr("Inspect"));
    addPage(new ServerPage(m_context, m_pages), QStringLiteral("server"), tr("Server"));
    addPage(historyPage, QStringLiteral("history"), tr("History"));
    addPage(new BatchPage(m_context, m_pages), QStringLiteral("batch"), tr("Batch"));
    connect(profilesPage, &ProfilesPage::mintRequested, this, [this, mintPage](const QString& profile) {
        if (mintPage->selectProfile(profile))
            m_navigation->setCurrentRow(m_pages->indexOf(mintPage));
    });
    auto* welcome = new WelcomeView(m_context, QDir::homePath(), QDir::currentPath(), m_pages);
    m_pages->addWidget(welcome); // not in the navigation: Help > Welcome brings it back
    connect(welcome, &WelcomeView::mintRequested, profilesPage, &ProfilesPage::mintRequested);
    connect(welcome, &WelcomeView::addProfileRequested, this, [this, profilesPage](Provider provider) {
        showPage(QStringLiteral("profilesPage"));
        profilesPage->addProfile(provider);
    });
    connect(mintPage, &MintPage::setupRequested, this, [this] { showPage(QStringLiteral("welcomeView")); });
    connect(welcome, &WelcomeView::inspectRequested, this, [this] { showPage(QStringLiteral("inspectPage")); });
    connect(historyPage, &HistoryPage::remintRequested, this, [this, mintPage](const mint::MintPlan& plan) {
        mintPage->loadPlan(plan);
        m_navigation->setCurrentRow(m_pages->indexOf(mintPage));
    });

    auto* layout = new QHBoxLayout(central);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    if (previous) {
        auto takeOver = [&previous](auto* page) {
            using Page = std::remove_pointer_t<decltype(page)>;
            if (const auto* old = previous->findChild<Page*>(page->objectName()))
                page->takeOver(*const_cast<Page*>(old));
        };
        takeOver(mintPage);
        takeOver(m_pages->findChild<InspectPage*>());
        takeOver(m_pages->findChild<ServerPage*>());
        takeOver(m_pages->findChild<BatchPage*>());
    }
    auto* serverPage = m_pages->findChild<ServerPage*>();
    connect(serverPage, &ServerPage::runningChanged, this, &MainWindow::updateServerStatus);
    connect(welcome, &WelcomeView::serveRequested, this, [this, serverPage] {
        showPage(QStringLiteral("serverPage"));
        serverPage->addTemplateEndpointIfEmpty();
    });
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_pages->setCurrentIndex(row);
        m_pages->currentWidget()->setFocus();
    });

    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* settingsAction = file->addAction(pageIcon(QStringLiteral("settings")), tr("&Settings…"));
    settingsAction->setObjectName(QStringLiteral("settingsAction"));
    settingsAction->setShortcut(QKeySequence::Preferences);
    if (settingsAction->shortcut().isEmpty())
        settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    QMenu* go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < m_navigation->count(); ++i) {
        QAction* page = go->addAction(m_navigation->item(i)->icon(), m_navigation->item(i)->text());
        page->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(page, &QAction::triggered, this, [this, i] { m_navigation->setCurrentRow(i); });
    }
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* shortcuts = help->addAction(tr("&Keyboard Shortcuts"));
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Slash)});
    connect(shortcuts, &QAction::triggered, this, [this] {
        ShortcutsDialog dialog(this);
        m_context.dialogs.exec(dialog);
    });
    QAction* welcomeAction = help->addAction(tr("&Welcome"));
    welcomeAction->setObjectName(QStringLiteral("welcomeAction"));
    connect(welcomeAction, &QAction::triggered, this, [this] { showPage(QStringLiteral("welcomeView")); });
    QAction* about = help->addAction(tr("&About TokenDesk"));
    about->setObjectName(QStringLiteral("aboutAction"));
    connect(about, &QAction::triggered, this, [this] { QMessageBox::about(this, tr("About TokenDesk"), aboutText()); });

    if (!m_storeLabel) {
        m_serverStatus = new QPushButton(this);
        m_serverStatus->setObjectName(QStringLiteral("serverStatusButton"));
        m_serverStatus->setFlat(true);
        m_serverStatus->setCursor(Qt::PointingHandCursor);
        statusBar()->addWidget(m_serverStatus);
        m_storeLabel = new QLabel(this);
        m_storeLabel->setObjectName(QStringLiteral("secretStoreLabel"));
        statusBar()->addPermanentWidget(m_storeLabel);
        connect(m_serverStatus, &QPushButton::clicked, this, [this] { showPage(QStringLiteral("serverPage")); });
    }
    updateStatus();
    updateServerStatus();
    if (welcomeShown)
        showPage(QStringLiteral("welcomeView"));
    else if (current >= 0)
        m_navigation->setCurrentRow(current);
}

QString MainWindow::aboutText()
{
    return tr("<h3>TokenDesk %1</h3><p>Access tokens for %4: mint, decode, verify, explain and serve them.</p><p>Built "
              "with Qt %2 and %3.</p><p>License: MIT. Security notes and how to report a problem: "
              "/usr/share/doc/tokendesk/SECURITY.md</p>")
        .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()), crypto::libraryVersion(),
             providerDisplayNames());
}

void MainWindow::addPage(QWidget* page, const QString& icon, const QString& title)
{
    // Pages are found by objectName ("mintPage") in tests, the screenshot tour and TOKENDESK_START_PAGE.
    page->setObjectName(icon + QStringLiteral("Page"));
    m_pages->addWidget(page);
    auto* item = new QListWidgetItem(pageIcon(icon), title, m_navigation);
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(title).arg(m_navigation->count()));
}

void MainWindow::updateStatus()
{
    // Short in the bar, whole in the tooltip: a vault path must not push the server status off the window.
    const QString store = m_context.profiles.secretStoreDescription();
    const QString text = tr("Secrets: %1").arg(store);
    m_storeLabel->setText(m_storeLabel->fontMetrics().elidedText(text, Qt::ElideMiddle, 320));
    m_storeLabel->setToolTip(text);
}

void MainWindow::updateServerStatus()
{
    const auto* server = m_pages ? m_pages->findChild<ServerPage*>() : nullptr;
    const bool running = server && server->isRunning();
    m_serverStatus->setVisible(running);
    if (!running)
        return;
    const QString url = server->url();
    m_serverStatus->setText(tr("● Server running on %1").arg(QUrl(url).authority()));
    m_serverStatus->setToolTip(tr("The token server answers at %1. Click to open the Server page.").arg(url));
    m_serverStatus->setAccessibleName(m_serverStatus->text());
}

void MainWindow::showPage(const QString& objectName)
{
    if (auto* welcome = m_pages->findChild<WelcomeView*>(objectName)) {
        m_navigation->setCurrentRow(-1);
        m_pages->setCurrentWidget(welcome);
        welcome->rescan();
        welcome->focusFirst();
        return;
    }
    for (int i = 0; i < m_pages->count(); ++i) {
        if (m_pages->widget(i)->objectName() == objectName)
            m_navigation->setCurrentRow(i);
    }
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_context.settings, this);
    if (m_context.dialogs.exec(dialog) != QDialog::Accepted)
        return;
    if (dialog.apply())
        setLanguage(m_context.settings.language());
    statusBar()->showMessage(tr("Settings saved"), 3000);
}

void MainWindow::setLanguage(const QString& language)
{
    // A batch run in progress belongs to its page's worker thread: the switch waits for the run to end.
    auto* batch = m_pages->findChild<BatchPage*>();
    if (batch && batch->batchTab()->isRunning()) {
        statusBar()->showMessage(tr("The language changes when the batch run ends."), 5000);
        connect(
            batch->batchTab(), &BatchTab::runFinished, this, [this, language] { setLanguage(language); },
            Qt::SingleShotConnection);
        return;
    }
    m_translations.apply(language);
    buildPages();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/page"), m_navigation->currentRow());
    m_context.clipboard.clearNow();
    event->accept();
}

} // namespace td::ui
