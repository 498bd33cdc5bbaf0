// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace td::crypto {

struct KeyHandle; // wraps an OpenSSL EVP_PKEY; defined in RsaKey.cpp only

/** Minimum RSA modulus size accepted for RS256 (RFC 7518 section 3.3). */
inline constexpr int kMinRsaBits = 2048;

/** An RSA public key; cheap to copy, immutable. */
class RsaPublicKey final {
public:
    RsaPublicKey() = default;
    explicit RsaPublicKey(std::shared_ptr<const KeyHandle> handle) : m_key(std::move(handle)) {}

    bool isNull() const { return !m_key; }
    int bits() const;
    /** RSASSA-PKCS1-v1_5 with SHA-256 verification. */
    bool verifySha256(QByteArrayView data, QByteArrayView signature) const;
    /** DER SubjectPublicKeyInfo. */
    QByteArray spkiDer() const;
    /** PEM SubjectPublicKeyInfo ("-----BEGIN PUBLIC KEY-----"). */
    QByteArray spkiPem() const;
    /** SHA-256 of the DER SubjectPublicKeyInfo as colon-separated lowercase hex. */
    QString fingerprintSha256() const;

private:
    std::shared_ptr<const KeyHandle> m_key;
};

/** An RSA private key (>= 2048 bits); cheap to copy, immutable, thread-safe for signing. */
class RsaPrivateKey final {
public:
    RsaPrivateKey() = default;
    explicit RsaPrivateKey(std::shared_ptr<const KeyHandle> handle) : m_key(std::move(handle)) {}

    bool isNull() const { return !m_key; }
    int bits() const;
    /** RSASSA-PKCS1-v1_5 with SHA-256 (the RS256 signature). */
    Result<QByteArray> signSha256(QByteArrayView data) const;
    RsaPublicKey publicKey() const;
    /** A verification view sharing this key's handle: no copy, for signers that also verify. */
    RsaPublicKey verifier() const { return RsaPublicKey(m_key); }
    /** Unencrypted PKCS#8 PEM, for tests and export into an encrypted store. */
    QByteArray pkcs8Pem() const;

    /** Generates a fresh key (used by tests and by "generate key pair" in the app). */
    static Result<RsaPrivateKey> generate(int bits);

private:
    std::shared_ptr<const KeyHandle> m_key;
};

} // namespace td::crypto
