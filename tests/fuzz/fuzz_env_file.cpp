// SPDX-License-Identifier: MIT
// Env files (.env, .dev.vars): quoting, escapes, multi-line values, export prefixes, comments.
#include "core/credentials/EnvFile.h"
#include "tests/fuzz/FuzzInput.h"

using namespace td;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    (void)credentials::parseEnvFile(fuzz::view(data, size));
    return 0;
}
