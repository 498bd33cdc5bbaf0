// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/batch/BatchMinter.h"

#include <QString>

#include <functional>

namespace td::batch {

struct RunOptions {
    bool strict = false; // stop at the first bad row and leave the output file as it was
};

struct RunCallbacks {
    std::function<void(const RowResult&)> row;               // after each row (errors and warnings included)
    std::function<void(qint64 done, qint64 total)> progress; // bytes of input read, of its size (0 = unknown)
    std::function<bool()> cancelled;                         // polled between rows
};

struct RunReport {
    qint64 rows = 0;
    qint64 minted = 0;
    qint64 failed = 0;
    qint64 warnings = 0;
    bool interrupted = false;   // cancelled: the output holds the rows done so far
    bool stoppedStrict = false; // --strict met a bad row: the output file was not written
    QString inputError;         // the rest of the input could not be read (unclosed quote); rows before it kept
    QStringList copiedColumns;  // input columns that are not batch columns, copied to the output unchanged
};

/**
 * Streams a batch from `inputPath` ("-" = stdin) to `outputPath`: one row in memory at a time. The output is
 * written to a temporary file beside the target and renamed over it at the end (mode 0600, it holds tokens), so
 * an existing file is never left half-written; on cancellation the rows done so far are committed. Formats come
 * from the extensions. An error means nothing was written (unreadable input, bad header, unknown format).
 */
Result<RunReport> runBatch(const QString& inputPath, const QString& outputPath, BatchMinter& minter, const Clock& clock,
                           const RunOptions& options, const RunCallbacks& callbacks);

} // namespace td::batch
