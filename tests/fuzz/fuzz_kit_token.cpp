// SPDX-License-Identifier: MIT
// UIKit Kit Token: "Token04#" + base64 of the room data, split and decoded as the UIKit does; then its Token04 part.
#include "core/providers/zego/KitToken.h"
#include "core/providers/zego/Token04.h"
#include "tests/fuzz/FuzzInput.h"

using namespace td;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (auto kit = zego::parseKitToken(fuzz::view(data, size))) {
        (void)zego::parseToken04(kit->token04);
        (void)zego::kitSuffix(kit->info); // what was read can be written back
    }
    return 0;
}
