// SPDX-License-Identifier: MIT
#include "core/batch/RowIo.h"

#include "core/batch/BatchMinter.h"
#include "core/csv/Csv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace td::batch {
namespace {

/** 2026-01-01T00:00:00Z from Unix seconds, without QDateTime's time-zone machinery (it costs a batch 10%). */
QString isoUtc(qint64 seconds)
{
    if (seconds <= 0)
        return {};
    // Howard Hinnant's days-to-civil algorithm.
    const qint64 days = seconds / 86400;
    const qint64 secs = seconds % 86400;
    const qint64 z = days + 719468;
    const qint64 era = z / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char text[64];
    std::snprintf(text, sizeof text, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", static_cast<long long>(year),
                  static_cast<long long>(month), static_cast<long long>(day), static_cast<long long>(secs / 3600),
                  static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
    return QString::fromLatin1(text);
}

class CsvRowReader final : public RowReader {
public:
    explicit CsvRowReader(QIODevice& device) : m_reader(device) {}

    Result<void> readHeader()
    {
        auto header = m_reader.next();
        if (!header)
            return std::unexpected(header.error());
        if (!*header)
            return fail(ErrorCode::MissingValue,
                        QT_TRANSLATE_NOOP("td::Error", "the input is empty (expected a header row)"));
        for (const QString& h : (*header)->fields)
            m_headers << h.trimmed();
        return {};
    }

    Result<std::optional<InputRow>> next() override
    {
        auto record = m_reader.next();
        if (!record)
            return std::unexpected(record.error());
        if (!*record)
            return std::optional<InputRow>();
        InputRow row;
        row.line = (*record)->line;
        row.problem = (*record)->problem;
        const QStringList& fields = (*record)->fields;
        if (fields.size() != m_headers.size() && row.problem.isEmpty())
            row.problem = QStringLiteral("%1 fields, but the header has %2").arg(fields.size()).arg(m_headers.size());
        row.cells.reserve(m_headers.size());
        for (qsizetype i = 0; i < m_headers.size(); ++i)
            row.cells.append(Cell{m_headers[i], fields.value(i)});
        return std::optional<InputRow>(std::move(row));
    }

    QStringList headers() const override { return m_headers; }
    qint64 bytesConsumed() const override { return m_reader.bytesConsumed(); }

private:
    csv::Reader m_reader;
    QStringList m_headers;
};

/**
 * Splits a JSON array of objects (or objects one after another, as JSON Lines) into its elements by scanning
 * brackets and strings, and parses one element at a time.
 */
class JsonRowReader final : public RowReader {
public:
    explicit JsonRowReader(QIODevice& device) : m_in(device) {}

    Result<std::optional<InputRow>> next() override
    {
        if (m_done)
            return std::optional<InputRow>();
        if (!m_started) {
            while (m_in.buffer.size() < 3 && m_in.fill()) {
            }
            if (m_in.buffer.startsWith(QByteArrayLiteral("\xEF\xBB\xBF")))
                m_in.pos = 3;
        }
        if (!skipSpace())
            return finishAtEnd();
        char c = m_in.buffer[m_in.pos];
        if (!m_started) {
            m_started = true;
            m_array = c == '[';
            if (m_array) {
                ++m_in.pos;
                if (!skipSpace())
                    return failAt(m_line, QStringLiteral("the JSON array is not closed"));
                c = m_in.buffer[m_in.pos];
            }
        } else if (m_array) {
            if (c == ',') {
                ++m_in.pos;
                if (!skipSpace())
                    return failAt(m_line, QStringLiteral("the JSON array is not closed"));
                c = m_in.buffer[m_in.pos];
            } else if (c != ']') {
                return failAt(m_line, QStringLiteral("expected , or ] between rows"));
            }
        }
        if (m_array && c == ']') {
            ++m_in.pos;
            m_done = true;
            if (skipSpace())
                return failAt(m_line, QStringLiteral("text after the end of the JSON array"));
            return std::optional<InputRow>();
        }
        return element();
    }

    QStringList headers() const override { return m_headers; }
    qint64 bytesConsumed() const override { return m_in.consumed(); }

private:
    Result<std::optional<InputRow>> finishAtEnd()
    {
        m_done = true;
        if (m_array || !m_started)
            return m_started ? failAt(m_line, QStringLiteral("the JSON array is not closed"))
                             : fail(ErrorCode::MissingValue,
                                    QT_TRANSLATE_NOOP("td::Error", "the input is empty (expected a JSON "
                                                                   "array of rows)"));
        return std::optional<InputRow>();
    }

    Result<std::optional<InputRow>> failAt(qint64 line, const QString& what)
    {
        m_done = true;
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "line %1: %2"), line, what);
    }

    bool skipSpace()
    {
        for (;;) {
            while (m_in.pos < m_in.buffer.size()) {
                const char c = m_in.buffer[m_in.pos];
                if (c == '\n')
                    ++m_line;
                else if (c != ' ' && c != '\t' && c != '\r')
                    return true;
                ++m_in.pos;
            }
            if (!m_in.fill())
                return false;
        }
    }

    Result<std::optional<InputRow>> element()
    {
        const qint64 startLine = m_line;
        const char first = m_in.buffer[m_in.pos];
        const bool container = first == '{' || first == '[';
        int depth = 0;
        bool inString = false;
        bool escaped = false;
        qsizetype scan = m_in.pos;
        qsizetype end = -1;
        while (end < 0) {
            if (scan >= m_in.buffer.size()) {
                const qsizetype offset = scan - m_in.pos;
                if (!m_in.fill()) {
                    if (!container && !m_array)
                        end = m_in.buffer.size(); // a last scalar "row" in JSON Lines
                    else
                        return failAt(startLine, QStringLiteral("the row starting here is not closed"));
                    break;
                }
                scan = m_in.pos + offset; // m_in.fill() may have moved the buffer
            }
            if (scan - m_in.pos > qsizetype{4} * 1024 * 1024)
                return failAt(startLine, QStringLiteral("a row is longer than 4 MiB"));
            const char c = m_in.buffer[scan++];
            if (c == '\n')
                ++m_line;
            if (inString) {
                if (escaped)
                    escaped = false;
                else if (c == '\\')
                    escaped = true;
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (depth == 0)
                    end = scan - 1; // the array's own closing bracket ends a scalar element
                else if (--depth == 0 && container)
                    end = scan;
            } else if (!container && depth == 0 && (c == ',' || c == '\n')) {
                end = scan - 1;
            }
        }
        if (end < scan && end < m_in.buffer.size() && m_in.buffer[end] == '\n')
            --m_line; // skipSpace() counts it again
        const QByteArray text = m_in.buffer.mid(m_in.pos, end - m_in.pos);
        m_in.pos = end;
        InputRow row;
        row.line = startLine;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
        if (!container || text.front() != '{')
            row.problem = QStringLiteral("a row must be a JSON object, not %1").arg(QString::fromUtf8(text.left(40)));
        else if (error.error != QJsonParseError::NoError)
            row.problem = QStringLiteral("invalid JSON (%1)").arg(error.errorString());
        else if (!doc.isObject())
            row.problem = QStringLiteral("a row must be a JSON object");
        const QJsonObject object = doc.object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isString())
                row.cells.append(Cell{it.key(), it.value().toString()});
            else
                row.cells.append(Cell{it.key(), QString(), it.value()});
        }
        if (m_headers.isEmpty())
            m_headers = object.keys();
        return std::optional<InputRow>(std::move(row));
    }

    csv::ChunkedInput m_in;
    qint64 m_line = 1;
    bool m_started = false;
    bool m_array = false;
    bool m_done = false;
    QStringList m_headers;
};

class CsvRowWriter final : public RowWriter {
public:
    CsvRowWriter(QIODevice& device, const QStringList& inputHeaders) : m_device(device)
    {
        for (qsizetype i = 0; i < inputHeaders.size(); ++i) {
            if (!addedColumns().contains(inputHeaders[i]))
                m_kept.append(i);
        }
        QStringList header;
        for (qsizetype i : m_kept)
            header << inputHeaders[i];
        m_ok = m_device.write(csv::row(header + addedColumns())) >= 0;
    }

    QByteArray format(const InputRow& row, const RowResult& r) const override
    {
        QByteArray line;
        line.reserve(256 + 3 * r.token.size());
        for (qsizetype i : m_kept) {
            csv::appendCell(line, i < row.cells.size() ? row.cells[i].toText() : QString());
            line += ',';
        }
        line += r.token; // base64url and dots: never needs quoting or defusing
        line += ',';
        csv::appendCell(line, r.joinLink);
        line += ',';
        line += isoUtc(r.expiresAt).toLatin1();
        line += ',';
        csv::appendCell(line, r.summary);
        line += ',';
        csv::appendCell(line, r.error);
        line += "\r\n";
        return line;
    }

    bool writeFormatted(const QByteArray& formatted) override
    {
        m_ok = m_ok && m_device.write(formatted) >= 0;
        return m_ok;
    }

    bool finish() override { return m_ok; }

private:
    QIODevice& m_device;
    QList<qsizetype> m_kept;
    bool m_ok = true;
};

class JsonRowWriter final : public RowWriter {
public:
    explicit JsonRowWriter(QIODevice& device) : m_device(device) { m_ok = m_device.write("[") >= 0; }

    QByteArray format(const InputRow& row, const RowResult& r) const override
    {
        QJsonObject out;
        for (const Cell& cell : row.cells)
            out.insert(cell.header, cell.toJson());
        out.insert(QStringLiteral("line"), row.line);
        out.insert(QStringLiteral("token"), QString::fromLatin1(r.token));
        out.insert(QStringLiteral("joinLink"), r.joinLink);
        out.insert(QStringLiteral("expiresAt"), isoUtc(r.expiresAt));
        out.insert(QStringLiteral("summary"), r.summary);
        out.insert(QStringLiteral("error"), r.error);
        return QJsonDocument(out).toJson(QJsonDocument::Compact);
    }

    bool writeFormatted(const QByteArray& formatted) override
    {
        m_ok = m_ok && m_device.write(m_first ? "\n  " : ",\n  ") >= 0 && m_device.write(formatted) >= 0;
        m_first = false;
        return m_ok;
    }

    bool finish() override
    {
        m_ok = m_ok && m_device.write(m_first ? "]\n" : "\n]\n") >= 0;
        return m_ok;
    }

private:
    QIODevice& m_device;
    bool m_first = true;
    bool m_ok = true;
};

} // namespace

Result<std::unique_ptr<RowReader>> openRowReader(QIODevice& device, Format format)
{
    if (format == Format::Json)
        return std::unique_ptr<RowReader>(std::make_unique<JsonRowReader>(device));
    auto reader = std::make_unique<CsvRowReader>(device);
    if (auto ok = reader->readHeader(); !ok)
        return std::unexpected(ok.error());
    return std::unique_ptr<RowReader>(std::move(reader));
}

const QStringList& addedColumns()
{
    static const QStringList columns{QStringLiteral("token"), QStringLiteral("joinLink"), QStringLiteral("expiresAt"),
                                     QStringLiteral("summary"), QStringLiteral("error")};
    return columns;
}

std::unique_ptr<RowWriter> makeRowWriter(QIODevice& device, Format format, const QStringList& inputHeaders)
{
    if (format == Format::Json)
        return std::make_unique<JsonRowWriter>(device);
    return std::make_unique<CsvRowWriter>(device, inputHeaders);
}

} // namespace td::batch
