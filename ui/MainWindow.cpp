// SPDX-License-Identifier: MIT
#include "ui/MainWindow.h"

#include "ui/inspect/InspectPage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QListWidget>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

namespace td::ui {

MainWindow::MainWindow(const Clock& clock, QWidget* parent)
    : QMainWindow(parent), m_navigation(new QListWidget(this)), m_pages(new QStackedWidget(this))
{
    setWindowTitle(tr("TokenDesk"));
    setObjectName(QStringLiteral("mainWindow"));
    m_navigation->setObjectName(QStringLiteral("navigationListWidget"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setMaximumWidth(180);
    m_pages->setObjectName(QStringLiteral("pagesStackedWidget"));

    addPage(new InspectPage(clock, this), tr("Inspect"));

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        m_pages->setCurrentIndex(row);
        m_pages->currentWidget()->setFocus();
    });

    auto* quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    addAction(quit);
    statusBar()->showMessage(tr("Paste a token to inspect it"));

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1000, 680);
    m_navigation->setCurrentRow(std::clamp(settings.value(QStringLiteral("window/page")).toInt(), 0, m_pages->count() - 1));
    m_pages->currentWidget()->setFocus();
}

void MainWindow::addPage(QWidget* page, const QString& title)
{
    const int index = m_pages->addWidget(page);
    m_navigation->addItem(title);
    // Ctrl+1, Ctrl+2, ... switch pages.
    auto* shortcut = new QAction(title, this);
    shortcut->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + index)));
    connect(shortcut, &QAction::triggered, this, [this, index] { m_navigation->setCurrentRow(index); });
    addAction(shortcut);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/page"), m_navigation->currentRow());
    event->accept();
}

} // namespace td::ui
