// SPDX-License-Identifier: MIT
// Token04: the envelope parser and, through an encryption with the fuzzer's secret, the plaintext parser behind the
// decryption (which hostile bytes could otherwise never reach past AES). First byte: even = the input is a token's
// text; odd = the rest is the plaintext of a CBC token.
#include "core/Clock.h"
#include "core/crypto/Crypto.h"
#include "core/inspect/TokenInspector.h"
#include "core/providers/zego/Token04.h"
#include "tests/fuzz/FuzzInput.h"

using namespace td;

namespace {
const QByteArray kSecret = "fuzz0123456789abcdef0123456789ab";
}

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    static const FixedClock clock(1'800'000'000);
    const QByteArrayView rest = fuzz::view(data + 1, size - 1);
    if ((data[0] & 1) == 0) {
        if (auto envelope = zego::parseToken04(rest))
            (void)zego::decryptToken04(*envelope, kSecret);
        VerifyCredentials zego;
        zego.provider = Provider::Zego;
        zego.secret = kSecret;
        zego.zegoAppId = 1234567890;
        (void)TokenInspector(clock).inspect(rest, zego);
        return 0;
    }
    zego::Token04Envelope envelope;
    envelope.layout = zego::Layout::Cbc;
    envelope.expire = 1'800'000'000;
    envelope.iv = QByteArray(16, 'i');
    auto ciphertext = crypto::aes256CbcEncrypt(kSecret, envelope.iv, rest);
    if (!ciphertext)
        return 0;
    envelope.ciphertext = *ciphertext;
    (void)zego::decryptToken04(envelope, kSecret);
    return 0;
}
