// SPDX-License-Identifier: MIT
#include "core/crypto/ProcessHardening.h"

#include <QtGlobal>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>

#include <cerrno>
#include <cstring>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

namespace td::crypto {

#if defined(Q_OS_UNIX)
namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace
#endif

Result<void> disableCoreDumps()
{
#if defined(Q_OS_UNIX)
    const rlimit none{0, 0};
    if (::setrlimit(RLIMIT_CORE, &none) != 0)
        return fail(ErrorCode::ProcessHardeningFailed,
                    QT_TRANSLATE_NOOP("td::Error",
                                      "cannot turn core dumps off (setrlimit RLIMIT_CORE: %1); TokenDesk does not run "
                                      "where a crash could write its secrets to disk"),
                    systemError());
#endif
#if defined(Q_OS_LINUX)
    if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        return fail(ErrorCode::ProcessHardeningFailed,
                    QT_TRANSLATE_NOOP(
                        "td::Error", "cannot make the process non-dumpable (prctl PR_SET_DUMPABLE: %1); TokenDesk does "
                                     "not run where a crash could write its secrets to disk"),
                    systemError());
#endif
    return {};
}

} // namespace td::crypto
