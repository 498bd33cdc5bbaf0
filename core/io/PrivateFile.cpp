// SPDX-License-Identifier: MIT
#include "core/io/PrivateFile.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace td::io {
namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

std::function<bool()>& atomicWriteInterruptHook()
{
    static std::function<bool()> hook;
    return hook;
}

AtomicOutputFile::AtomicOutputFile(QString path) : m_path(std::move(path)) {}

AtomicOutputFile::~AtomicOutputFile()
{
    if (!m_done)
        cancel();
}

Result<void> AtomicOutputFile::start()
{
    const QByteArray target = QFile::encodeName(m_path);
    struct stat st {};
    if (::lstat(target.constData(), &st) == 0) {
        if (S_ISLNK(st.st_mode))
            return fail(ErrorCode::FileError,
                        QT_TRANSLATE_NOOP("td::Error",
                                          "%1 is a symbolic link: refusing to write through it (remove it, or choose "
                                          "another file)"),
                        m_path);
        if (!S_ISREG(st.st_mode))
            return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "%1 is not a regular file"), m_path);
    } else if (errno != ENOENT) {
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "cannot write %1: %2"), m_path, systemError());
    }
    const QFileInfo info(m_path);
    QByteArray pattern = QFile::encodeName(info.absolutePath() + QStringLiteral("/.") + info.fileName()) + ".XXXXXX";
    // mkostemp: O_CREAT|O_EXCL (never an existing file or link), mode 0600 from the first byte.
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "cannot write %1: %2"), m_path, systemError());
    ::fchmod(fd, S_IRUSR | S_IWUSR);
    m_temp = QFile::decodeName(pattern);
    if (!open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        ::unlink(pattern.constData());
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "cannot write %1: %2"), m_path, errorString());
    }
    return {};
}

Result<void> AtomicOutputFile::commit()
{
    if (!isOpen() || m_done)
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "cannot save %1: not open"), m_path);
    const bool flushed = flush() && ::fsync(handle()) == 0;
    close();
    if (!flushed || error() != QFileDevice::NoError) {
        cancel();
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "cannot save %1: %2"), m_path, errorString());
    }
    // rename replaces the directory entry itself: a link planted meanwhile is replaced, never followed.
    if (::rename(QFile::encodeName(m_temp).constData(), QFile::encodeName(m_path).constData()) != 0) {
        const QString why = systemError();
        cancel();
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "cannot save %1: %2"), m_path, why);
    }
    m_done = true;
    return {};
}

void AtomicOutputFile::cancel()
{
    if (isOpen())
        close();
    if (!m_temp.isEmpty() && !m_done)
        ::unlink(QFile::encodeName(m_temp).constData());
    m_done = true;
}

Result<void> writeFileAtomically(const QString& path, const QByteArray& data)
{
    AtomicOutputFile file(path);
    if (auto ok = file.start(); !ok)
        return ok;
    if (file.write(data) != data.size())
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "cannot write %1: %2"), path,
                    file.errorString());
    if (const auto& hook = atomicWriteInterruptHook(); hook && hook()) {
        file.cancel();
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "the save of %1 was interrupted"), path);
    }
    return file.commit();
}

bool openPrivateForAppend(QFile& file)
{
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append, ownerOnly))
        return false;
    file.setPermissions(ownerOnly);
    return true;
}

bool makePrivateDir(const QString& dir)
{
    if (!QDir().mkpath(dir))
        return false;
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}

} // namespace td::io
