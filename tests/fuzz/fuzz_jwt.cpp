// SPDX-License-Identifier: MIT
// JWT decoder and the inspector's JWT path (explain, verify HS256 and RS256) on hostile text.
#include "core/Clock.h"
#include "core/crypto/RsaKey.h"
#include "core/inspect/TokenInspector.h"
#include "core/jwt/Jwt.h"
#include "tests/fuzz/FuzzInput.h"

using namespace td;

namespace {

/** A JaaS-style RS256 verifier key, made once (2048-bit generation takes a while). */
const crypto::RsaPublicKey& rsaKey()
{
    static const crypto::RsaPublicKey key = [] {
        auto generated = crypto::RsaPrivateKey::generate(2048);
        return generated ? generated->publicKey() : crypto::RsaPublicKey();
    }();
    return key;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    (void)rsaKey();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const FixedClock clock(1'800'000'000);
    const QByteArrayView input = fuzz::view(data, size);
    (void)jwt::decode(input);

    const TokenInspector inspector(clock);
    (void)inspector.inspect(input);
    VerifyCredentials hs;
    hs.provider = Provider::LiveKit;
    hs.apiKey = QStringLiteral("APIfuzz");
    hs.secret = QByteArray("fuzz-secret-0123456789abcdef0123");
    (void)inspector.inspect(input, hs);
    VerifyCredentials jitsi;
    jitsi.provider = Provider::Jitsi;
    jitsi.secret = QByteArray("fuzz-app-secret");
    (void)inspector.inspect(input, jitsi);
    VerifyCredentials jaas;
    jaas.provider = Provider::Jaas;
    jaas.publicKey = rsaKey();
    (void)inspector.inspect(input, jaas);
    return 0;
}
