// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QIODevice>
#include <QStringList>

#include <optional>

namespace td::csv {

/** One record and the line it starts on (1-based; a quoted field may span lines). */
struct Record {
    QStringList fields;
    qint64 line = 0;
    QString problem; // set when the record was read but is damaged (invalid UTF-8); the reader goes on
};

/**
 * A window on a device read in 64 KiB chunks, for parsers that stream: they read `buffer` from `pos`; fill()
 * appends the next chunk, first dropping what was consumed (so `pos` may move back towards 0).
 */
struct ChunkedInput {
    explicit ChunkedInput(QIODevice& source) : device(source) {}
    /** Appends the next chunk; false at the end of the input. */
    bool fill();
    qint64 consumed() const { return consumedBefore + pos; }

    QIODevice& device;
    QByteArray buffer;
    qsizetype pos = 0;
    qint64 consumedBefore = 0;
    bool eof = false;
};

/**
 * RFC 4180 reader that streams from a device in chunks, so memory stays bounded by the longest record. Accepts a
 * UTF-8 BOM, CRLF or LF, and ',' ';' or tab as the delimiter (detected from the first line unless given); skips
 * blank lines. Never throws: an unterminated quote, text after a closing quote or an over-long record is an error
 * naming the line, after which the reader stops; invalid UTF-8 only marks its record.
 */
class Reader final {
public:
    explicit Reader(QIODevice& device, char delimiter = 0);

    /** The next record; nullopt at the end of the input. After an error the reader stays at the end. */
    Result<std::optional<Record>> next();

    char delimiter() const { return m_delimiter; }
    /** Bytes consumed so far (for progress against the file size). */
    qint64 bytesConsumed() const { return m_in.consumed(); }

    static constexpr qsizetype kMaxRecordBytes = qsizetype{4} * 1024 * 1024;

private:
    void detectDelimiter();

    ChunkedInput m_in;
    qint64 m_line = 1;
    char m_delimiter = 0;
    bool m_started = false;
    bool m_failed = false;
};

/** Parses a whole text (a paste from a spreadsheet: tab-separated, or CSV); errors name the line. */
Result<QList<Record>> parseText(const QByteArray& text, char delimiter = 0);

/**
 * One cell for a CSV file a person may open in a spreadsheet: a leading = + - @ tab or CR gets a ' in front so
 * it is not run as a formula; quoted when it holds the delimiter, a quote or a line break.
 */
QString cell(QString text);
/** Appends cell(text) to a UTF-8 line, without the QString round trip (hot path of large exports). */
void appendCell(QByteArray& out, QStringView text);
/** The cells joined with ',' and ended with CRLF, UTF-8. */
QByteArray row(const QStringList& cells);

} // namespace td::csv
