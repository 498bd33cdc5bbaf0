// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/history/HistoryStore.h"

#include <QAbstractTableModel>
#include <QList>

namespace td::ui {

/**
 * The history as a table: one row per mint, newest first as loaded. The expiry column counts down against the
 * injected clock; refreshCountdowns() updates that column alone, so a view keeps its selection and scroll position.
 */
class HistoryModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    enum Column {
        ProviderColumn,
        ProfileColumn,
        IdentityColumn,
        RoomColumn,
        GrantsColumn,
        CreatedColumn,
        ExpiresColumn,
        TokenColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw values: times as numbers, text as is
        FilterRole,                  // profile, identity, room and grants of the row, in every column
        IdRole,
    };

    explicit HistoryModel(const Clock& clock, QObject* parent = nullptr);

    void setEntries(QList<history::HistoryEntry> entries);
    const QList<history::HistoryEntry>& entries() const { return m_entries; }
    const history::HistoryEntry& entry(int row) const { return m_entries.at(row); }
    /** The row of the entry with this id, or -1. */
    int rowOf(const QString& id) const;
    /** Re-reads the clock for the expiry column and tells the views (dataChanged for that column only). */
    void refreshCountdowns();

    /** "in 5 h 3 min", "in 42 s", "expired" (or "—" when the expiry is unknown). */
    static QString countdown(qint64 expiresAt, qint64 now);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const history::HistoryEntry& e, int column) const;
    QVariant sortKey(const history::HistoryEntry& e, int column) const;
    QVariant toolTip(const history::HistoryEntry& e, int column) const;

    const Clock& m_clock;
    QList<history::HistoryEntry> m_entries;
};

} // namespace td::ui
