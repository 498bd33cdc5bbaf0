// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/crypto/SecretBytes.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>
#include <memory>

namespace td::crypto {

enum class HashAlgorithm { Sha256, Sha384, Sha512, Sha1 }; // Sha1: only what a format requires (OpenTok T1)

/** One-shot HMAC. */
QByteArray hmac(HashAlgorithm algorithm, QByteArrayView key, QByteArrayView data);

/** An HMAC key prepared once and reused for many MACs (token servers sign in a loop); thread-safe. */
class HmacKey final {
public:
    HmacKey(HashAlgorithm algorithm, QByteArrayView key);
    ~HmacKey();
    HmacKey(const HmacKey&) = delete;
    HmacKey& operator=(const HmacKey&) = delete;

    QByteArray mac(QByteArrayView data) const;
    HashAlgorithm algorithm() const { return m_algorithm; }

private:
    struct Impl;
    HashAlgorithm m_algorithm;
    std::unique_ptr<Impl> m_impl;
};

QByteArray sha256(QByteArrayView data);

/** Equality whose running time does not depend on where the inputs differ. */
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

/** Bytes from the operating system's CSPRNG (OpenSSL RAND_bytes). */
Result<QByteArray> randomBytes(qsizetype count);

/**
 * Bytes from the CSPRNG drawn out of a per-thread pool refilled 1 KiB at a time, for values that are public once
 * used (a token's salt or ID): one RAND_bytes call serves many tokens. Never for keys. At most 64 bytes per call.
 */
Result<QByteArray> pooledRandomBytes(qsizetype count);

/** Where a minter draws its nonces and IVs from: randomBytes, or a seeded stream for reproducible output. */
using RandomSource = std::function<Result<QByteArray>(qsizetype count)>;

/** A version-4 UUID ("1b4e28ba-2fa1-4d2e-883f-0016d3cca427") from 16 bytes of `random` (empty: the pooled CSPRNG),
 *  with the version and variant bits set as uuid.v4() sets them. */
Result<QString> uuidV4(const RandomSource& random);

/**
 * A deterministic byte stream (HMAC-SHA256 of the seed over a counter): the same seed gives the same bytes.
 * Only for reproducible test output; its values are predictable to anyone who knows the seed.
 */
RandomSource seededRandom(QByteArray seed);

/** AES-256-CBC with PKCS#7 padding; key 32 bytes, iv 16 bytes. */
Result<QByteArray> aes256CbcEncrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView plaintext);
Result<QByteArray> aes256CbcDecrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView ciphertext);

/** AES-256-GCM; returns ciphertext || 16-byte tag. nonce is 12 bytes. */
Result<QByteArray> aes256GcmEncrypt(QByteArrayView key, QByteArrayView nonce, QByteArrayView plaintext,
                                    QByteArrayView aad = {});
/** Verifies the trailing 16-byte tag and decrypts. */
Result<QByteArray> aes256GcmDecrypt(QByteArrayView key, QByteArrayView nonce, QByteArrayView ciphertextAndTag,
                                    QByteArrayView aad = {});

/** The largest scrypt N * r * p accepted (1 GiB of memory at p = 1). */
inline constexpr quint64 kMaxScryptWork = quint64(1) << 23;

/** scrypt (RFC 7914) key derivation; memory use is 128 * r * 2^log2N bytes. Refuses N * r * p > kMaxScryptWork. */
Result<SecretBytes> scrypt(QByteArrayView passphrase, QByteArrayView salt, int log2N, quint32 r, quint32 p,
                           qsizetype length);

/** The OpenSSL library in use, e.g. "OpenSSL 3.0.17 1 Jul 2025" (for the About box and bug reports). */
QString libraryVersion();

/** Frees OpenSSL's state of the calling thread (its random generators, error queue). A thread pool calls it on
 *  each of its threads before they end, so none of that state outlives the pool at exit. */
void releaseThreadState();

/** Runs known-answer tests of every primitive; an error names the first one that failed. */
Result<void> selfTest();

} // namespace td::crypto
