// SPDX-License-Identifier: MIT
// Core dumps off for good, and the process still reads what it needs about itself.
#include "core/crypto/ProcessHardening.h"

#include <QFile>
#include <QTest>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#include <unistd.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

using namespace td::crypto;

class TestProcessHardening : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void coreDumpsAreOffForGood()
    {
        const auto ok = disableCoreDumps();
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
#if defined(Q_OS_UNIX)
        rlimit core{};
        QCOMPARE(::getrlimit(RLIMIT_CORE, &core), 0);
        QCOMPARE(core.rlim_cur, rlim_t(0));
        QCOMPARE(core.rlim_max, rlim_t(0)); // the hard limit too: nothing in the process can raise it again
        const rlimit raised{RLIM_INFINITY, RLIM_INFINITY};
        if (::geteuid() != 0) // root may raise a hard limit; anyone else may not
            QCOMPARE(::setrlimit(RLIMIT_CORE, &raised), -1);
#endif
#if defined(Q_OS_LINUX)
        QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
#endif
        // A second call (a test, or a library that calls it again) is no error.
        QVERIFY(disableCoreDumps());
    }

    void theProcessStillReadsItsOwnProcEntries()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("/proc is Linux's");
#else
        // Non-dumpable makes /proc/<pid> root-owned; the process itself (RSS in benchmarks, limits) still reads it.
        QVERIFY(disableCoreDumps());
        for (const char* name : {"/proc/self/status", "/proc/self/limits", "/proc/self/maps"}) {
            QFile f(QString::fromLatin1(name));
            QVERIFY2(f.open(QIODevice::ReadOnly), name);
            QVERIFY2(!f.readAll().isEmpty(), name);
        }
        QFile limits(QStringLiteral("/proc/self/limits"));
        QVERIFY(limits.open(QIODevice::ReadOnly));
        QVERIFY(limits.readAll().simplified().contains("Max core file size 0 0 bytes"));
#endif
    }
};

QTEST_GUILESS_MAIN(TestProcessHardening)
#include "tst_process_hardening.moc"
