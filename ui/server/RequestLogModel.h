// SPDX-License-Identifier: MIT
#pragma once

#include "core/server/LogEntry.h"

#include <QAbstractTableModel>
#include <QList>

namespace td::ui {

/** The live request log: one row per request the server answered, newest last, capped. Never tokens or keys. */
class RequestLogModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogModel)

public:
    enum Column { Time, Method, Path, Status, Duration, Origin, Client, Identity, Room, Grants, Reason, ColumnCount };

    explicit RequestLogModel(int capacity = 2000, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void append(const server::LogEntry& entry);
    void clear();
    const server::LogEntry& entry(int row) const { return m_entries.at(row); }

private:
    QString text(const server::LogEntry& entry, int column) const;

    QList<server::LogEntry> m_entries;
    int m_capacity;
};

} // namespace td::ui
