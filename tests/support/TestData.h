// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace td::test {

/** A file under tests/data. */
inline QString dataPath(const QString& relative)
{
    return QStringLiteral(TOKENDESK_TEST_DATA_DIR "/") + relative;
}

/** A file under ../shared (reference fixtures shared with other teams). */
inline QString sharedPath(const QString& relative)
{
    return QStringLiteral(TOKENDESK_SHARED_DIR "/") + relative;
}

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open test file %s", qPrintable(path));
    return f.readAll();
}

/** Writes (replaces) a scratch file; a test that cannot write its input cannot go on. */
inline void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write test file %s", qPrintable(path));
}

/** Mode 0600: readable and writable by the owner, nothing for group and others. */
inline bool isPrivateFile(const QString& path)
{
    const QFileDevice::Permissions p = QFile::permissions(path);
    const auto groupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                              QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    return (p & groupOrOther) == 0 && (p & QFileDevice::ReadOwner) && (p & QFileDevice::WriteOwner);
}

} // namespace td::test
