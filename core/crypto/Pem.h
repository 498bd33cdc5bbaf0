// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/crypto/RsaKey.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

namespace td::crypto {

/** One PEM block after the pasted text has been normalised. */
struct PemBlock {
    QByteArray label;                             // "PRIVATE KEY", "RSA PRIVATE KEY", ...
    QList<QPair<QByteArray, QByteArray>> headers; // RFC 1421 headers such as Proc-Type, DEK-Info
    QByteArray der;                               // the decoded body
    bool isLegacyEncrypted() const;
};

/**
 * Undoes what copy-and-paste does to PEM text: surrounding whitespace or quotes, CRLF, literal "\n" from
 * .env files, a body on one line or no line breaks at all.
 */
QByteArray normalizePemText(QByteArrayView text);

/** Parses the first PEM block; every structural problem has its own error code. */
Result<PemBlock> parsePem(QByteArrayView text);

/**
 * Loads an RSA private key (PKCS#1, PKCS#8, encrypted PKCS#8, legacy Proc-Type encrypted) of at least
 * 2048 bits. An empty passphrase means none was given.
 */
Result<RsaPrivateKey> loadRsaPrivateKey(QByteArrayView pem, QByteArrayView passphrase = {});

/**
 * A key variable's PEM: its value when it holds a PEM block, else the contents (at most 64 KiB) of the file it names
 * (VONAGE_PRIVATE_KEY may be either). The error names `variable`.
 */
Result<QByteArray> pemOrKeyFile(const QByteArray& value, const QString& variable);

/** Loads an RSA public key from SPKI, PKCS#1 or an X.509 certificate, or the public half of a private key. */
Result<RsaPublicKey> loadRsaPublicKey(QByteArrayView pem, QByteArrayView passphrase = {});

/** True when the text looks like any PEM block (used to catch a key passed where an HMAC secret belongs). */
bool looksLikePem(QByteArrayView text);

} // namespace td::crypto
