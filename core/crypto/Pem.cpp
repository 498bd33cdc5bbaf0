// SPDX-License-Identifier: MIT
#include "core/crypto/Pem.h"

#include "core/crypto/Base64.h"
#include "core/crypto/KeyHandle.h"
#include "core/crypto/SecretBytes.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <QFile>

#include <cstring>

namespace td::crypto {
namespace {

constexpr QByteArrayView kBegin("-----BEGIN ");
constexpr QByteArrayView kEnd("-----END ");
constexpr QByteArrayView kDashes("-----");

/** Wipes a buffer that held key material when the scope ends. */
struct WipeOnExit {
    QByteArray& buffer;
    ~WipeOnExit() { wipe(buffer); }
};

QString quotedSnippet(QByteArrayView text)
{
    QByteArrayView line = text;
    if (const auto nl = line.indexOf('\n'); nl >= 0)
        line = line.first(nl);
    line = line.trimmed();
    // Only quote text that reads like a label ("Key ID: ..."), never what could be key material.
    const bool labelLike = line.contains(' ') || line.contains(':');
    if (!labelLike || line.size() > 80)
        return QStringLiteral("%1 characters").arg(text.trimmed().size());
    return QStringLiteral("\"%1\"").arg(QString::fromUtf8(line));
}

/** Outer DER SEQUENCE length check: tells a truncated copy from other damage. */
std::optional<Error> checkDerLength(const QByteArray& der)
{
    if (der.size() < 2 || static_cast<unsigned char>(der[0]) != 0x30)
        return Error{ErrorCode::UnsupportedKeyFormat,
                     QStringLiteral("the key data is not a DER structure: the PEM body is damaged")};
    qsizetype declared = 0;
    qsizetype headerLen = 2;
    const auto first = static_cast<unsigned char>(der[1]);
    if (first < 0x80) {
        declared = first;
    } else {
        const int n = first & 0x7f;
        if (n == 0 || n > 4 || der.size() < 2 + n)
            return Error{ErrorCode::PemTruncated, QStringLiteral("the key is truncated: its length header is cut off")};
        for (int i = 0; i < n; ++i)
            declared = (declared << 8) | static_cast<unsigned char>(der[2 + i]);
        headerLen += n;
    }
    const qsizetype present = der.size() - headerLen;
    if (declared > present)
        return Error{ErrorCode::PemTruncated,
                     QStringLiteral("the key is truncated: it declares %1 bytes but only %2 are present; copy the "
                                    "whole block from -----BEGIN to -----END")
                         .arg(declared)
                         .arg(present)};
    return std::nullopt;
}

int passphraseCallback(char* buf, int size, int /*rwflag*/, void* userdata)
{
    const auto* pass = static_cast<const QByteArrayView*>(userdata);
    if (!pass || pass->isEmpty() || pass->size() > size)
        return -1;
    std::memcpy(buf, pass->data(), static_cast<size_t>(pass->size()));
    return static_cast<int>(pass->size());
}

QByteArray toCanonicalPem(const PemBlock& block)
{
    QByteArray body = base64Encode(block.der);
    WipeOnExit wipeBody{body};
    // Sized up front and filled without temporaries: every copy of the body would be key material left unwiped.
    qsizetype headers = 1;
    for (const auto& [name, value] : block.headers)
        headers += name.size() + value.size() + 3;
    QByteArray pem;
    pem.reserve(2 * (kBegin.size() + block.label.size() + kDashes.size() + 1) + headers + body.size() +
                body.size() / 64 + 1);
    pem.append(kBegin).append(block.label).append(kDashes).append('\n');
    for (const auto& [name, value] : block.headers)
        pem.append(name).append(": ").append(value).append('\n');
    if (!block.headers.isEmpty())
        pem.append('\n');
    for (qsizetype i = 0; i < body.size(); i += 64)
        pem.append(QByteArrayView(body).sliced(i, qMin<qsizetype>(64, body.size() - i))).append('\n');
    pem.append(kEnd).append(block.label).append(kDashes).append('\n');
    return pem;
}

Result<void> checkRsa(EVP_PKEY* pkey)
{
    if (EVP_PKEY_get_base_id(pkey) != EVP_PKEY_RSA) {
        const char* name = EVP_PKEY_get0_type_name(pkey);
        return fail(ErrorCode::NotRsaKey,
                    QT_TRANSLATE_NOOP("td::Error",
                                      "this is a %1 key, not an RSA key: RS256 needs an RSA key of at least %2 bits"),
                    name ? QString::fromLatin1(name) : QStringLiteral("non-RSA"), kMinRsaBits);
    }
    const int bits = EVP_PKEY_get_bits(pkey);
    if (bits < kMinRsaBits)
        return fail(ErrorCode::KeyTooSmall,
                    QT_TRANSLATE_NOOP("td::Error", "the RSA key has %1 bits; RS256 needs at least %2 (8x8 "
                                                   "JaaS and jose reject smaller keys): generate a new key"),
                    bits, kMinRsaBits);
    return {};
}

Result<RsaPrivateKey> privateKeyFromBlock(const PemBlock& block, QByteArrayView passphrase)
{
    const bool encrypted = block.label == "ENCRYPTED PRIVATE KEY" || block.isLegacyEncrypted();
    if (encrypted && passphrase.isEmpty())
        return fail(
            ErrorCode::KeyEncrypted,
            QT_TRANSLATE_NOOP("td::Error",
                              "the private key is encrypted: enter its passphrase (--passphrase-file), or export "
                              "it without one (openssl pkey -in key.pem -out plain.pem)"));
    if (!encrypted) {
        if (auto err = checkDerLength(block.der))
            return std::unexpected(*err);
    }
    QByteArray pem = toCanonicalPem(block);
    WipeOnExit wipe{pem};
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())),
                                                  &BIO_free);
    QByteArrayView pass = passphrase;
    EVP_PKEY* pkey = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, passphraseCallback, &pass) : nullptr;
    ERR_clear_error();
    if (!pkey) {
        if (encrypted)
            return fail(ErrorCode::WrongPassphrase,
                        QT_TRANSLATE_NOOP("td::Error",
                                          "the passphrase does not decrypt this private key (wrong passphrase, or the "
                                          "encrypted key is damaged)"));
        return fail(ErrorCode::UnsupportedKeyFormat,
                    QT_TRANSLATE_NOOP("td::Error", "the %1 block does not contain a valid private key"),
                    QString::fromLatin1(block.label));
    }
    auto handle = std::make_shared<const KeyHandle>(pkey);
    if (auto ok = checkRsa(pkey); !ok)
        return std::unexpected(ok.error());
    return RsaPrivateKey(std::move(handle));
}

Result<RsaPublicKey> publicKeyFromBlock(const PemBlock& block)
{
    if (auto err = checkDerLength(block.der))
        return std::unexpected(*err);
    const auto* p = reinterpret_cast<const unsigned char*>(block.der.constData());
    const long len = static_cast<long>(block.der.size());
    EVP_PKEY* pkey = nullptr;
    if (block.label == "PUBLIC KEY") {
        pkey = d2i_PUBKEY(nullptr, &p, len);
    } else if (block.label == "RSA PUBLIC KEY") {
        pkey = d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, len);
    } else if (block.label == "CERTIFICATE") {
        std::unique_ptr<X509, decltype(&X509_free)> cert(d2i_X509(nullptr, &p, len), &X509_free);
        if (cert)
            pkey = X509_get_pubkey(cert.get());
    }
    ERR_clear_error();
    if (!pkey)
        return fail(ErrorCode::UnsupportedKeyFormat,
                    QT_TRANSLATE_NOOP("td::Error", "the %1 block does not contain a valid public key"),
                    QString::fromLatin1(block.label));
    auto handle = std::make_shared<const KeyHandle>(pkey);
    if (auto ok = checkRsa(pkey); !ok)
        return std::unexpected(ok.error());
    return RsaPublicKey(std::move(handle));
}

bool isPublicLabel(const QByteArray& label)
{
    return label == "PUBLIC KEY" || label == "RSA PUBLIC KEY" || label == "CERTIFICATE";
}

Result<void> checkPrivateLabel(const QByteArray& label)
{
    if (label == "RSA PRIVATE KEY" || label == "PRIVATE KEY" || label == "ENCRYPTED PRIVATE KEY")
        return {};
    if (isPublicLabel(label))
        return fail(ErrorCode::PublicKeyGiven,
                    QT_TRANSLATE_NOOP("td::Error",
                                      "this is a %1, but signing needs the private key (-----BEGIN PRIVATE KEY----- or "
                                      "-----BEGIN RSA PRIVATE KEY-----)"),
                    label == "CERTIFICATE" ? QStringLiteral("certificate") : QStringLiteral("public key"));
    if (label == "EC PRIVATE KEY" || label == "DSA PRIVATE KEY")
        return fail(ErrorCode::NotRsaKey,
                    QT_TRANSLATE_NOOP("td::Error", "this is an %1, not an RSA key: RS256 needs an RSA key"),
                    QString::fromLatin1(label));
    if (label == "OPENSSH PRIVATE KEY")
        return fail(
            ErrorCode::UnsupportedKeyFormat,
            QT_TRANSLATE_NOOP("td::Error",
                              "OpenSSH key format is not supported: convert it with ssh-keygen -p -m PKCS8 -f KEY"));
    return fail(ErrorCode::UnsupportedKeyFormat,
                QT_TRANSLATE_NOOP("td::Error", "a PEM block labelled \"%1\" is not a private key"),
                QString::fromLatin1(label));
}

} // namespace

bool PemBlock::isLegacyEncrypted() const
{
    for (const auto& [name, value] : headers) {
        if (name.compare("Proc-Type", Qt::CaseInsensitive) == 0 && value.contains("ENCRYPTED"))
            return true;
    }
    return false;
}

QByteArray normalizePemText(QByteArrayView text)
{
    QByteArrayView v = text.trimmed();
    // Quotes from .env files or JSON, possibly several layers ("'...'"). Stripped as a view: one copy, and the
    // replacements below only shorten it, in place.
    while (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
        v = v.sliced(1, v.size() - 2).trimmed();
    QByteArray t = v.toByteArray();
    t.replace("\\r", "").replace("\\n", "\n").replace("\r\n", "\n").replace('\r', '\n');
    return t;
}

Result<PemBlock> parsePem(QByteArrayView input)
{
    QByteArray text = normalizePemText(input);
    WipeOnExit wipeText{text};
    if (text.isEmpty())
        return fail(ErrorCode::EmptyKey, QT_TRANSLATE_NOOP("td::Error", "the key is empty"));

    const qsizetype begin = text.indexOf(kBegin);
    if (begin < 0) {
        if (text.contains(kEnd))
            return fail(ErrorCode::PemMissingHeader,
                        QT_TRANSLATE_NOOP("td::Error",
                                          "the -----BEGIN ...----- line is missing: copy the whole key including it"));
        return fail(ErrorCode::PemMissingHeader,
                    QT_TRANSLATE_NOOP("td::Error", "no -----BEGIN ...----- line found: this is not a PEM key"));
    }
    if (begin > 0) {
        const QByteArrayView before = QByteArrayView(text).first(begin);
        if (!before.trimmed().isEmpty())
            return fail(ErrorCode::PemTextBeforeHeader,
                        QT_TRANSLATE_NOOP("td::Error",
                                          "there is text before the -----BEGIN line (%1): remove it and keep only the "
                                          "block from -----BEGIN to -----END"),
                        quotedSnippet(before));
    }
    const qsizetype labelStart = begin + kBegin.size();
    const qsizetype labelEnd = text.indexOf(kDashes, labelStart);
    if (labelEnd < 0 || labelEnd - labelStart > 40 || text.mid(labelStart, labelEnd - labelStart).contains('\n'))
        return fail(ErrorCode::PemMissingHeader, QT_TRANSLATE_NOOP("td::Error", "the -----BEGIN line is malformed"));

    PemBlock block;
    block.label = text.mid(labelStart, labelEnd - labelStart).trimmed();
    const QByteArray footer = kEnd.toByteArray() + block.label + kDashes.toByteArray();
    const qsizetype bodyStart = labelEnd + kDashes.size();
    const qsizetype footerPos = text.indexOf(footer, bodyStart);
    if (footerPos < 0) {
        if (text.indexOf(kEnd, bodyStart) >= 0)
            return fail(ErrorCode::PemMissingFooter,
                        QT_TRANSLATE_NOOP("td::Error", "the -----END line does not match -----BEGIN %1-----"),
                        QString::fromLatin1(block.label));
        return fail(
            ErrorCode::PemMissingFooter,
            QT_TRANSLATE_NOOP("td::Error", "the -----END %1----- line is missing: the key was cut off when copied"),
            QString::fromLatin1(block.label));
    }

    // The body is read through views into a buffer sized up front: line copies and a growing buffer would leave
    // pieces of the key behind, unwiped.
    const QByteArrayView bodyText = QByteArrayView(text).sliced(bodyStart, footerPos - bodyStart);
    QByteArray body;
    WipeOnExit wipeBody{body};
    body.reserve(bodyText.size());
    QList<QByteArrayView> lines;
    for (qsizetype pos = 0;;) {
        const qsizetype nl = bodyText.indexOf('\n', pos);
        lines.append(bodyText.sliced(pos, (nl < 0 ? bodyText.size() : nl) - pos));
        if (nl < 0)
            break;
        pos = nl + 1;
    }
    bool inHeaders = true;
    for (const QByteArrayView raw : lines) {
        const QByteArrayView line = raw.trimmed();
        if (inHeaders) {
            if (line.isEmpty() && block.headers.isEmpty())
                continue;
            if (const qsizetype colon = line.indexOf(':'); colon > 0) {
                block.headers.append(
                    {line.first(colon).trimmed().toByteArray(), line.sliced(colon + 1).trimmed().toByteArray()});
                continue;
            }
            inHeaders = false;
        }
        for (char c : line) {
            if (c != ' ' && c != '\t')
                body.append(c);
        }
    }
    if (body.isEmpty())
        return fail(ErrorCode::PemTruncated, QT_TRANSLATE_NOOP("td::Error", "the PEM block has no body"));
    auto der = base64Decode(body);
    if (!der) {
        if (body.size() % 4 != 0)
            return fail(ErrorCode::PemInvalidBase64,
                        QT_TRANSLATE_NOOP("td::Error",
                                          "the key body is not valid base64 (%1): it was probably cut off or edited"),
                        der.error().message);
        return fail(ErrorCode::PemInvalidBase64,
                    QT_TRANSLATE_NOOP("td::Error", "the key body is not valid base64 (%1)"), der.error().message);
    }
    block.der = std::move(*der);
    return block;
}

Result<RsaPrivateKey> loadRsaPrivateKey(QByteArrayView pem, QByteArrayView passphrase)
{
    auto block = parsePem(pem);
    if (!block)
        return std::unexpected(block.error());
    WipeOnExit wipe{block->der};
    if (auto ok = checkPrivateLabel(block->label); !ok)
        return std::unexpected(ok.error());
    return privateKeyFromBlock(*block, passphrase);
}

Result<RsaPublicKey> loadRsaPublicKey(QByteArrayView pem, QByteArrayView passphrase)
{
    auto block = parsePem(pem);
    if (!block)
        return std::unexpected(block.error());
    WipeOnExit wipe{block->der};
    if (isPublicLabel(block->label))
        return publicKeyFromBlock(*block);
    if (auto ok = checkPrivateLabel(block->label); !ok)
        return std::unexpected(ok.error());
    auto key = privateKeyFromBlock(*block, passphrase);
    if (!key)
        return std::unexpected(key.error());
    return key->publicKey();
}

bool looksLikePem(QByteArrayView text)
{
    return text.contains(kBegin) || text.contains(kEnd);
}

Result<QByteArray> pemOrKeyFile(const QByteArray& value, const QString& variable)
{
    if (value.contains("-----BEGIN"))
        return value;
    QFile file(QString::fromUtf8(value.trimmed()));
    if (!file.open(QIODevice::ReadOnly) || file.size() > qint64{64} * 1024)
        return fail(ErrorCode::FileError,
                    QT_TRANSLATE_NOOP("td::Error", "%1 is neither a PEM key nor a readable key file"), variable);
    return file.readAll();
}

} // namespace td::crypto
