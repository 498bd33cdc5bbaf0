// SPDX-License-Identifier: MIT
#include "ui/server/RequestLogPanel.h"

#include "ui/common/Widgets.h"
#include "ui/server/RequestLogModel.h"

#include <QHBoxLayout>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>

#include <algorithm>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace td::ui {

RequestLogPanel::RequestLogPanel(QWidget* parent)
    : QWidget(parent), m_model(new RequestLogModel(2000, this)), m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)), m_view(new QTableView(this)), m_clear(new QPushButton(tr("C&lear log"), this)),
      m_count(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    name(m_filter, QStringLiteral("logFilterLineEdit"), tr("Filter the request log"));
    m_filter->setPlaceholderText(tr("Filter by path, status, origin, identity, room, reason… (Ctrl+F)"));
    bindSearchField(this, m_filter, m_view);
    name(m_view, QStringLiteral("logTableView"), tr("Request log"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Short columns fit their content, Reason (last) takes the rest; resizable by hand.
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setMinimumSectionSize(40);
    name(m_clear, QStringLiteral("clearLogPushButton"), tr("Clear the request log"));
    m_count->setObjectName(QStringLiteral("logCountLabel"));

    auto* filterLabel = new QLabel(tr("Filte&r:"), this);
    filterLabel->setBuddy(m_filter);
    auto* top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    top->addWidget(m_clear);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_filter, &QLineEdit::textChanged, this, &RequestLogPanel::updateCount);
    // Copying a request (never a token: the log holds none) for a bug report or a chat.
    auto* copyRow = new QAction(tr("&Copy request"), m_view);
    copyRow->setObjectName(QStringLiteral("copyRequestAction"));
    copyRow->setShortcut(QKeySequence::Copy);
    copyRow->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(copyRow);
    connect(copyRow, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (!current.isValid())
            return;
        QStringList cells;
        for (int c = 0; c < m_proxy->columnCount(); ++c)
            cells << m_proxy->index(current.row(), c).data().toString();
        QGuiApplication::clipboard()->setText(cells.join(QLatin1Char('\t')));
    });
    addContextMenu(m_view, {m_clear}, {copyRow});
    connect(m_clear, &QPushButton::clicked, m_model, &RequestLogModel::clear);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RequestLogPanel::updateCount);
    setTabOrder(m_filter, m_clear);
    setTabOrder(m_clear, m_view);
    updateCount();
}

void RequestLogPanel::append(const server::LogEntry& entry)
{
    // Follow new requests only while the user is looking at the newest ones.
    QScrollBar* bar = m_view->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    m_model->append(entry);
    updateCount();
    // Columns follow the first requests' content; after that the user's widths stay.
    if (m_model->rowCount() <= 20) {
        for (int c = 0; c < RequestLogModel::Reason; ++c) {
            m_view->resizeColumnToContents(c);
            m_view->setColumnWidth(c, std::min(m_view->columnWidth(c), c == RequestLogModel::Time ? 160 : 120));
        }
    }
    if (atEnd)
        m_view->scrollToBottom();
}

void RequestLogPanel::updateCount()
{
    const int all = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_count->setText(shown == all ? tr("%n request(s)", nullptr, all)
                                  : tr("%1 of %n request(s)", nullptr, all).arg(shown));
}

} // namespace td::ui
