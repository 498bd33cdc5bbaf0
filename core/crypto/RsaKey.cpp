// SPDX-License-Identifier: MIT
#include "core/crypto/RsaKey.h"

#include "core/crypto/KeyHandle.h"
#include "core/crypto/Crypto.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace td::crypto {
namespace {

struct MdCtxDeleter {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

QByteArray bioContents(BIO* bio)
{
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(len));
}

} // namespace

KeyHandle::~KeyHandle()
{
    EVP_PKEY_free(pkey);
}

int RsaPublicKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key->pkey) : 0;
}

bool RsaPublicKey::verifySha256(QByteArrayView data, QByteArrayView signature) const
{
    if (!m_key)
        return false;
    MdCtxPtr ctx(EVP_MD_CTX_new());
    const bool ok =
        ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key->pkey) == 1 &&
        EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                         static_cast<size_t>(signature.size()), reinterpret_cast<const unsigned char*>(data.data()),
                         static_cast<size_t>(data.size())) == 1;
    ERR_clear_error();
    return ok;
}

QByteArray RsaPublicKey::spkiDer() const
{
    if (!m_key)
        return {};
    unsigned char* der = nullptr;
    const int len = i2d_PUBKEY(m_key->pkey, &der);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    return out;
}

QByteArray RsaPublicKey::spkiPem() const
{
    if (!m_key)
        return {};
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), m_key->pkey) != 1)
        return {};
    return bioContents(bio.get());
}

QString RsaPublicKey::fingerprintSha256() const
{
    const QByteArray digest = sha256(spkiDer());
    return QString::fromLatin1(digest.toHex(':'));
}

int RsaPrivateKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key->pkey) : 0;
}

Result<QByteArray> RsaPrivateKey::signSha256(QByteArrayView data) const
{
    if (!m_key)
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "no private key loaded"));
    MdCtxPtr ctx(EVP_MD_CTX_new());
    size_t sigLen = static_cast<size_t>(EVP_PKEY_get_size(m_key->pkey));
    QByteArray sig(static_cast<qsizetype>(sigLen), Qt::Uninitialized);
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key->pkey) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &sigLen,
                       reinterpret_cast<const unsigned char*>(data.data()), static_cast<size_t>(data.size())) != 1) {
        ERR_clear_error();
        return fail(ErrorCode::Crypto, QT_TRANSLATE_NOOP("td::Error", "RSA signing failed"));
    }
    sig.resize(static_cast<qsizetype>(sigLen));
    return sig;
}

RsaPublicKey RsaPrivateKey::publicKey() const
{
    if (!m_key)
        return {};
    // Round-trip through DER so the public object carries no private material.
    unsigned char* der = nullptr;
    const int len = i2d_PUBKEY(m_key->pkey, &der);
    if (len <= 0)
        return {};
    const unsigned char* p = der;
    EVP_PKEY* pub = d2i_PUBKEY(nullptr, &p, len);
    OPENSSL_free(der);
    if (!pub)
        return {};
    return RsaPublicKey(std::make_shared<const KeyHandle>(pub));
}

QByteArray RsaPrivateKey::pkcs8Pem() const
{
    if (!m_key)
        return {};
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_secmem()), &BIO_free);
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), m_key->pkey, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return bioContents(bio.get());
}

Result<RsaPrivateKey> RsaPrivateKey::generate(int bits)
{
    if (bits < kMinRsaBits)
        return fail(ErrorCode::KeyTooSmall, QT_TRANSLATE_NOOP("td::Error", "RSA keys must have at least %1 bits"),
                    kMinRsaBits);
    EVP_PKEY* pkey = EVP_RSA_gen(static_cast<unsigned int>(bits));
    if (!pkey)
        return fail(ErrorCode::Crypto, QT_TRANSLATE_NOOP("td::Error", "RSA key generation failed"));
    return RsaPrivateKey(std::make_shared<const KeyHandle>(pkey));
}

} // namespace td::crypto
