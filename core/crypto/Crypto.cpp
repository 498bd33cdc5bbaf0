// SPDX-License-Identifier: MIT
#include "core/crypto/Crypto.h"

#include <QUuid>
#include <QtEndian>

#include <array>
#include <atomic>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

namespace td::crypto {
namespace {

const char* digestName(HashAlgorithm algorithm)
{
    switch (algorithm) {
    case HashAlgorithm::Sha256: return "SHA256";
    case HashAlgorithm::Sha384: return "SHA384";
    case HashAlgorithm::Sha512: return "SHA512";
    case HashAlgorithm::Sha1: return "SHA1";
    }
    return "SHA256";
}

struct MacDeleter {
    void operator()(EVP_MAC* m) const { EVP_MAC_free(m); }
};
struct MacCtxDeleter {
    void operator()(EVP_MAC_CTX* c) const { EVP_MAC_CTX_free(c); }
};
struct CipherCtxDeleter {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using MacCtxPtr = std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

// Fetching algorithms is comparatively slow in OpenSSL 3, so the HMAC implementation is fetched once.
EVP_MAC* hmacAlgorithm()
{
    static std::unique_ptr<EVP_MAC, MacDeleter> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    return mac.get();
}

MacCtxPtr newKeyedMac(HashAlgorithm algorithm, QByteArrayView key)
{
    MacCtxPtr ctx(EVP_MAC_CTX_new(hmacAlgorithm()));
    if (!ctx)
        return {};
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digestName(algorithm)), 0),
        OSSL_PARAM_construct_end(),
    };
    // An empty key is legal for HMAC but OpenSSL wants a non-null pointer.
    static const unsigned char kEmpty = 0;
    const auto* keyData = key.isEmpty() ? &kEmpty : reinterpret_cast<const unsigned char*>(key.data());
    if (EVP_MAC_init(ctx.get(), keyData, static_cast<size_t>(key.size()), params) != 1)
        return {};
    return ctx;
}

QByteArray finishMac(EVP_MAC_CTX* ctx, QByteArrayView data)
{
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    size_t outLen = 0;
    if (EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(data.data()), static_cast<size_t>(data.size())) !=
            1 ||
        EVP_MAC_final(ctx, reinterpret_cast<unsigned char*>(out.data()), &outLen, static_cast<size_t>(out.size())) != 1)
        return {};
    out.resize(static_cast<qsizetype>(outLen));
    return out;
}

const unsigned char* bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char*>(v.data());
}

Error opensslError(const char* what)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    QString detail = QString::fromLatin1(what);
    if (code != 0)
        detail += QStringLiteral(" (%1)").arg(QString::fromLatin1(ERR_reason_error_string(code)));
    return Error{ErrorCode::Crypto, detail};
}

} // namespace

QByteArray hmac(HashAlgorithm algorithm, QByteArrayView key, QByteArrayView data)
{
    // One context per thread and algorithm, re-keyed on each call: configuring a new one fetches the digest by name,
    // which costs more than the MAC of a short message (Agora derives two keys per token).
    thread_local std::array<MacCtxPtr, 4> contexts;
    MacCtxPtr& ctx = contexts.at(static_cast<std::size_t>(algorithm));
    if (!ctx) {
        ctx = newKeyedMac(algorithm, key);
        return ctx ? finishMac(ctx.get(), data) : QByteArray();
    }
    static const unsigned char kEmpty = 0;
    if (EVP_MAC_init(ctx.get(), key.isEmpty() ? &kEmpty : bytes(key), static_cast<size_t>(key.size()), nullptr) != 1)
        return {};
    return finishMac(ctx.get(), data);
}

struct HmacKey::Impl {
    MacCtxPtr keyed;
    quint64 id = 0; // tells this key's thread-local copies from those of a key that lived at the same address
};

namespace {

std::atomic<quint64> g_nextHmacKeyId{1};

/** A thread's own copies of recently used keyed contexts, so threads signing in parallel share no OpenSSL state. */
struct ThreadMacs {
    struct Slot {
        quint64 id = 0;
        MacCtxPtr ctx;
    };
    std::array<Slot, 4> slots;
    std::size_t next = 0;
};

} // namespace

HmacKey::HmacKey(HashAlgorithm algorithm, QByteArrayView key)
    : m_algorithm(algorithm),
      m_impl(std::make_unique<Impl>(Impl{newKeyedMac(algorithm, key), g_nextHmacKeyId.fetch_add(1)}))
{
}

HmacKey::~HmacKey() = default;

QByteArray HmacKey::mac(QByteArrayView data) const
{
    if (!m_impl->keyed)
        return {};
    // Each thread keeps its own copy of the keyed context and re-initialises it with the same key (a NULL key):
    // that skips re-deriving the pads, and unlike a dup per token it touches no state another thread uses.
    thread_local ThreadMacs macs;
    for (ThreadMacs::Slot& slot : macs.slots) {
        if (slot.id == m_impl->id && slot.ctx) {
            if (EVP_MAC_init(slot.ctx.get(), nullptr, 0, nullptr) != 1)
                return {};
            return finishMac(slot.ctx.get(), data);
        }
    }
    ThreadMacs::Slot& slot = macs.slots[macs.next++ % macs.slots.size()];
    slot.ctx.reset(EVP_MAC_CTX_dup(m_impl->keyed.get()));
    slot.id = slot.ctx ? m_impl->id : 0;
    return slot.ctx ? finishMac(slot.ctx.get(), data) : QByteArray();
}

QByteArray sha256(QByteArrayView data)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    if (EVP_Digest(data.data(), static_cast<size_t>(data.size()), reinterpret_cast<unsigned char*>(out.data()), &len,
                   EVP_sha256(), nullptr) != 1)
        return {};
    return out;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

Result<QByteArray> randomBytes(qsizetype count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count)) != 1)
        return std::unexpected(opensslError("the system random number generator failed"));
    return out;
}

Result<QByteArray> pooledRandomBytes(qsizetype count)
{
    struct Pool {
        QByteArray bytes;
        qsizetype used = 0;
    };
    thread_local Pool pool;
    if (count < 0 || count > 64)
        return randomBytes(count);
    if (pool.used + count > pool.bytes.size()) {
        auto fresh = randomBytes(1024);
        if (!fresh)
            return std::unexpected(fresh.error());
        pool.bytes = std::move(*fresh);
        pool.used = 0;
    }
    pool.used += count;
    return pool.bytes.mid(pool.used - count, count);
}

Result<QString> uuidV4(const RandomSource& random)
{
    auto bytes = random ? random(16) : pooledRandomBytes(16);
    if (!bytes)
        return std::unexpected(bytes.error());
    QByteArray b = *bytes;
    b[6] = static_cast<char>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<char>((b[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(b).toString(QUuid::WithoutBraces);
}

RandomSource seededRandom(QByteArray seed)
{
    auto counter = std::make_shared<quint64>(0);
    return [seed = std::move(seed), counter](qsizetype count) -> Result<QByteArray> {
        QByteArray out;
        out.reserve(count + 32);
        while (out.size() < count) {
            QByteArray block(8, Qt::Uninitialized);
            qToBigEndian(*counter, block.data());
            ++*counter;
            out += hmac(HashAlgorithm::Sha256, seed, block);
        }
        out.truncate(count);
        return out;
    };
}

Result<QByteArray> aes256CbcEncrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView plaintext)
{
    if (key.size() != 32 || iv.size() != 16)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "AES-256-CBC needs a 32-byte key and a 16-byte IV"));
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    QByteArray out(plaintext.size() + 16, Qt::Uninitialized);
    int len1 = 0;
    int len2 = 0;
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, bytes(key), bytes(iv)) != 1 ||
        EVP_EncryptUpdate(ctx.get(), o, &len1, bytes(plaintext), static_cast<int>(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), o + len1, &len2) != 1)
        return std::unexpected(opensslError("AES-CBC encryption failed"));
    out.resize(len1 + len2);
    return out;
}

Result<QByteArray> aes256CbcDecrypt(QByteArrayView key, QByteArrayView iv, QByteArrayView ciphertext)
{
    if (key.size() != 32 || iv.size() != 16)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "AES-256-CBC needs a 32-byte key and a 16-byte IV"));
    if (ciphertext.isEmpty() || ciphertext.size() % 16 != 0)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "AES-CBC ciphertext length %1 is not a positive multiple of 16"),
                    ciphertext.size());
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    QByteArray out(ciphertext.size() + 16, Qt::Uninitialized);
    int len1 = 0;
    int len2 = 0;
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, bytes(key), bytes(iv)) != 1 ||
        EVP_DecryptUpdate(ctx.get(), o, &len1, bytes(ciphertext), static_cast<int>(ciphertext.size())) != 1)
        return std::unexpected(opensslError("AES-CBC decryption failed"));
    if (EVP_DecryptFinal_ex(ctx.get(), o + len1, &len2) != 1) {
        ERR_clear_error();
        return fail(ErrorCode::ZegoDecryptFailed,
                    QT_TRANSLATE_NOOP("td::Error", "AES-CBC padding is invalid: wrong key or corrupted ciphertext"));
    }
    out.resize(len1 + len2);
    return out;
}

Result<QByteArray> aes256GcmEncrypt(QByteArrayView key, QByteArrayView nonce, QByteArrayView plaintext,
                                    QByteArrayView aad)
{
    if (key.size() != 32 || nonce.size() != 12)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "AES-256-GCM needs a 32-byte key and a 12-byte nonce"));
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    QByteArray out(plaintext.size() + 16, Qt::Uninitialized);
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    int len = 0;
    int finalLen = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) != 1 ||
        (!aad.isEmpty() &&
         EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), static_cast<int>(aad.size())) != 1) ||
        EVP_EncryptUpdate(ctx.get(), o, &len, bytes(plaintext), static_cast<int>(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), o + len, &finalLen) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, o + plaintext.size()) != 1)
        return std::unexpected(opensslError("AES-GCM encryption failed"));
    return out;
}

Result<QByteArray> aes256GcmDecrypt(QByteArrayView key, QByteArrayView nonce, QByteArrayView ciphertextAndTag,
                                    QByteArrayView aad)
{
    if (key.size() != 32 || nonce.size() != 12)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "AES-256-GCM needs a 32-byte key and a 12-byte nonce"));
    if (ciphertextAndTag.size() < 16)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "AES-GCM data is shorter than its 16-byte tag"));
    const qsizetype ctLen = ciphertextAndTag.size() - 16;
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    QByteArray out(ctLen + 16, Qt::Uninitialized);
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    int len = 0;
    int finalLen = 0;
    QByteArray tag = ciphertextAndTag.sliced(ctLen).toByteArray();
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) != 1 ||
        (!aad.isEmpty() &&
         EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), static_cast<int>(aad.size())) != 1) ||
        EVP_DecryptUpdate(ctx.get(), o, &len, bytes(ciphertextAndTag), static_cast<int>(ctLen)) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, 16, tag.data()) != 1)
        return std::unexpected(opensslError("AES-GCM decryption failed"));
    if (EVP_DecryptFinal_ex(ctx.get(), o + len, &finalLen) != 1) {
        ERR_clear_error();
        return fail(
            ErrorCode::ZegoDecryptFailed,
            QT_TRANSLATE_NOOP("td::Error", "AES-GCM authentication failed: wrong key or the data was modified"));
    }
    out.resize(len + finalLen);
    return out;
}

Result<SecretBytes> scrypt(QByteArrayView passphrase, QByteArrayView salt, int log2N, quint32 r, quint32 p,
                           qsizetype length)
{
    if (log2N < 1 || log2N > 22 || r < 1 || r > 32 || p < 1 || p > 16 || length < 1 || length > 1024)
        return fail(ErrorCode::OutOfRange, QT_TRANSLATE_NOOP("td::Error", "scrypt parameters out of range"));
    const quint64 n = quint64(1) << log2N;
    // The parameters come from a file header: a hostile file must not make us allocate gigabytes or spin for
    // minutes. N * r * p is capped at 8x what TokenDesk writes (2^17 * 8 * 1): at most 1 GiB and a few seconds.
    if (n * r * p > kMaxScryptWork)
        return fail(ErrorCode::OutOfRange,
                    QT_TRANSLATE_NOOP(
                        "td::Error", "scrypt cost N=2^%1, r=%2, p=%3 is beyond TokenDesk's limit (N*r*p at most 2^23); "
                                     "the file was not written by TokenDesk or was tampered with"),
                    log2N, r, p);
    const quint64 maxMemory = 128ULL * r * (n + p) + (16ULL << 20);
    QByteArray out(length, Qt::Uninitialized);
    const int ok = EVP_PBE_scrypt(passphrase.data(), static_cast<size_t>(passphrase.size()), bytes(salt),
                                  static_cast<size_t>(salt.size()), n, r, p, maxMemory,
                                  reinterpret_cast<unsigned char*>(out.data()), static_cast<size_t>(length));
    if (ok != 1) {
        cleanse(out.data(), out.size());
        return std::unexpected(opensslError("scrypt key derivation failed"));
    }
    SecretBytes key(out);
    cleanse(out.data(), out.size());
    return key;
}

} // namespace td::crypto

namespace td::crypto {

void releaseThreadState()
{
    OPENSSL_thread_stop();
}

QString libraryVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

} // namespace td::crypto
