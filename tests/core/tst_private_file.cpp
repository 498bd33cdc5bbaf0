// SPDX-License-Identifier: MIT
// core/io's private-file writer: mode 0600 from the first byte, all-or-nothing replacement, 0700 directories.
#include "core/io/PrivateFile.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace td;

namespace {

/** The permission bits of `path` (a symlink's own), or -1 when it does not exist. */
int modeOf(const QString& path)
{
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

/** The temporary files (".NAME.XXXXXX") a writer of `name` left behind in `dir`. */
QStringList leftovers(const QString& dir, const QString& name)
{
    return QDir(dir).entryList({QLatin1Char('.') + name + QStringLiteral(".*")}, QDir::Files | QDir::Hidden);
}

} // namespace

class TestPrivateFile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void cleanup() { io::atomicWriteInterruptHook() = nullptr; }

    void newFileIsOwnerOnly()
    {
        const QString file = path(QStringLiteral("new.json"));
        QVERIFY(io::writeFileAtomically(file, "{}\n"));
        QCOMPARE(test::readFile(file), QByteArray("{}\n"));
        QCOMPARE(modeOf(file), 0600);
        QVERIFY(leftovers(m_dir.path(), QStringLiteral("new.json")).isEmpty());
    }

    void replacingTightensAWideOpenFile()
    {
        const QString file = path(QStringLiteral("wide.csv"));
        test::writeFile(file, "old\n");
        QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
        QVERIFY(io::writeFileAtomically(file, "new\n"));
        QCOMPARE(test::readFile(file), QByteArray("new\n"));
        QCOMPARE(modeOf(file), 0600);
    }

    void interruptedWriteLeavesTheOldFile()
    {
        const QString file = path(QStringLiteral("vault.json"));
        QVERIFY(io::writeFileAtomically(file, "version 1"));
        io::atomicWriteInterruptHook() = [] { return true; }; // "killed" after writing, before the rename
        const auto failed = io::writeFileAtomically(file, "version 2");
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.contains(file), qPrintable(failed.error().message));
        QCOMPARE(test::readFile(file), QByteArray("version 1"));
        QCOMPARE(modeOf(file), 0600);
        QCOMPARE(leftovers(m_dir.path(), QStringLiteral("vault.json")), QStringList());
    }

    void streamNotCommittedLeavesTheOldFile()
    {
        const QString file = path(QStringLiteral("rows.csv"));
        test::writeFile(file, "a,b\n1,2\n");
        const int before = modeOf(file);
        {
            io::AtomicOutputFile out(file);
            QVERIFY(out.start());
            QCOMPARE(modeOf(file), before); // the target is not touched while the stream is open...
            QVERIFY(out.write("half a row") > 0);
            QCOMPARE(leftovers(m_dir.path(), QStringLiteral("rows.csv")).size(), 1); // the temporary file, beside it
        } // ...and a stream dropped without commit() (an error, Ctrl-C) leaves it as it was.
        QCOMPARE(test::readFile(file), QByteArray("a,b\n1,2\n"));
        QCOMPARE(leftovers(m_dir.path(), QStringLiteral("rows.csv")), QStringList());

        io::AtomicOutputFile out(file);
        QVERIFY(out.start());
        QVERIFY(out.write("x,y\n") == 4);
        QVERIFY(out.commit());
        QCOMPARE(test::readFile(file), QByteArray("x,y\n"));
        QCOMPARE(modeOf(file), 0600);
    }

    void refusesToWriteThroughASymlink()
    {
        const QString victim = path(QStringLiteral("victim"));
        test::writeFile(victim, "someone else's");
        QVERIFY(::chmod(QFile::encodeName(victim).constData(), 0644) == 0);
        const QString link = path(QStringLiteral("link.json"));
        QVERIFY(QFile::link(victim, link));
        const auto refused = io::writeFileAtomically(link, "tokens");
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("symbolic link")),
                 qPrintable(refused.error().message));
        QCOMPARE(test::readFile(victim), QByteArray("someone else's"));
        QCOMPARE(modeOf(victim), 0644);
    }

    void refusesADirectoryAndAMissingParent()
    {
        const QString dir = path(QStringLiteral("a-dir"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(!io::writeFileAtomically(dir, "x"));
        QVERIFY(QFileInfo(dir).isDir());
        // The writer never creates directories: an export goes where the user pointed or nowhere.
        const QString orphan = path(QStringLiteral("missing/out.csv"));
        QVERIFY(!io::writeFileAtomically(orphan, "x"));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("missing"))));
    }

    void appendCreatesOwnerOnlyAndTightens()
    {
        const QString file = path(QStringLiteral("history.jsonl"));
        {
            QFile f(file);
            QVERIFY(io::openPrivateForAppend(f));
            QCOMPARE(modeOf(file), 0600);
            QCOMPARE(f.write("one\n"), 4);
        }
        QVERIFY(::chmod(QFile::encodeName(file).constData(), 0664) == 0);
        {
            QFile f(file);
            QVERIFY(io::openPrivateForAppend(f));
            QCOMPARE(f.write("two\n"), 4);
        }
        QCOMPARE(modeOf(file), 0600);
        QCOMPARE(test::readFile(file), QByteArray("one\ntwo\n"));
        QFile intoADirectory(m_dir.path());
        QVERIFY(!io::openPrivateForAppend(intoADirectory));
    }

    void privateDirIsCreatedAndTightened()
    {
        const QString nested = path(QStringLiteral("config/tokendesk"));
        QVERIFY(io::makePrivateDir(nested));
        QVERIFY(QFileInfo(nested).isDir());
        QCOMPARE(modeOf(nested), 0700);
        QVERIFY(::chmod(QFile::encodeName(nested).constData(), 0755) == 0);
        QVERIFY(io::makePrivateDir(nested)); // an existing, wider directory is tightened
        QCOMPARE(modeOf(nested), 0700);
        const QString file = path(QStringLiteral("plain"));
        test::writeFile(file, "x");
        QVERIFY(!io::makePrivateDir(file));
    }
};

QTEST_GUILESS_MAIN(TestPrivateFile)
#include "tst_private_file.moc"
