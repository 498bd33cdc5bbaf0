// SPDX-License-Identifier: MIT
#include "core/credentials/VaultFile.h"

#include "core/crypto/Crypto.h"

#include <QJsonDocument>
#include <QtEndian>

namespace td::credentials {
namespace {

constexpr QByteArrayView kMagic("TDVAULT\0", 8);
constexpr quint8 kVersion = 1;
constexpr quint8 kKdfScrypt = 1;
constexpr qsizetype kSaltSize = 16;
constexpr qsizetype kNonceSize = 12;
constexpr qsizetype kCheckSize = 16;
// magic, version, kdf, log2N, r, p, salt, nonce, check
constexpr qsizetype kHeaderSize = 8 + 1 + 1 + 1 + 4 + 4 + kSaltSize + kNonceSize + kCheckSize;

struct Keys {
    crypto::SecretBytes encryption;
    QByteArray check;
};

Result<Keys> deriveKeys(QByteArrayView passphrase, QByteArrayView salt, const KdfParams& params)
{
    if (passphrase.isEmpty())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "the vault passphrase is empty"));
    auto master = crypto::scrypt(passphrase, salt, params.log2N, params.r, params.p, 32);
    if (!master)
        return std::unexpected(master.error());
    // Separate keys for encryption and for the passphrase check, so the check reveals nothing about the other.
    QByteArray enc = crypto::hmac(crypto::HashAlgorithm::Sha256, master->view(), "tokendesk-vault-encryption");
    Keys keys{crypto::SecretBytes(enc),
              crypto::hmac(crypto::HashAlgorithm::Sha256, master->view(), "tokendesk-vault-check").left(kCheckSize)};
    crypto::wipe(enc);
    return keys;
}

void appendBe32(QByteArray& out, quint32 v)
{
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}

} // namespace

Result<QByteArray> VaultFile::seal(const QJsonObject& document, QByteArrayView passphrase, const KdfParams& params)
{
    auto salt = crypto::randomBytes(kSaltSize);
    auto nonce = crypto::randomBytes(kNonceSize);
    if (!salt || !nonce)
        return fail(ErrorCode::Crypto, QT_TRANSLATE_NOOP("td::Error", "no randomness for the vault"));
    auto keys = deriveKeys(passphrase, *salt, params);
    if (!keys)
        return std::unexpected(keys.error());
    QByteArray header = kMagic.toByteArray();
    header.append(static_cast<char>(kVersion));
    header.append(static_cast<char>(kKdfScrypt));
    header.append(static_cast<char>(params.log2N));
    appendBe32(header, params.r);
    appendBe32(header, params.p);
    header.append(*salt);
    header.append(*nonce);
    header.append(keys->check);
    QByteArray plain = QJsonDocument(document).toJson(QJsonDocument::Compact);
    auto sealed = crypto::aes256GcmEncrypt(keys->encryption.view(), *nonce, plain, header);
    crypto::wipe(plain);
    if (!sealed)
        return std::unexpected(sealed.error());
    return header + *sealed;
}

Result<QJsonObject> VaultFile::open(const QByteArray& data, QByteArrayView passphrase)
{
    if (data.size() < 8 || !data.startsWith(kMagic))
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "this is not a TokenDesk vault (wrong magic bytes)"));
    if (data.size() < kHeaderSize + 16)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "the vault is truncated (%1 bytes): restore it from a backup"),
                    data.size());
    if (static_cast<quint8>(data[8]) != kVersion)
        return fail(
            ErrorCode::InvalidValue,
            QT_TRANSLATE_NOOP("td::Error", "vault format %1 is not supported by this TokenDesk (it reads format %2)"),
            static_cast<quint8>(data[8]), kVersion);
    if (static_cast<quint8>(data[9]) != kKdfScrypt)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error", "the vault names an unknown key derivation"));
    KdfParams params;
    params.log2N = static_cast<quint8>(data[10]);
    params.r = qFromBigEndian<quint32>(data.constData() + 11);
    params.p = qFromBigEndian<quint32>(data.constData() + 15);
    const QByteArray salt = data.mid(19, kSaltSize);
    const QByteArray nonce = data.mid(19 + kSaltSize, kNonceSize);
    const QByteArray check = data.mid(19 + kSaltSize + kNonceSize, kCheckSize);
    auto keys = deriveKeys(passphrase, salt, params);
    if (!keys)
        return std::unexpected(keys.error());
    if (!crypto::constantTimeEquals(keys->check, check))
        // The check value depends on the passphrase and the salt: a changed salt or check field reads exactly like
        // a wrong passphrase, and the format has nothing that could tell the two apart.
        return fail(ErrorCode::WrongPassphrase,
                    QT_TRANSLATE_NOOP("td::Error", "wrong vault passphrase (or the vault's header was modified)"));
    auto plain = crypto::aes256GcmDecrypt(keys->encryption.view(), nonce, QByteArrayView(data).sliced(kHeaderSize),
                                          QByteArrayView(data).first(kHeaderSize));
    if (!plain)
        return fail(ErrorCode::InvalidValue,
                    QT_TRANSLATE_NOOP("td::Error",
                                      "the vault failed authentication: the file was modified or damaged after it was "
                                      "written; restore it from a backup"));
    const QJsonDocument doc = QJsonDocument::fromJson(*plain);
    crypto::wipe(*plain);
    if (!doc.isObject())
        return fail(ErrorCode::InvalidJson, QT_TRANSLATE_NOOP("td::Error", "the vault's content is not a JSON object"));
    return doc.object();
}

} // namespace td::credentials
