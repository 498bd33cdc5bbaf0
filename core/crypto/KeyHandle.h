// SPDX-License-Identifier: MIT
// Private to core/crypto: the only header that names an OpenSSL type, included by .cpp files here alone.
#pragma once

#include <openssl/types.h>

namespace td::crypto {

struct KeyHandle {
    explicit KeyHandle(EVP_PKEY* key) : pkey(key) {}
    ~KeyHandle();
    KeyHandle(const KeyHandle&) = delete;
    KeyHandle& operator=(const KeyHandle&) = delete;
    EVP_PKEY* pkey;
};

} // namespace td::crypto
