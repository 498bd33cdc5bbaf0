// SPDX-License-Identifier: MIT
#pragma once

#include "core/batch/BatchMinter.h"
#include "core/batch/BatchRow.h"
#include "core/csv/Csv.h"

#include <QAbstractTableModel>
#include <QJsonValue>
#include <QList>
#include <QStringList>

namespace td::ui {

/**
 * The Batch page's table: editable input columns (identity, name, room, ...) followed by what a run added (token,
 * join link, expiry, summary, error). A failed row is tinted and its error is the row's tooltip; a warning (the
 * same identity twice in a room) is tinted in a second colour.
 */
class BatchTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchTableModel)

public:
    // Errors and summaries first: they are what a reader scans; the long token and link come last.
    enum ResultColumn { ErrorResult, SummaryResult, TokenResult, LinkResult, ExpiresResult, ResultCount };

    explicit BatchTableModel(QObject* parent = nullptr);

    const QStringList& headers() const { return m_headers; }
    int inputColumns() const { return int(m_headers.size()); }
    /** The column of a result (token, ...), after the input columns. */
    int resultColumn(ResultColumn column) const { return inputColumns() + column; }

    /** Replaces everything; `lines` gives each row's line in its file (empty: numbered as a table, from 2). */
    void setTable(const QStringList& headers, const QList<QStringList>& rows, const QList<qint64>& lines = {});
    /**
     * Replaces everything with rows read from a file: cells go under their headers (JSON values keep their type
     * until edited), and each row keeps its line and what the reader found wrong with it (reported by the run, as
     * the CLI does, until the row is edited).
     */
    void setInputRows(const QStringList& headers, const QList<batch::InputRow>& rows);
    /** Adds an input column unless one of that name exists; returns its index. */
    int addColumn(const QString& header);
    void addRows(int count);
    void removeRowsAt(QList<int> rows);
    /**
     * Pastes parsed text at (row, column), or after the last non-blank row when `row` is negative: when the first
     * record names known batch columns it is a header, and the records go under those columns (adding the missing
     * ones) after the last non-blank row. Returns how many cells
     * were left out because they fell to the right of the last input column.
     */
    int paste(const QList<csv::Record>& records, int row, int column);

    /** A row as the core reads it: its cells under the current headers, with its line. */
    batch::InputRow inputRow(int row) const;
    const batch::RowResult* result(int row) const;
    void setResult(int row, const batch::RowResult& result);
    /** Results for rows first, first + 1, ... with one change notification (a run reports a chunk at a time). */
    void setResults(int first, const QList<batch::RowResult>& results);
    void clearResults();
    /** Replaces everything (columns, rows, results) with a copy of `other`'s: a rebuilt page keeps its table. */
    void copyFrom(const BatchTableModel& other);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Row {
        qint64 line = 0;
        QStringList cells;
        // JSON values other than strings, as imported (a list stays a list); Undefined once the cell is edited.
        QList<QJsonValue> json;
        QString problem; // from the file the row was imported from
        std::optional<batch::RowResult> result;
    };
    QString resultText(const batch::RowResult& r, int column) const;

    QStringList m_headers;
    QList<Row> m_rows;
};

} // namespace td::ui
