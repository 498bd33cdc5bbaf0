// SPDX-License-Identifier: MIT
// PEM loader: normalisation of pasted keys (one line, escaped newlines, quotes), block parsing, and loading as an RSA
// private or public key, with and without a passphrase (first byte: bit 0 chooses).
#include "core/crypto/Pem.h"
#include "tests/fuzz/FuzzInput.h"

using namespace td;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView pem = fuzz::view(data + 1, size - 1);
    const QByteArrayView passphrase = (data[0] & 1) ? QByteArrayView("fuzz-passphrase") : QByteArrayView();
    (void)crypto::looksLikePem(pem);
    (void)crypto::normalizePemText(pem);
    (void)crypto::parsePem(pem);
    (void)crypto::loadRsaPrivateKey(pem, passphrase);
    (void)crypto::loadRsaPublicKey(pem, passphrase);
    return 0;
}
