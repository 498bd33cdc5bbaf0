// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <functional>

namespace td::io {

/**
 * A file that replaces `path` when committed and leaves it alone otherwise. Written to a temporary file created
 * beside it with O_CREAT|O_EXCL|O_NOFOLLOW and mode 0600 from the start, then renamed over the target: a symlink
 * planted at the target (a shared or sticky directory) is refused, and rename never writes through one that appears
 * later, so nobody else's file is overwritten or chmod-ed. It is a QIODevice for writers that stream.
 */
class AtomicOutputFile final : public QFile {
public:
    explicit AtomicOutputFile(QString path);
    ~AtomicOutputFile() override;
    AtomicOutputFile(const AtomicOutputFile&) = delete;
    AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

    /** Refuses a target that is a symlink or not a regular file, then creates the temporary file. */
    Result<void> start();
    /** Flushes, syncs and renames over the target. */
    Result<void> commit();
    /** Removes the temporary file; the target is untouched. */
    void cancel();

private:
    QString m_path;
    QString m_temp;
    bool m_done = false;
};

/** Replaces `path` atomically (temporary file + rename), mode 0600; the previous file survives any failure. */
Result<void> writeFileAtomically(const QString& path, const QByteArray& data);

/**
 * Opens `file` for appending, creating it with mode 0600 (never a moment with the umask's mode) and tightening an
 * existing one to 0600. False when it cannot be opened; file.errorString() says why.
 */
bool openPrivateForAppend(QFile& file);

/** Creates `dir` and its missing parents, then sets `dir` itself to 0700 (new or existing). False if it is missing. */
bool makePrivateDir(const QString& dir);

/** Test seam: when set and returning true, writeFileAtomically stops after writing, before the rename. */
std::function<bool()>& atomicWriteInterruptHook();

} // namespace td::io
