// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/crypto/SecretBytes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace td::credentials {

/** scrypt cost of new vaults: N = 2^17, r = 8, p = 1 (128 MiB, about half a second). */
struct KdfParams {
    int log2N = 17;
    quint32 r = 8;
    quint32 p = 1;
};

/**
 * The encrypted container behind the vault store and the export bundle: a versioned header (magic, KDF
 * parameters, salt, nonce, key check), then AES-256-GCM of a JSON document with the header as AAD. A fresh salt
 * and nonce are drawn on every save.
 */
class VaultFile final {
public:
    /** Encrypts `document` under `passphrase`. */
    static Result<QByteArray> seal(const QJsonObject& document, QByteArrayView passphrase, const KdfParams& params);
    /** Decrypts; distinguishes a wrong passphrase, a modified file and a truncated one. */
    static Result<QJsonObject> open(const QByteArray& data, QByteArrayView passphrase);
};

} // namespace td::credentials
