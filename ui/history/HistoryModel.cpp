// SPDX-License-Identifier: MIT
#include "ui/history/HistoryModel.h"

#include "core/providers/Registry.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include "ui/common/Widgets.h"

namespace td::ui {
namespace {

// Brand names: not translated.
QString providerTitle(Provider provider)
{
    return findModule(provider) ? providerDisplayName(provider) : providerName(provider);
}

QString localTime(qint64 seconds)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(seconds), QLocale::ShortFormat);
}

QString utcTime(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

HistoryModel::HistoryModel(const Clock& clock, QObject* parent) : QAbstractTableModel(parent), m_clock(clock) {}

void HistoryModel::setEntries(QList<history::HistoryEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int HistoryModel::rowOf(const QString& id) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id)
            return int(i);
    }
    return -1;
}

void HistoryModel::refreshCountdowns()
{
    if (m_entries.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, ExpiresColumn), index(rowCount() - 1, ExpiresColumn),
                       {Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole});
}

QString HistoryModel::countdown(qint64 expiresAt, qint64 now)
{
    if (expiresAt <= 0)
        return tr("—");
    const qint64 left = expiresAt - now;
    if (left <= 0)
        return tr("expired");
    const qint64 days = left / 86400;
    const qint64 hours = left % 86400 / 3600;
    const qint64 minutes = left % 3600 / 60;
    const qint64 seconds = left % 60;
    if (days > 0)
        return tr("in %1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return tr("in %1 h %2 min").arg(hours).arg(minutes);
    if (minutes > 0)
        return tr("in %1 min %2 s").arg(minutes).arg(seconds);
    return tr("in %1 s").arg(seconds);
}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const history::HistoryEntry& e = m_entries.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return display(e, column);
    case Qt::ToolTipRole: return toolTip(e, column);
    case Qt::DecorationRole: return column == ProviderColumn ? QVariant(providerIcon(e.provider)) : QVariant();
    case Qt::ForegroundRole:
        if (column == ExpiresColumn && e.expiresAt > 0 && e.expiresAt <= m_clock.nowSeconds())
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case SortRole: return sortKey(e, column);
    case FilterRole: return QStringList{e.profile, e.identity, e.room, e.summary}.join(QLatin1Char('\n'));
    case IdRole: return e.id;
    default: return {};
    }
}

QVariant HistoryModel::display(const history::HistoryEntry& e, int column) const
{
    switch (column) {
    case ProviderColumn: return providerTitle(e.provider);
    case ProfileColumn: return e.profile;
    case IdentityColumn: return e.identity;
    case RoomColumn: return e.room;
    case GrantsColumn: return e.summary;
    case CreatedColumn: return localTime(e.createdAt);
    case ExpiresColumn: return countdown(e.expiresAt, m_clock.nowSeconds());
    case TokenColumn: return e.token.isEmpty() ? tr("no") : tr("yes");
    default: return {};
    }
}

QVariant HistoryModel::sortKey(const history::HistoryEntry& e, int column) const
{
    switch (column) {
    case CreatedColumn: return e.createdAt;
    case ExpiresColumn: return e.expiresAt;
    case TokenColumn: return e.token.isEmpty() ? 0 : 1;
    default: return display(e, column);
    }
}

QVariant HistoryModel::toolTip(const history::HistoryEntry& e, int column) const
{
    switch (column) {
    case GrantsColumn: return e.summary;
    case CreatedColumn: return tr("%1 UTC").arg(utcTime(e.createdAt));
    case ExpiresColumn:
        if (e.expiresAt <= 0)
            return tr("The expiry of this token was not recorded");
        return tr("Expires %1 (local), %2 UTC").arg(localTime(e.expiresAt), utcTime(e.expiresAt));
    case TokenColumn:
        return e.token.isEmpty() ? tr("Only the metadata was kept, not the token string")
                                 : tr("The token string is kept in history: it is a credential until it expires");
    default: return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ProviderColumn: return tr("Provider");
    case ProfileColumn: return tr("Profile");
    case IdentityColumn: return tr("Identity");
    case RoomColumn: return tr("Room");
    case GrantsColumn: return tr("Grants");
    case CreatedColumn: return tr("Created");
    case ExpiresColumn: return tr("Expires");
    case TokenColumn: return tr("Token kept");
    default: return {};
    }
}

} // namespace td::ui
