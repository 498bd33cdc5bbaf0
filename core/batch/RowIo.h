// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/batch/BatchRow.h"
#include "core/batch/ReportFormat.h"

#include <QIODevice>
#include <QStringList>

#include <memory>
#include <optional>

namespace td::batch {

struct RowResult;

/**
 * Streams rows from a device without holding them all: CSV with a header row, or JSON (an array of objects, or
 * one object per line). A damaged row comes back with `problem` set and the reader goes on; an error means the
 * rest of the input cannot be read (an unclosed quote or bracket) and names the line.
 */
class RowReader {
public:
    virtual ~RowReader() = default;
    virtual Result<std::optional<InputRow>> next() = 0;
    /** The CSV header, or the keys of the first JSON row (known after the first next()). */
    virtual QStringList headers() const = 0;
    virtual qint64 bytesConsumed() const = 0;
};

/** A reader for Format::Csv or Format::Json (chooseFormat with FileUse::Rows); CSV's header row is read first (an
 *  empty input is an error). */
Result<std::unique_ptr<RowReader>> openRowReader(QIODevice& device, Format format);

/** Writes each input row with what the batch added: token, joinLink, expiresAt (ISO 8601 UTC), summary, error. */
class RowWriter {
public:
    virtual ~RowWriter() = default;
    /** The bytes of one output row; const and thread-safe, so a batch formats rows in parallel. */
    virtual QByteArray format(const InputRow& row, const RowResult& result) const = 0;
    /** Writes rows formatted by format(), in order; false on a write error. */
    virtual bool writeFormatted(const QByteArray& formatted) = 0;
    bool write(const InputRow& row, const RowResult& result) { return writeFormatted(format(row, result)); }
    /** Ends the document (closes the JSON array); false on a write error. */
    virtual bool finish() = 0;
};

/** The columns the batch adds to each row, in output order. */
const QStringList& addedColumns();

/**
 * A writer for Format::Csv or Format::Json. CSV output has the input's headers (those named like an added column are
 * replaced) followed by the added columns; cells are defused for spreadsheets (csv::cell).
 */
std::unique_ptr<RowWriter> makeRowWriter(QIODevice& device, Format format, const QStringList& inputHeaders);

} // namespace td::batch
