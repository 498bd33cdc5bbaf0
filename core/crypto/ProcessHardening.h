// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

namespace td::crypto {

/**
 * Keeps the process's memory, and the secrets in it, out of core dumps for good: the core size limit goes to 0
 * (soft and hard, so nothing in the process can raise it again) and, on Linux, the process becomes non-dumpable,
 * which also stops other processes of the same user from attaching a debugger or reading /proc/<pid>/mem. Call it
 * first thing in main(), before any secret is read. Elsewhere than Linux only the limit applies (none on Windows).
 */
Result<void> disableCoreDumps();

} // namespace td::crypto
