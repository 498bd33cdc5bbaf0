// SPDX-License-Identifier: MIT
#include "core/batch/BatchRun.h"

#include "core/batch/RowIo.h"

#include <QFile>
#include "core/io/PrivateFile.h"
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <future>
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

/**
 * Runs `fn` on the pool and returns its future. The pool's threads live for the whole batch: threads started per
 * chunk cost more than the minting they share (each new thread starts with cold allocator caches).
 */
template <typename Fn> auto runOn(QThreadPool& pool, Fn fn) -> std::future<decltype(fn())>
{
    auto task = std::make_shared<std::packaged_task<decltype(fn())()>>(std::move(fn));
    auto future = task->get_future();
    pool.start([task] { (*task)(); });
    return future;
}

/**
 * Mints and formats a chunk's rows on `threads` threads (this one included). Threads take small blocks of rows as
 * they become free, so the work stays balanced while the reader and writer threads share the cores.
 */
void mintChunk(const BatchMinter& minter, const RowWriter& writer, const Clock& clock, Chunk& chunk,
               std::size_t threads, QThreadPool& pool)
{
    const std::size_t n = chunk.rows.size();
    chunk.results.assign(n, RowResult());
    chunk.formatted.assign(n, QByteArray());
    constexpr std::size_t kBlock = 32;
    std::atomic<std::size_t> nextBlock{0};
    const auto work = [&] {
        for (std::size_t from = nextBlock.fetch_add(kBlock); from < n; from = nextBlock.fetch_add(kBlock)) {
            for (std::size_t i = from; i < std::min(n, from + kBlock); ++i) {
                chunk.results[i] = minter.mintOnly(chunk.rows[i], clock);
                chunk.formatted[i] = writer.format(chunk.rows[i], chunk.results[i]);
            }
        }
    };
    std::vector<std::future<void>> helpers;
    for (std::size_t t = 1; t < threads && t * kBlock < n; ++t)
        helpers.push_back(runOn(pool, work));
    work();
    for (std::future<void>& h : helpers)
        h.wait();
}

} // namespace

Result<RunReport> runBatch(const QString& inputPath, const QString& outputPath, BatchMinter& minter, const Clock& clock,
                           const RunOptions& options, const RunCallbacks& callbacks)
{
    const auto inFormat =
        chooseFormat(inputPath == QStringLiteral("-") ? QStringLiteral("-.csv") : inputPath, FileUse::Rows);
    const auto outFormat = chooseFormat(outputPath, FileUse::Rows);
    if (!inFormat)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "cannot tell the format of %1: use .csv (or .tsv) or .json"),
                    inputPath);
    if (!outFormat)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "cannot tell the format of %1: use .csv or .json"), outputPath);

    QFile input;
    const bool fromStdin = inputPath == QStringLiteral("-");
    if (fromStdin ? !input.open(stdin, QIODevice::ReadOnly)
                  : (input.setFileName(inputPath), !input.open(QIODevice::ReadOnly)))
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "cannot read %1: %2"), inputPath,
                    input.errorString());
    const qint64 total = fromStdin ? 0 : input.size();

    auto reader = openRowReader(input, *inFormat);
    if (!reader)
        return fail(reader.error().in(inputPath + QStringLiteral(": ")));
    // JSON rows name their columns in each object, so its columns are checked per row; CSV has them up front.
    std::optional<InputRow> pending;
    if (*inFormat == Format::Json) {
        auto first = (*reader)->next();
        if (!first)
            return fail(first.error().in(inputPath + QStringLiteral(": ")));
        pending = std::move(*first);
    }
    QStringList copied;
    const QStringList headers = (*reader)->headers();
    if (!headers.isEmpty() || *inFormat == Format::Csv) {
        if (auto ok = checkColumns(minter.profile().provider, headers, &copied); !ok)
            return fail(ok.error().in(inputPath + QStringLiteral(": ")));
    }

    io::AtomicOutputFile output(outputPath);
    if (auto ok = output.start(); !ok)
        return std::unexpected(ok.error());
    auto writer = makeRowWriter(output, *outFormat, headers);

    RunReport report;
    report.copiedColumns = copied;
    bool writeFailed = false;
    bool endOfInput = false;
    // A pipeline of bounded chunks: while chunk k is minted and formatted on every core, chunk k+1 is read and chunk
    // k-1 written, each on its own thread; rows are checked and written in input order. Memory is bounded by the
    // three chunks in flight, not by the input.
    const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    QThreadPool pool;
    pool.setMaxThreadCount(static_cast<int>(threads) + 2); // minting helpers, the reader and the writer
    pool.setExpiryTimeout(-1);
    Chunk chunk;
    Chunk nextChunk;
    std::future<bool> writing; // the previous chunk's write, on its own thread
    const auto finishWriting = [&] {
        if (writing.valid() && !writing.get())
            writeFailed = true;
        return !writeFailed;
    };
    // Reads the next chunk; runs on its own thread while the current chunk is minted. It alone touches the reader,
    // endOfInput and inputError until its future is waited for.
    const auto readChunk = [&](Chunk& into) {
        into.rows.clear();
        if (pending) {
            into.rows.push_back(std::move(*pending));
            pending.reset();
        }
        while (!endOfInput && qsizetype(into.rows.size()) < kChunkRows) {
            auto next = (*reader)->next();
            if (!next) {
                report.inputError = next.error().message;
                endOfInput = true;
            } else if (!*next) {
                endOfInput = true;
            } else {
                into.rows.push_back(std::move(**next));
            }
        }
    };
    readChunk(chunk);
    while (!chunk.rows.empty() && !writeFailed) {
        if (callbacks.cancelled && callbacks.cancelled()) {
            report.interrupted = true;
            break;
        }
        std::future<void> reading;
        if (!endOfInput)
            reading = runOn(pool, [&] { readChunk(nextChunk); });
        else
            nextChunk.rows.clear();
        mintChunk(minter, *writer, clock, chunk, threads, pool);
        std::vector<QByteArray> toWrite;
        toWrite.reserve(chunk.rows.size());
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
                if (reading.valid())
                    reading.wait();
                finishWriting();
                output.cancel();
                return report;
            }
            toWrite.push_back(std::move(chunk.formatted[i]));
        }
        // The previous chunk's write must end first (rows stay in order); this one is written while the next chunk
        // is read and minted, so waiting for the disk does not hold up the minting.
        if (!finishWriting()) {
            if (reading.valid())
                reading.wait();
            break;
        }
        writing = runOn(pool, [&writer, rows = std::move(toWrite)] {
            for (const QByteArray& row : rows) {
                if (!writer->writeFormatted(row))
                    return false;
            }
            return true;
        });
        if (reading.valid())
            reading.wait();
        std::swap(chunk, nextChunk);
        if (callbacks.progress)
            callbacks.progress((*reader)->bytesConsumed(), total);
    }
    finishWriting();
    if (callbacks.progress)
        callbacks.progress((*reader)->bytesConsumed(), total);
    if (writeFailed || !writer->finish()) {
        output.cancel();
        return fail(ErrorCode::FileError,
                    QT_TRANSLATE_NOOP("td::Error", "cannot write %1: %2 (the previous file, if any, is kept)"),
                    outputPath, output.errorString());
    }
    if (auto ok = output.commit(); !ok)
        return fail(ok.error().code, ok.error().message + QStringLiteral(" (the previous file, if any, is kept)"));
    return report;
}

} // namespace td::batch
