// SPDX-License-Identifier: MIT
// Known-answer tests run at start-up, so a broken or misconfigured OpenSSL is caught before any token is minted.
#include "core/crypto/Base64.h"
#include "core/crypto/Crypto.h"

namespace td::crypto {
namespace {

QByteArray hex(const char* text)
{
    return QByteArray::fromHex(QByteArray(text));
}

Result<void> check(bool ok, const char* what)
{
    if (ok)
        return {};
    return fail(ErrorCode::Crypto, QT_TRANSLATE_NOOP("td::Error", "crypto self-test failed: %1"),
                QString::fromLatin1(what));
}

} // namespace

Result<void> selfTest()
{
    // FIPS 180-2 "abc".
    if (auto r =
            check(sha256("abc") == hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), "SHA-256");
        !r)
        return r;
    // RFC 4231 test case 2.
    const QByteArray data("what do ya want for nothing?");
    if (auto r = check(hmac(HashAlgorithm::Sha256, "Jefe", data) ==
                           hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
                       "HMAC-SHA256");
        !r)
        return r;
    if (auto r = check(hmac(HashAlgorithm::Sha512, "Jefe", data).left(16) == hex("164b7a7bfcf819e2e395fbe73b56e0a3"),
                       "HMAC-SHA512");
        !r)
        return r;
    // NIST SP 800-38A F.2.5, first block (our CBC adds a PKCS#7 block after it).
    const QByteArray key = hex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
    const QByteArray plain = hex("6bc1bee22e409f96e93d7e117393172a");
    const auto cbc = aes256CbcEncrypt(key, hex("000102030405060708090a0b0c0d0e0f"), plain);
    if (auto r = check(cbc && cbc->left(16) == hex("f58c4c04d6e5f1ba779eabfb5f7bfbd6"), "AES-256-CBC"); !r)
        return r;
    const auto cbcBack = aes256CbcDecrypt(key, hex("000102030405060708090a0b0c0d0e0f"), *cbc);
    if (auto r = check(cbcBack && *cbcBack == plain, "AES-256-CBC decrypt"); !r)
        return r;
    // McGrew-Viega GCM test case 14.
    const QByteArray zeroKey(32, '\0');
    const QByteArray zeroNonce(12, '\0');
    const auto gcm = aes256GcmEncrypt(zeroKey, zeroNonce, QByteArray(16, '\0'));
    if (auto r = check(gcm && *gcm == hex("cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919"),
                       "AES-256-GCM");
        !r)
        return r;
    const auto gcmBack = aes256GcmDecrypt(zeroKey, zeroNonce, *gcm);
    if (auto r = check(gcmBack && *gcmBack == QByteArray(16, '\0'), "AES-256-GCM decrypt"); !r)
        return r;
    if (auto r =
            check(base64UrlEncode(hex("fbff")) == "-_8" && base64Decode("+/8=").value_or(QByteArray()) == hex("fbff"),
                  "base64");
        !r)
        return r;
    const auto a = randomBytes(32);
    const auto b = randomBytes(32);
    return check(a && b && *a != *b && *a != QByteArray(32, '\0'), "random number generator");
}

} // namespace td::crypto
