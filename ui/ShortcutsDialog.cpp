// SPDX-License-Identifier: MIT
#include "ui/ShortcutsDialog.h"

#include "ui/common/Widgets.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace td::ui {

ShortcutsDialog::ShortcutsDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto* list = new QTreeWidget(this);
    name(list, QStringLiteral("shortcutsTreeWidget"), tr("Keyboard shortcuts"));
    list->setHeaderLabels({tr("Action"), tr("Keys")});
    list->setRootIsDecorated(false);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setFocusPolicy(Qt::StrongFocus);

    struct Row {
        QString action;
        QList<QKeySequence> keys;
    };
    const auto keys = [](std::initializer_list<QKeySequence> k) { return QList<QKeySequence>(k); };
    const QList<std::pair<QString, QList<Row>>> groups = {
        {tr("Everywhere"),
         {{tr("Go to a page (Profiles, Mint, Inspect, Server, History, Batch)"),
           keys({QKeySequence(Qt::CTRL | Qt::Key_1), QKeySequence(Qt::CTRL | Qt::Key_6)})},
          {tr("Settings"), keys({QKeySequence(Qt::CTRL | Qt::Key_Comma)})},
          {tr("This list"), keys({QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Slash)})},
          {tr("A control by its underlined letter"), keys({QKeySequence(Qt::ALT | Qt::Key_A)})},
          {tr("Quit (clears a copied token from the clipboard)"), keys({QKeySequence(QKeySequence::Quit)})}}},
        {tr("Mint"),
         {{tr("Mint the token"), keys({QKeySequence(Qt::CTRL | Qt::Key_Return)})},
          {tr("Copy the token"), keys({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)})},
          {tr("Copy the join link"), keys({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)})}}},
        {tr("Profiles, History and the request log"),
         {{tr("Search"), keys({QKeySequence(QKeySequence::Find)})},
          {tr("Clear the search, back to the list"), keys({QKeySequence(Qt::Key_Escape)})},
          {tr("Edit the selected profile"), keys({QKeySequence(Qt::Key_F2), QKeySequence(Qt::Key_Return)})},
          {tr("Copy the selected profile's name"), keys({QKeySequence(QKeySequence::Copy)})},
          {tr("Delete the selected profile (with Undo)"), keys({QKeySequence(QKeySequence::Delete)})},
          {tr("Context menu"), keys({QKeySequence(Qt::Key_Menu), QKeySequence(Qt::SHIFT | Qt::Key_F10)})}}},
        {tr("Batch"),
         {{tr("Paste rows from a spreadsheet"), keys({QKeySequence(QKeySequence::Paste)})},
          {tr("Find a row"), keys({QKeySequence(QKeySequence::Find)})}}},
    };
    for (const auto& [group, rows] : groups) {
        auto* heading = new QTreeWidgetItem(list, {group});
        QFont bold = heading->font(0);
        bold.setBold(true);
        heading->setFont(0, bold);
        heading->setFirstColumnSpanned(true);
        for (const Row& row : rows) {
            QStringList text;
            for (const QKeySequence& k : row.keys)
                text << k.toString(QKeySequence::NativeText);
            // "Ctrl+1 … Ctrl+6" for a range, "F1 or Ctrl+/" for alternatives.
            const QString joined = row.keys.size() == 2 && row.keys.first()[0].key() == Qt::Key_1
                                       ? text.join(QStringLiteral(" … "))
                                       : text.join(tr(" or "));
            new QTreeWidgetItem(heading, {row.action, joined});
        }
    }
    list->expandAll();
    list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    list->header()->setStretchLastSection(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(list);
    layout->addWidget(buttons);
    resize(620, 520);
}

} // namespace td::ui
