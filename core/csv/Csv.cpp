// SPDX-License-Identifier: MIT
#include "core/csv/Csv.h"

#include <QBuffer>

#include <cstring>

namespace td::csv {
namespace {

constexpr qsizetype kChunk = qsizetype{64} * 1024;

} // namespace

bool ChunkedInput::fill()
{
    if (eof)
        return false;
    // Drop what earlier records consumed before growing the buffer, so it holds at most one record plus a chunk.
    if (pos > 0 && pos >= buffer.size() / 2) {
        consumedBefore += pos;
        buffer.remove(0, pos);
        pos = 0;
    }
    const qsizetype old = buffer.size();
    buffer.resize(old + kChunk);
    const qint64 got = device.read(buffer.data() + old, kChunk);
    buffer.resize(old + qMax<qint64>(got, 0));
    if (got <= 0)
        eof = true;
    return got > 0;
}

Reader::Reader(QIODevice& device, char delimiter) : m_in(device), m_delimiter(delimiter) {}

void Reader::detectDelimiter()
{
    // Count candidates in the first line, outside quotes; a comma wins ties.
    while (!m_in.buffer.mid(m_in.pos).contains('\n') && m_in.fill()) {
    }
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (qsizetype i = m_in.pos; i < m_in.buffer.size() && (quoted || m_in.buffer[i] != '\n'); ++i) {
        const char c = m_in.buffer[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted)
            c == ',' ? ++commas : c == ';' ? ++semicolons : c == '\t' ? ++tabs : 0;
    }
    m_delimiter = (tabs > commas && tabs >= semicolons) ? '\t' : (semicolons > commas ? ';' : ',');
}

Result<std::optional<Record>> Reader::next()
{
    if (m_failed)
        return std::optional<Record>();
    if (!m_started) {
        m_started = true;
        while (m_in.buffer.size() - m_in.pos < 3 && m_in.fill()) {
        }
        if (m_in.buffer.mid(m_in.pos, 3) == QByteArrayLiteral("\xEF\xBB\xBF"))
            m_in.pos += 3;
        if (m_delimiter == 0)
            detectDelimiter();
    }
    const auto failAt = [this](qint64 line, const QString& what) -> Result<std::optional<Record>> {
        m_failed = true;
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "line %1: %2"), line, what);
    };

    for (;;) {
        Record record;
        record.line = m_line;
        QByteArray field;
        field.reserve(64);
        bool quoted = false;    // inside a quoted field
        bool wasQuoted = false; // the current field was quoted and has closed
        qsizetype recordBytes = 0;
        bool atStart = true; // nothing read for this record yet
        const auto finishField = [&] {
            if (record.problem.isEmpty() && !QByteArrayView(field).isValidUtf8())
                record.problem = QStringLiteral("the text is not valid UTF-8 (save the file as UTF-8)");
            record.fields.append(QString::fromUtf8(field));
            field.resize(0); // keeps the buffer for the next field (clear() would free it)
            wasQuoted = false;
        };
        for (;;) {
            if (m_in.pos >= m_in.buffer.size() && !m_in.fill()) {
                if (quoted)
                    return failAt(record.line,
                                  QStringLiteral("a quoted field is not closed before the end of the file"));
                if (atStart)
                    return std::optional<Record>();
                finishField();
                return std::optional<Record>(std::move(record));
            }
            const char c = m_in.buffer[m_in.pos++];
            if (++recordBytes > kMaxRecordBytes)
                return failAt(record.line,
                              QStringLiteral("a record is longer than 4 MiB (is a closing quote missing?)"));
            if (quoted) {
                if (c == '"') {
                    if (m_in.pos >= m_in.buffer.size())
                        m_in.fill();
                    if (m_in.pos < m_in.buffer.size() && m_in.buffer[m_in.pos] == '"') {
                        field.append('"');
                        ++m_in.pos;
                    } else {
                        quoted = false;
                        wasQuoted = true;
                    }
                } else {
                    if (c == '\n')
                        ++m_line;
                    field.append(c);
                }
                continue;
            }
            if (c == m_delimiter) {
                atStart = false;
                finishField();
                continue;
            }
            if (c == '\r')
                continue; // CRLF, or a stray CR
            if (c == '\n') {
                ++m_line;
                if (atStart)
                    break; // blank line: start the next record
                finishField();
                return std::optional<Record>(std::move(record));
            }
            if (wasQuoted)
                return failAt(m_line, QStringLiteral("text after a closing quote (a quote inside a quoted field "
                                                     "is written \"\")"));
            if (c == '"' && field.isEmpty()) {
                quoted = true;
                atStart = false;
                continue;
            }
            atStart = false;
            field.append(c);
        }
    }
}

Result<QList<Record>> parseText(const QByteArray& text, char delimiter)
{
    QByteArray copy = text;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    Reader reader(buffer, delimiter);
    QList<Record> records;
    for (;;) {
        auto record = reader.next();
        if (!record)
            return std::unexpected(record.error());
        if (!*record)
            return records;
        records.append(std::move(**record));
    }
}

QString cell(QString text)
{
    return QString::fromUtf8(row({std::move(text)}).chopped(2));
}

void appendCell(QByteArray& out, QStringView text)
{
    const qsizetype start = out.size();
    if (!text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.front()))
        out += '\'';
    out += text.toUtf8();
    // QByteArray keeps a terminating NUL, so the C library's vectorised search applies.
    if (std::strpbrk(out.constData() + start, ",\"\n\r") == nullptr)
        return;
    QByteArray quoted = out.mid(start);
    quoted.replace("\"", "\"\"");
    out.truncate(start);
    out += '"';
    out += quoted;
    out += '"';
}

QByteArray row(const QStringList& cells)
{
    QByteArray line;
    line.reserve(256);
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += ',';
        appendCell(line, cells[i]);
    }
    line += "\r\n";
    return line;
}

} // namespace td::csv
