// SPDX-License-Identifier: MIT
#include "ui/batch/BatchTableModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

#include <algorithm>

namespace td::ui {
namespace {

// Translucent tints read on light and dark palettes alike.
const QColor kErrorTint(220, 50, 47, 70);
const QColor kWarningTint(230, 160, 0, 70);

} // namespace

BatchTableModel::BatchTableModel(QObject* parent) : QAbstractTableModel(parent)
{
    m_headers = {QStringLiteral("identity"), QStringLiteral("name"), QStringLiteral("room"), QStringLiteral("preset"),
                 QStringLiteral("ttl")};
}

void BatchTableModel::setTable(const QStringList& headers, const QList<QStringList>& rows, const QList<qint64>& lines)
{
    beginResetModel();
    m_headers = headers;
    m_rows.clear();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        Row row;
        row.line = i < lines.size() ? lines[i] : 0;
        row.cells = rows[i];
        row.cells.resize(headers.size());
        m_rows.append(row);
    }
    endResetModel();
}

void BatchTableModel::setInputRows(const QStringList& headers, const QList<batch::InputRow>& rows)
{
    beginResetModel();
    m_headers = headers;
    m_rows.clear();
    m_rows.reserve(rows.size());
    for (const batch::InputRow& in : rows) {
        Row row;
        row.line = in.line;
        row.problem = in.problem;
        row.cells.resize(headers.size());
        for (const batch::Cell& cell : in.cells) {
            const qsizetype at = headers.indexOf(cell.header);
            if (at < 0)
                continue;
            row.cells[at] = cell.toText();
            if (!cell.json.isUndefined() && !cell.json.isString()) {
                row.json.resize(headers.size(), QJsonValue(QJsonValue::Undefined));
                row.json[at] = cell.json;
            }
        }
        m_rows.append(row);
    }
    endResetModel();
}

int BatchTableModel::addColumn(const QString& header)
{
    if (const qsizetype at = m_headers.indexOf(header); at >= 0)
        return int(at);
    // Input columns come before the result columns, so the table is rebuilt rather than a column inserted mid-way.
    beginResetModel();
    m_headers.append(header);
    for (Row& row : m_rows)
        row.cells.resize(m_headers.size());
    endResetModel();
    return int(m_headers.size() - 1);
}

void BatchTableModel::addRows(int count)
{
    if (count <= 0)
        return;
    beginInsertRows({}, rowCount(), rowCount() + count - 1);
    for (int i = 0; i < count; ++i) {
        Row row;
        row.cells.resize(m_headers.size());
        m_rows.append(row);
    }
    endInsertRows();
}

void BatchTableModel::removeRowsAt(QList<int> rows)
{
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (int row : rows) {
        if (row < 0 || row >= rowCount())
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
}

int BatchTableModel::paste(const QList<csv::Record>& records, int row, int column)
{
    if (records.isEmpty())
        return 0;
    QList<int> targets;
    qsizetype first = 0;
    const QStringList& top = records.first().fields;
    const bool isHeader = std::all_of(top.begin(), top.end(), [this](const QString& h) {
        return !batch::canonicalColumn(h).isEmpty() || m_headers.contains(h.trimmed());
    });
    if (isHeader) {
        // "User ID" and "user_id" go under identity: one column per meaning, named as the core names it.
        for (const QString& h : top) {
            const QString canonical = batch::canonicalColumn(h);
            targets << addColumn(canonical.isEmpty() ? h.trimmed() : canonical);
        }
        first = 1;
        row = -1;
    } else {
        // Cells to the right of the last input column are left out rather than piled into it.
        for (int c = qBound(0, column, inputColumns() - 1); c < inputColumns(); ++c)
            targets << c;
    }
    if (row < 0) {
        // After the last row with something in it: a new table's blank rows are filled, not pushed down.
        row = rowCount();
        while (row > 0 && !m_rows[row - 1].result &&
               std::all_of(m_rows[row - 1].cells.cbegin(), m_rows[row - 1].cells.cend(),
                           [](const QString& c) { return c.isEmpty(); }))
            --row;
    }
    const int needed = row + int(records.size() - first) - rowCount();
    addRows(needed);
    int leftOut = 0;
    for (qsizetype r = first; r < records.size(); ++r, ++row) {
        const QStringList& fields = records[r].fields;
        for (qsizetype c = 0; c < fields.size() && c < targets.size(); ++c) {
            m_rows[row].cells[targets[c]] = fields[c];
            if (targets[c] < m_rows[row].json.size())
                m_rows[row].json[targets[c]] = QJsonValue(QJsonValue::Undefined);
        }
        leftOut += int(qMax<qsizetype>(0, fields.size() - targets.size()));
        m_rows[row].problem.clear();
        m_rows[row].result.reset();
    }
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    return leftOut;
}

batch::InputRow BatchTableModel::inputRow(int row) const
{
    batch::InputRow out;
    const Row& r = m_rows.at(row);
    out.line = r.line > 0 ? r.line : row + 2; // as if the table were a CSV file with a header row
    out.problem = r.problem;
    for (qsizetype c = 0; c < m_headers.size(); ++c)
        out.cells.append(
            batch::Cell{m_headers[c], r.cells.value(c), r.json.value(c, QJsonValue(QJsonValue::Undefined))});
    return out;
}

const batch::RowResult* BatchTableModel::result(int row) const
{
    const auto& r = m_rows.at(row).result;
    return r ? &*r : nullptr;
}

void BatchTableModel::setResult(int row, const batch::RowResult& result)
{
    m_rows[row].result = result;
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void BatchTableModel::setResults(int first, const QList<batch::RowResult>& results)
{
    int last = first - 1;
    for (qsizetype i = 0; i < results.size() && first + i < rowCount(); ++i) {
        m_rows[first + int(i)].result = results[i];
        last = first + int(i);
    }
    if (last >= first)
        Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
}

void BatchTableModel::clearResults()
{
    for (Row& r : m_rows)
        r.result.reset();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int BatchTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BatchTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : inputColumns() + ResultCount;
}

QString BatchTableModel::resultText(const batch::RowResult& r, int column) const
{
    switch (column) {
    case TokenResult: return QString::fromLatin1(r.token);
    case LinkResult: return r.joinLink;
    case ExpiresResult:
        return r.expiresAt > 0
                   ? QDateTime::fromSecsSinceEpoch(r.expiresAt).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                   : QString();
    case SummaryResult: return r.summary;
    case ErrorResult: return r.ok() ? r.warnings.join(QLatin1Char('\n')) : r.error;
    }
    return {};
}

QVariant BatchTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const Row& row = m_rows.at(index.row());
    const int column = index.column();
    if (role == Qt::BackgroundRole && row.result) {
        if (!row.result->ok())
            return QBrush(kErrorTint);
        if (!row.result->warnings.isEmpty())
            return QBrush(kWarningTint);
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (row.result && !row.result->ok())
            return tr("Line %1: %2").arg(row.result->line).arg(row.result->error);
        if (row.result && !row.result->warnings.isEmpty())
            return tr("Line %1: %2").arg(row.result->line).arg(row.result->warnings.join(QLatin1Char('\n')));
        if (!row.result && !row.problem.isEmpty())
            return tr("Line %1: %2").arg(row.line).arg(row.problem);
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    if (column < inputColumns())
        return row.cells.value(column);
    return row.result ? resultText(*row.result, column - inputColumns()) : QString();
}

bool BatchTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.column() >= inputColumns())
        return false;
    Row& row = m_rows[index.row()];
    row.cells[index.column()] = value.toString();
    if (index.column() < row.json.size())
        row.json[index.column()] = QJsonValue(QJsonValue::Undefined); // now text the user typed
    row.problem.clear();                                              // the user has seen the row and put it right
    row.result.reset();                                               // the result no longer describes the row
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), columnCount() - 1));
    return true;
}

QVariant BatchTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section < inputColumns())
        return m_headers.value(section);
    switch (section - inputColumns()) {
    case TokenResult: return tr("token");
    case LinkResult: return tr("join link");
    case ExpiresResult: return tr("expires");
    case SummaryResult: return tr("summary");
    case ErrorResult: return tr("error / warning");
    }
    return {};
}

Qt::ItemFlags BatchTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() < inputColumns())
        f |= Qt::ItemIsEditable;
    return f;
}

void BatchTableModel::copyFrom(const BatchTableModel& other)
{
    beginResetModel();
    m_headers = other.m_headers;
    m_rows = other.m_rows;
    endResetModel();
}

} // namespace td::ui
