// SPDX-License-Identifier: MIT
#pragma once

#include "core/credentials/SecretStore.h"

namespace td::credentials {

/**
 * The operating system's secret store through QtKeychain: Secret Service or KWallet on Linux, Keychain on
 * macOS, Credential Manager on Windows. Never falls back to plaintext. Calls block on a local event loop.
 */
class KeychainSecretStore final : public SecretStore {
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("TokenDesk"));

    /** Whether a keychain answers at all (a probe read; "not found" counts as available). */
    static bool isAvailable(const QString& service = QStringLiteral("TokenDesk"));

    QString description() const override;
    Result<std::optional<crypto::SecretBytes>> read(const QString& key) override;
    Result<void> write(const QString& key, QByteArrayView value) override;
    Result<void> remove(const QString& key) override;
    /** The keys TokenDesk wrote, from an index entry it keeps beside them (a keychain cannot be listed). */
    Result<std::optional<QStringList>> keys() override;

private:
    Result<void> writeRaw(const QString& key, QByteArrayView value);
    Result<void> removeRaw(const QString& key);
    Result<void> setIndexed(const QString& key, bool present);

    QString m_service;
};

} // namespace td::credentials
