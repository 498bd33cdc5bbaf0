// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/crypto/SecretBytes.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace td::credentials {

/** Where provider secrets live. Keys are "<profile>/<field>"; values never leave through logs or errors. */
class SecretStore {
public:
    virtual ~SecretStore() = default;
    /** Says which backend this is, for the "secrets are stored in ..." message. */
    virtual QString description() const = 0;
    /** nullopt when the key has no secret. */
    virtual Result<std::optional<crypto::SecretBytes>> read(const QString& key) = 0;
    virtual Result<void> write(const QString& key, QByteArrayView value) = 0;
    /** Removing an absent key is not an error. */
    virtual Result<void> remove(const QString& key) = 0;
    /** Every key held, or nullopt when the backend cannot list its entries. */
    virtual Result<std::optional<QStringList>> keys() { return std::optional<QStringList>(); }
};

/** Secrets held in this process only (tests, and dry runs). */
class MemorySecretStore final : public SecretStore {
public:
    QString description() const override { return QStringLiteral("in-memory store (not persisted)"); }
    Result<std::optional<crypto::SecretBytes>> read(const QString& key) override
    {
        const auto it = m_values.constFind(key);
        if (it == m_values.constEnd())
            return std::optional<crypto::SecretBytes>();
        return std::optional<crypto::SecretBytes>(*it);
    }
    Result<void> write(const QString& key, QByteArrayView value) override
    {
        m_values.insert(key, crypto::SecretBytes(value));
        return {};
    }
    Result<void> remove(const QString& key) override
    {
        m_values.remove(key);
        return {};
    }
    Result<std::optional<QStringList>> keys() override { return std::optional<QStringList>(m_values.keys()); }

private:
    QHash<QString, crypto::SecretBytes> m_values;
};

} // namespace td::credentials
