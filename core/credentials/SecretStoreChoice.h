// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/credentials/SecretStore.h"
#include "core/credentials/VaultSecretStore.h"

#include <functional>
#include <memory>

namespace td::credentials {

struct OpenedSecretStore {
    std::unique_ptr<SecretStore> store;
    QString reason; // " (found automatically)", " (no system keychain answered)" or ""
};

/**
 * Opens the store a user chose: "keychain", "vault", or "auto"/"" (the keychain when one answers, else the vault at
 * `vaultPath`). The CLI and the desktop app make the same choice this way.
 */
Result<OpenedSecretStore> openSecretStore(const QString& choice, const QString& vaultPath, PassphraseSource passphrase);

/**
 * A store opened at its first use, so the desktop app starts without waiting for a keychain probe or a passphrase.
 * If opening fails, every call reports that error.
 */
class DeferredSecretStore final : public SecretStore {
public:
    using Opener = std::function<Result<OpenedSecretStore>()>;
    DeferredSecretStore(Opener opener, QString plannedDescription);

    QString description() const override;
    Result<std::optional<crypto::SecretBytes>> read(const QString& key) override;
    Result<void> write(const QString& key, QByteArrayView value) override;
    Result<void> remove(const QString& key) override;
    Result<std::optional<QStringList>> keys() override;
    bool isOpen() const { return m_opened != nullptr; }

private:
    Result<SecretStore*> open();

    Opener m_opener;
    QString m_planned;
    std::unique_ptr<SecretStore> m_opened;
    QString m_reason;
};

} // namespace td::credentials
