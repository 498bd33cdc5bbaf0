// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QTest>

namespace td::test {

/** A file under tests/data. */
inline QString dataPath(const QString& relative)
{
    return QStringLiteral(TOKENDESK_TEST_DATA_DIR "/") + relative;
}

/**
 * A file under ../shared: reference fixtures kept beside the repository (never copied into it), so a fresh clone
 * does not have them. TOKENDESK_SHARED_DIR in the environment overrides where ../shared is.
 */
inline QString sharedPath(const QString& relative)
{
    const QString dir = qEnvironmentVariable("TOKENDESK_SHARED_DIR", QStringLiteral(TOKENDESK_SHARED_DIR));
    return QDir::cleanPath(dir + QLatin1Char('/') + relative);
}

/** True when a missing ../shared file must fail the test: CI is set (non-empty) or TOKENDESK_REQUIRE_SHARED=1. */
inline bool sharedFilesRequired()
{
    return !qEnvironmentVariable("CI").isEmpty() || qEnvironmentVariable("TOKENDESK_REQUIRE_SHARED") == u"1";
}

/** Why a test cannot run without `path` (from sharedPath), and why that skips it or fails it. */
inline QString sharedFileMissing(const QString& path)
{
    return QStringLiteral("%1 is missing: this test needs the reference fixtures in ../shared beside the repository "
                          "(%2)")
        .arg(path, sharedFilesRequired()
                       ? QStringLiteral("a failure, not a skip: CI or TOKENDESK_REQUIRE_SHARED=1 is set")
                       : QStringLiteral("skipped; CI or TOKENDESK_REQUIRE_SHARED=1 makes this a failure"));
}

} // namespace td::test

/**
 * Declares `var` as the path of ../shared/`relative` when that file exists. When it does not, the test skips with
 * a message naming the file, or fails with it when sharedFilesRequired() (so CI keeps running these tests).
 */
#define SHARED_FILE_OR_SKIP(var, relative)                                                                             \
    const QString var = td::test::sharedPath(relative);                                                                \
    if (!QFileInfo::exists(var)) {                                                                                     \
        if (td::test::sharedFilesRequired())                                                                           \
            QFAIL(qPrintable(td::test::sharedFileMissing(var)));                                                       \
        QSKIP(qPrintable(td::test::sharedFileMissing(var)));                                                           \
    }

namespace td::test {

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
