// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/crypto/RsaKey.h"
#include "core/crypto/SecretBytes.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace td::crypto {
class HmacKey;
}

namespace td::jwt {

enum class Algorithm { HS256, HS384, HS512, RS256 };

QString algorithmName(Algorithm algorithm);
/** Parses a JOSE "alg" value; "none" and anything unknown give nullopt. */
std::optional<Algorithm> parseAlgorithm(const QString& name);
bool isHmac(Algorithm algorithm);

/**
 * A signing or verification key bound to its algorithm: an HMAC secret, an RSA private key (signs and verifies)
 * or an RSA public key (verifies only). Cheap to copy; thread-safe.
 */
class JwtSigner final {
public:
    /** An HMAC secret used as raw bytes. A PEM key passed as a secret is refused (algorithm confusion). */
    static Result<JwtSigner> hmac(Algorithm algorithm, QByteArrayView secret);
    static JwtSigner rsa(crypto::RsaPrivateKey key);
    static JwtSigner rsaPublic(crypto::RsaPublicKey key);

    Algorithm algorithm() const { return m_algorithm; }
    QString name() const { return algorithmName(m_algorithm); }
    bool canSign() const;

    Result<QByteArray> sign(QByteArrayView signingInput) const;
    /**
     * Checks a signature made with `algorithm` (the token's alg). An HMAC secret verifies any HS* alg; an RSA key
     * only RS256. A mismatch of key type and alg is an error of its own, never a silent failure.
     */
    Result<void> verify(Algorithm algorithm, QByteArrayView signingInput, QByteArrayView signature) const;

private:
    JwtSigner() = default;

    Algorithm m_algorithm = Algorithm::HS256;
    std::shared_ptr<const crypto::SecretBytes> m_secret;
    std::shared_ptr<const crypto::HmacKey> m_hmac;
    crypto::RsaPrivateKey m_private;
    crypto::RsaPublicKey m_public;
};

} // namespace td::jwt
