// SPDX-License-Identifier: MIT
#include "ui/profiles/EnvironmentDelegate.h"

#include <QApplication>
#include <QPainter>

namespace td::ui {
namespace {

constexpr int kPadding = 6;
constexpr int kMargin = 4;

QFont badgeFont(const QStyleOptionViewItem& option)
{
    QFont font = option.font;
    font.setBold(true);
    return font;
}

} // namespace

QString EnvironmentDelegate::badgeText(const QModelIndex& index)
{
    const QString environment = index.data(Qt::DisplayRole).toString();
    // Production is the one environment a mistake is expensive in: it shouts.
    return environment == QStringLiteral("prod") ? environment.toUpper() : environment;
}

void EnvironmentDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QColor color = opt.backgroundBrush.color();
    opt.text.clear();
    opt.backgroundBrush = QBrush();
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QString text = badgeText(index);
    if (text.isEmpty())
        return;
    const QFont font = badgeFont(option);
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 2;
    const int width = std::min(metrics.horizontalAdvance(text) + 2 * kPadding, opt.rect.width() - 2 * kMargin);
    const QRect badge(opt.rect.left() + kMargin, opt.rect.center().y() - height / 2 + 1, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(badge, height / 3.0, height / 3.0);
    painter->setFont(font);
    painter->setPen(Qt::white); // the badge colours are dark enough for white text in both palettes
    painter->drawText(badge, Qt::AlignCenter, metrics.elidedText(text, Qt::ElideRight, width - kPadding));
    painter->restore();
}

QSize EnvironmentDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(badgeFont(option));
    size.setWidth(std::max(size.width(), metrics.horizontalAdvance(badgeText(index)) + 2 * kPadding + 2 * kMargin));
    size.setHeight(std::max(size.height(), metrics.height() + 6));
    return size;
}

} // namespace td::ui
