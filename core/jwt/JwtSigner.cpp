// SPDX-License-Identifier: MIT
#include "core/jwt/JwtSigner.h"

#include "core/crypto/Crypto.h"
#include "core/crypto/Pem.h"

namespace td::jwt {
namespace {

crypto::HashAlgorithm hashFor(Algorithm algorithm)
{
    switch (algorithm) {
    case Algorithm::HS384: return crypto::HashAlgorithm::Sha384;
    case Algorithm::HS512: return crypto::HashAlgorithm::Sha512;
    case Algorithm::HS256:
    case Algorithm::RS256: break;
    }
    return crypto::HashAlgorithm::Sha256;
}

} // namespace

QString algorithmName(Algorithm algorithm)
{
    switch (algorithm) {
    case Algorithm::HS256: return QStringLiteral("HS256");
    case Algorithm::HS384: return QStringLiteral("HS384");
    case Algorithm::HS512: return QStringLiteral("HS512");
    case Algorithm::RS256: return QStringLiteral("RS256");
    }
    return {};
}

std::optional<Algorithm> parseAlgorithm(const QString& name)
{
    for (Algorithm a : {Algorithm::HS256, Algorithm::HS384, Algorithm::HS512, Algorithm::RS256}) {
        if (algorithmName(a) == name)
            return a;
    }
    return std::nullopt;
}

bool isHmac(Algorithm algorithm)
{
    return algorithm != Algorithm::RS256;
}

Result<JwtSigner> JwtSigner::hmac(Algorithm algorithm, QByteArrayView secret)
{
    if (!isHmac(algorithm))
        return fail(ErrorCode::KeyTypeMismatch,
                    QT_TRANSLATE_NOOP("td::Error", "%1 needs an RSA key, not a shared secret"),
                    algorithmName(algorithm));
    if (crypto::looksLikePem(secret))
        return fail(ErrorCode::AlgorithmConfusion,
                    QT_TRANSLATE_NOOP(
                        "td::Error", "a PEM key was given as an HMAC secret: using a public key as an %1 secret is the "
                                     "algorithm-confusion attack; pass it as a public or private key instead"),
                    algorithmName(algorithm));
    JwtSigner s;
    s.m_algorithm = algorithm;
    s.m_secret = std::make_shared<const crypto::SecretBytes>(secret);
    s.m_hmac = std::make_shared<const crypto::HmacKey>(hashFor(algorithm), secret);
    return s;
}

JwtSigner JwtSigner::rsa(crypto::RsaPrivateKey key)
{
    JwtSigner s;
    s.m_algorithm = Algorithm::RS256;
    s.m_public = key.verifier(); // deriving a separate public key costs more than the signature
    s.m_private = std::move(key);
    return s;
}

JwtSigner JwtSigner::rsaPublic(crypto::RsaPublicKey key)
{
    JwtSigner s;
    s.m_algorithm = Algorithm::RS256;
    s.m_public = std::move(key);
    return s;
}

bool JwtSigner::canSign() const
{
    return m_hmac || !m_private.isNull();
}

Result<QByteArray> JwtSigner::sign(QByteArrayView signingInput) const
{
    if (m_hmac)
        return m_hmac->mac(signingInput);
    if (!m_private.isNull())
        return m_private.signSha256(signingInput);
    return fail(ErrorCode::PublicKeyGiven,
                QT_TRANSLATE_NOOP("td::Error", "a public key can verify tokens but not sign them"));
}

Result<void> JwtSigner::verify(Algorithm algorithm, QByteArrayView signingInput, QByteArrayView signature) const
{
    if (isHmac(algorithm)) {
        if (!m_secret)
            return fail(
                ErrorCode::AlgorithmConfusion,
                QT_TRANSLATE_NOOP("td::Error",
                                  "the token claims %1 (shared secret) but the key is an RSA key: refusing, this "
                                  "is the algorithm-confusion attack"),
                algorithmName(algorithm));
        const QByteArray expected = algorithm == m_algorithm
                                        ? m_hmac->mac(signingInput)
                                        : crypto::hmac(hashFor(algorithm), m_secret->view(), signingInput);
        if (!crypto::constantTimeEquals(expected, signature))
            return fail(ErrorCode::BadSignature,
                        QT_TRANSLATE_NOOP("td::Error", "the %1 signature does not match: wrong secret or the "
                                                       "token was modified"),
                        algorithmName(algorithm));
        return {};
    }
    if (m_public.isNull())
        return fail(ErrorCode::KeyTypeMismatch,
                    QT_TRANSLATE_NOOP(
                        "td::Error", "the token is signed with RS256 but a shared secret was given: verify it with the "
                                     "RSA public key"));
    if (!m_public.verifySha256(signingInput, signature))
        return fail(ErrorCode::BadSignature,
                    QT_TRANSLATE_NOOP(
                        "td::Error", "the RS256 signature does not match: wrong public key or the token was modified"));
    return {};
}

} // namespace td::jwt
