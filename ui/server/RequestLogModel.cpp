// SPDX-License-Identifier: MIT
#include "ui/server/RequestLogModel.h"

#include "ui/common/Widgets.h"

#include <QLocale>
#include <QPalette>

namespace td::ui {

RequestLogModel::RequestLogModel(int capacity, QObject* parent) : QAbstractTableModel(parent), m_capacity(capacity) {}

int RequestLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int RequestLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RequestLogModel::text(const server::LogEntry& e, int column) const
{
    switch (column) {
    case Time: return e.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    // Whatever a client sent is shown with its control characters escaped, as in the text log.
    case Method: return server::escapeForLog(e.method);
    case Path: return server::escapeForLog(e.path);
    case Status: return QString::number(e.status);
    case Duration:
        if (e.durationUs < 0)
            return {};
        return e.durationUs < 10000 ? tr("%1 ms").arg(double(e.durationUs) / 1000.0, 0, 'f', 2)
                                    : tr("%1 ms").arg(e.durationUs / 1000);
    case Origin: return server::escapeForLog(e.origin);
    case Client: return server::escapeForLog(e.client);
    case Identity: return server::escapeForLog(e.identity);
    case Room: return server::escapeForLog(e.room);
    case Grants: return server::escapeForLog(e.grants);
    case Reason: return server::escapeForLog(e.reason);
    default: break;
    }
    return {};
}

QVariant RequestLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const server::LogEntry& e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return text(e, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Time)
            return QLocale().toString(e.time.toLocalTime(), QLocale::LongFormat);
        return e.reason.isEmpty() ? text(e, index.column()) : e.reason;
    case Qt::TextAlignmentRole:
        if (index.column() == Status || index.column() == Duration)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        // 2xx good, 4xx a refusal the policy made, 5xx the server's own failure; colours from the palette.
        if (index.column() == Status && e.status > 0)
            return toneColor(e.status < 400 ? Tone::Good : e.status < 500 ? Tone::Warning : Tone::Bad, QPalette());
        break;
    case Qt::UserRole: return e.status;
    default: break;
    }
    return {};
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Method: return tr("Method");
    case Path: return tr("Path");
    case Status: return tr("Status");
    case Duration: return tr("Duration");
    case Origin: return tr("Origin");
    case Client: return tr("Client");
    case Identity: return tr("Identity");
    case Room: return tr("Room");
    case Grants: return tr("Grants");
    case Reason: return tr("Reason");
    default: break;
    }
    return {};
}

void RequestLogModel::append(const server::LogEntry& entry)
{
    if (m_entries.size() >= m_capacity) {
        // The oldest go first, so a long session does not grow without bound.
        const int drop = static_cast<int>(m_entries.size()) - m_capacity + 1;
        beginRemoveRows({}, 0, drop - 1);
        m_entries.remove(0, drop);
        endRemoveRows();
    }
    const int row = static_cast<int>(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
}

void RequestLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_entries.squeeze();
    endResetModel();
}

} // namespace td::ui
