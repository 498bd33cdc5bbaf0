// SPDX-License-Identifier: MIT
#include "core/credentials/SecretStoreChoice.h"

#include "core/credentials/KeychainSecretStore.h"

namespace td::credentials {

Result<OpenedSecretStore> openSecretStore(const QString& choice, const QString& vaultPath, PassphraseSource passphrase)
{
    QString effective = choice;
    QString reason;
    if (effective.isEmpty() || effective == QStringLiteral("auto")) {
        const bool keychain = KeychainSecretStore::isAvailable();
        effective = keychain ? QStringLiteral("keychain") : QStringLiteral("vault");
        reason = keychain ? QStringLiteral(" (found automatically)") : QStringLiteral(" (no system keychain answered)");
    }
    OpenedSecretStore out;
    out.reason = reason;
    if (effective == QStringLiteral("keychain"))
        out.store = std::make_unique<KeychainSecretStore>();
    else if (effective == QStringLiteral("vault"))
        out.store = std::make_unique<VaultSecretStore>(vaultPath, std::move(passphrase));
    else
        return fail(ErrorCode::SecretStoreError,
                    QT_TRANSLATE_NOOP("td::Error", "the secret store is keychain, vault or auto, not \"%1\""), choice);
    return out;
}

DeferredSecretStore::DeferredSecretStore(Opener opener, QString plannedDescription)
    : m_opener(std::move(opener)), m_planned(std::move(plannedDescription))
{
}

Result<SecretStore*> DeferredSecretStore::open()
{
    if (!m_opened) {
        auto opened = m_opener();
        if (!opened)
            return std::unexpected(opened.error());
        m_opened = std::move(opened->store);
        m_reason = opened->reason;
    }
    return m_opened.get();
}

QString DeferredSecretStore::description() const
{
    return m_opened ? m_opened->description() + m_reason : m_planned;
}

Result<std::optional<crypto::SecretBytes>> DeferredSecretStore::read(const QString& key)
{
    auto store = open();
    if (!store)
        return std::unexpected(store.error());
    return (*store)->read(key);
}

Result<std::optional<QStringList>> DeferredSecretStore::keys()
{
    auto store = open();
    if (!store)
        return std::unexpected(store.error());
    return (*store)->keys();
}

Result<void> DeferredSecretStore::write(const QString& key, QByteArrayView value)
{
    auto store = open();
    if (!store)
        return std::unexpected(store.error());
    return (*store)->write(key, value);
}

Result<void> DeferredSecretStore::remove(const QString& key)
{
    auto store = open();
    if (!store)
        return std::unexpected(store.error());
    return (*store)->remove(key);
}

} // namespace td::credentials
