// SPDX-License-Identifier: MIT
#pragma once

#include "core/credentials/SecretStore.h"
#include "core/credentials/VaultFile.h"

#include <functional>

namespace td::credentials {

/** Asks for the vault passphrase (a prompt, or TOKENDESK_VAULT_PASSPHRASE); `creating` when no vault exists yet. */
using PassphraseSource = std::function<Result<crypto::SecretBytes>(bool creating)>;

/**
 * Secrets in one encrypted file (VaultFile), for machines without a keychain or users who prefer a file.
 * Every change re-reads the file under a lock file, so concurrent savers lose nothing.
 */
class VaultSecretStore final : public SecretStore {
public:
    VaultSecretStore(QString path, PassphraseSource passphrase, KdfParams params = {});

    QString description() const override;
    Result<std::optional<crypto::SecretBytes>> read(const QString& key) override;
    Result<void> write(const QString& key, QByteArrayView value) override;
    Result<void> remove(const QString& key) override;
    Result<std::optional<QStringList>> keys() override;

    QString path() const { return m_path; }

private:
    Result<QJsonObject> load();
    void remember(const QJsonObject& secrets);
    Result<void> modify(const std::function<void(QJsonObject&)>& change);
    Result<crypto::SecretBytes> passphrase(bool creating);

    QString m_path;
    PassphraseSource m_source;
    KdfParams m_params;
    std::optional<crypto::SecretBytes> m_passphrase;
    // What the file held when last read or written by this process: reads need no new key derivation.
    std::optional<QHash<QString, crypto::SecretBytes>> m_cache;
};

} // namespace td::credentials
