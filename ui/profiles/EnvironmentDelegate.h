// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace td::ui {

/**
 * Paints an environment cell as a rounded badge in the environment's colour (the item's BackgroundRole), on top of
 * the row's normal, palette-driven background, so the badge stays visible on a selected row too.
 */
class EnvironmentDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    static QString badgeText(const QModelIndex& index);
};

} // namespace td::ui
