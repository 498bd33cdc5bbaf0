// SPDX-License-Identifier: MIT
#include "core/batch/BatchRun.h"

#include "core/batch/RowIo.h"

#include <QFile>
#include <QSaveFile>

#include <algorithm>
#include <memory>
#include <thread>
#include <vector>

namespace td::batch {
namespace {

constexpr qsizetype kChunkRows = 1024;

/** A bounded slice of the input, minted and formatted off the main thread. */
struct Chunk {
    std::vector<InputRow> rows;
    std::vector<RowResult> results;
    std::vector<QByteArray> formatted;
};

/** Mints and formats a chunk's rows, split over `threads` threads (this one included). */
void mintChunk(const BatchMinter& minter, const RowWriter& writer, const Clock& clock, Chunk& chunk, std::size_t threads)
{
    const std::size_t n = chunk.rows.size();
    chunk.results.assign(n, RowResult());
    chunk.formatted.assign(n, QByteArray());
    const auto range = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            chunk.results[i] = minter.mintOnly(chunk.rows[i], clock);
            chunk.formatted[i] = writer.format(chunk.rows[i], chunk.results[i]);
        }
    };
    if (threads == 1 || n < 64) {
        range(0, n);
        return;
    }
    const std::size_t per = (n + threads - 1) / threads;
    std::vector<std::thread> workers;
    for (std::size_t from = per; from < n; from += per)
        workers.emplace_back(range, from, std::min(n, from + per));
    range(0, std::min(n, per));
    for (std::thread& t : workers)
        t.join();
}

} // namespace

Result<RunReport> runBatch(const QString& inputPath, const QString& outputPath, BatchMinter& minter, const Clock& clock,
                           const RunOptions& options, const RunCallbacks& callbacks)
{
    const auto inFormat = formatOf(inputPath == QStringLiteral("-") ? QStringLiteral("-.csv") : inputPath);
    const auto outFormat = formatOf(outputPath);
    if (!inFormat)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("cannot tell the format of %1: use .csv (or .tsv) or .json").arg(inputPath));
    if (!outFormat)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("cannot tell the format of %1: use .csv or .json").arg(outputPath));

    QFile input;
    const bool fromStdin = inputPath == QStringLiteral("-");
    if (fromStdin ? !input.open(stdin, QIODevice::ReadOnly) : (input.setFileName(inputPath), !input.open(QIODevice::ReadOnly)))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("cannot read %1: %2").arg(inputPath, input.errorString()));
    const qint64 total = fromStdin ? 0 : input.size();

    auto reader = openRowReader(input, *inFormat);
    if (!reader)
        return std::unexpected(Error{reader.error().code, inputPath + QStringLiteral(": ") + reader.error().message});
    // JSON rows name their columns in each object, so its columns are checked per row; CSV has them up front.
    std::optional<InputRow> pending;
    if (*inFormat == Format::Json) {
        auto first = (*reader)->next();
        if (!first)
            return std::unexpected(Error{first.error().code, inputPath + QStringLiteral(": ") + first.error().message});
        pending = std::move(*first);
    }
    QStringList copied;
    const QStringList headers = (*reader)->headers();
    if (!headers.isEmpty() || *inFormat == Format::Csv) {
        if (auto ok = checkColumns(minter.profile().provider, headers, &copied); !ok)
            return std::unexpected(Error{ok.error().code, inputPath + QStringLiteral(": ") + ok.error().message});
    }

    QSaveFile output(outputPath);
    if (!output.open(QIODevice::WriteOnly))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("cannot write %1: %2").arg(outputPath, output.errorString()));
    output.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    auto writer = makeRowWriter(output, *outFormat, headers);

    RunReport report;
    report.copiedColumns = copied;
    bool writeFailed = false;
    bool endOfInput = false;
    // Chunks: read a bounded slice on this thread, mint and format it on every core, then check and write it in
    // input order. Memory is bounded by the chunk, not by the input.
    const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    Chunk chunk;
    while (!endOfInput && !writeFailed) {
        if (callbacks.cancelled && callbacks.cancelled()) {
            report.interrupted = true;
            break;
        }
        chunk.rows.clear();
        if (pending) {
            chunk.rows.push_back(std::move(*pending));
            pending.reset();
        }
        while (qsizetype(chunk.rows.size()) < kChunkRows) {
            auto next = (*reader)->next();
            if (!next) {
                report.inputError = next.error().message;
                endOfInput = true;
                break;
            }
            if (!*next) {
                endOfInput = true;
                break;
            }
            chunk.rows.push_back(std::move(**next));
        }
        mintChunk(minter, *writer, clock, chunk, threads);
        for (std::size_t i = 0; i < chunk.rows.size(); ++i) {
            RowResult& result = chunk.results[i];
            minter.checkAgainstEarlierRows(result);
            ++report.rows;
            result.ok() ? ++report.minted : ++report.failed;
            report.warnings += result.warnings.size();
            if (callbacks.row)
                callbacks.row(result);
            if (!result.ok() && options.strict) {
                report.stoppedStrict = true;
                output.cancelWriting();
                return report;
            }
            if (!writer->writeFormatted(chunk.formatted[i])) {
                writeFailed = true;
                break;
            }
        }
        if (callbacks.progress)
            callbacks.progress((*reader)->bytesConsumed(), total);
    }
    if (callbacks.progress)
        callbacks.progress((*reader)->bytesConsumed(), total);
    if (writeFailed || !writer->finish() || !output.commit())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("cannot write %1: %2 (the previous file, if any, is kept)")
                                                    .arg(outputPath, output.errorString()));
    QFile::setPermissions(outputPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return report;
}

} // namespace td::batch
