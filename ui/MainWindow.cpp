// SPDX-License-Identifier: MIT
#include "ui/MainWindow.h"

#include "core/crypto/Crypto.h"
#include "core/settings/Settings.h"
#include "ui/SettingsDialog.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/Dialogs.h"
#include "ui/common/ProfileService.h"
#include "ui/common/Translations.h"
#include "ui/common/Widgets.h"
#include "ui/batch/BatchPage.h"
#include "ui/history/HistoryPage.h"
#include "ui/inspect/InspectPage.h"
#include "ui/mint/MintPage.h"
#include "ui/profiles/ProfilesPage.h"
#include "ui/server/ServerPage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

namespace td::ui {

MainWindow::MainWindow(AppContext& context, Translations& translations, QWidget* parent)
    : QMainWindow(parent), m_context(context), m_translations(translations)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tokendesk.svg")));
    buildPages();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1100, 740);
    m_navigation->setCurrentRow(
        std::clamp(settings.value(QStringLiteral("window/page")).toInt(), 0, m_pages->count() - 1));
    m_pages->currentWidget()->setFocus();

    connect(&m_context.clipboard, &ClipboardGuard::countdown, this, [this](int seconds) {
        statusBar()->showMessage(tr("Token on the clipboard; cleared in %n second(s)", nullptr, seconds), 1500);
    });
    connect(&m_context.clipboard, &ClipboardGuard::cleared, this,
            [this] { statusBar()->showMessage(tr("Clipboard cleared"), 3000); });
}

void MainWindow::buildPages()
{
    const int current = m_navigation ? m_navigation->currentRow() : -1;
    setWindowTitle(tr("TokenDesk"));
    menuBar()->clear();
    for (QAction* action : actions())
        removeAction(action);
    delete centralWidget();

    auto* central = new QWidget(this);
    m_navigation = new QListWidget(central);
    name(m_navigation, QStringLiteral("navigationListWidget"), tr("Pages"));
    m_navigation->setMaximumWidth(190);
    m_navigation->setIconSize(QSize(22, 22));
    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pagesStackedWidget"));

    auto* mintPage = new MintPage(m_context, m_pages);
    auto* historyPage = new HistoryPage(m_context, m_pages);
    addPage(new ProfilesPage(m_context, m_pages), QStringLiteral("profiles"), tr("Profiles"));
    addPage(mintPage, QStringLiteral("mint"), tr("Mint"));
    addPage(new InspectPage(m_context, m_pages), QStringLiteral("inspect"), tr("Inspect"));
    addPage(new ServerPage(m_context, m_pages), QStringLiteral("server"), tr("Server"));
    addPage(historyPage, QStringLiteral("history"), tr("History"));
    addPage(new BatchPage(m_context, m_pages), QStringLiteral("batch"), tr("Batch"));
    connect(historyPage, &HistoryPage::remintRequested, this, [this, mintPage](const mint::MintPlan& plan) {
        mintPage->loadPlan(plan);
        m_navigation->setCurrentRow(m_pages->indexOf(mintPage));
    });

    auto* layout = new QHBoxLayout(central);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
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
    for (int i = 0; i < m_pages->count(); ++i) {
        QAction* page = go->addAction(m_navigation->item(i)->icon(), m_navigation->item(i)->text());
        page->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(page, &QAction::triggered, this, [this, i] { m_navigation->setCurrentRow(i); });
    }
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About TokenDesk"));
    about->setObjectName(QStringLiteral("aboutAction"));
    connect(about, &QAction::triggered, this, [this] { QMessageBox::about(this, tr("About TokenDesk"), aboutText()); });

    if (!m_storeLabel) {
        m_storeLabel = new QLabel(this);
        m_storeLabel->setObjectName(QStringLiteral("secretStoreLabel"));
        statusBar()->addPermanentWidget(m_storeLabel);
    }
    updateStatus();
    if (current >= 0)
        m_navigation->setCurrentRow(current);
}

QString MainWindow::aboutText()
{
    return tr("<h3>TokenDesk %1</h3><p>Access tokens for LiveKit, ZEGOCLOUD and Jitsi: mint, decode, verify, explain "
              "and serve them.</p><p>Built with Qt %2 and %3.</p><p>License: MIT. Security notes and how to report a "
              "problem: /usr/share/doc/tokendesk/SECURITY.md</p>")
        .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()), crypto::libraryVersion());
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
    m_storeLabel->setText(tr("Secrets: %1").arg(m_context.profiles.secretStoreDescription()));
}

void MainWindow::showPage(const QString& objectName)
{
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
