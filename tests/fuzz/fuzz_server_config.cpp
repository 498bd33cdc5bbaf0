// SPDX-License-Identifier: MIT
// The token server's config loader: JSON, every field's validation, policies, regular expressions, durations,
// origins, bearer keys from the environment, profiles and the "env" credentials.
#include "core/server/ServerConfig.h"
#include "tests/fuzz/FuzzInput.h"
#include "tests/fuzz/FuzzServer.h"

using namespace td;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    (void)fuzz::rsaKey();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const QProcessEnvironment kEnvironment = fuzz::environment();
    (void)server::ServerConfig::parse(fuzz::bytes(data, size), fuzz::profileCredentials, kEnvironment);
    return 0;
}
