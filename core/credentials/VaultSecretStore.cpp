// SPDX-License-Identifier: MIT
#include "core/credentials/VaultSecretStore.h"

#include "core/io/PrivateFile.h"
#include "core/crypto/Base64.h"

#include <QFile>
#include <QFileInfo>
#include <QLockFile>

namespace td::credentials {
namespace {

constexpr int kLockTimeoutMs = 30000;

Result<QByteArray> readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "cannot read %1: %2"), path, f.errorString());
    return f.readAll();
}

} // namespace

VaultSecretStore::VaultSecretStore(QString path, PassphraseSource passphrase, KdfParams params)
    : m_path(std::move(path)), m_source(std::move(passphrase)), m_params(params)
{
}

QString VaultSecretStore::description() const
{
    return QStringLiteral("encrypted vault %1").arg(m_path);
}

Result<crypto::SecretBytes> VaultSecretStore::passphrase(bool creating)
{
    if (!m_passphrase) {
        auto p = m_source(creating);
        if (!p)
            return std::unexpected(p.error());
        if (p->isEmpty())
            return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "the vault passphrase is empty"));
        m_passphrase = std::move(*p);
    }
    return *m_passphrase;
}

Result<QJsonObject> VaultSecretStore::load()
{
    if (!QFile::exists(m_path))
        return QJsonObject();
    auto data = readFile(m_path);
    if (!data)
        return std::unexpected(data.error());
    auto pass = passphrase(false);
    if (!pass)
        return std::unexpected(pass.error());
    auto doc = VaultFile::open(*data, pass->view());
    if (!doc) {
        if (doc.error().code == ErrorCode::WrongPassphrase)
            m_passphrase.reset(); // let the next attempt ask again
        return fail(doc.error().in(m_path + QStringLiteral(": ")));
    }
    return doc->value(QStringLiteral("secrets")).toObject();
}

void VaultSecretStore::remember(const QJsonObject& secrets)
{
    QHash<QString, crypto::SecretBytes> cache;
    for (auto it = secrets.begin(); it != secrets.end(); ++it) {
        QByteArray bytes = crypto::base64Decode(it.value().toString().toLatin1()).value_or(QByteArray());
        cache.insert(it.key(), crypto::SecretBytes(bytes));
        crypto::wipe(bytes);
    }
    m_cache = std::move(cache);
}

Result<std::optional<crypto::SecretBytes>> VaultSecretStore::read(const QString& key)
{
    if (!m_cache) {
        auto secrets = load();
        if (!secrets)
            return std::unexpected(secrets.error());
        remember(*secrets);
    }
    const auto it = m_cache->constFind(key);
    if (it == m_cache->constEnd())
        return std::optional<crypto::SecretBytes>();
    return std::optional<crypto::SecretBytes>(*it);
}

Result<void> VaultSecretStore::modify(const std::function<void(QJsonObject&)>& change)
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!io::makePrivateDir(dir))
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "cannot create %1"), dir);
    QLockFile lock(m_path + QStringLiteral(".lock"));
    lock.setStaleLockTime(kLockTimeoutMs);
    if (!lock.tryLock(kLockTimeoutMs)) {
        if (lock.error() == QLockFile::LockFailedError)
            return fail(ErrorCode::FileError,
                        QT_TRANSLATE_NOOP("td::Error", "the vault %1 is locked by another TokenDesk process"), m_path);
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "cannot create the lock file next to %1"),
                    m_path);
    }
    // Re-read under the lock: another process may have saved since we last looked.
    auto secrets = load();
    if (!secrets)
        return std::unexpected(secrets.error());
    change(*secrets);
    auto pass = passphrase(!QFile::exists(m_path));
    if (!pass)
        return std::unexpected(pass.error());
    auto sealed = VaultFile::seal(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("secrets"), *secrets}},
                                  pass->view(), m_params);
    if (!sealed)
        return std::unexpected(sealed.error());
    auto written = io::writeFileAtomically(m_path, *sealed);
    if (written)
        remember(*secrets);
    else
        m_cache.reset();
    return written;
}

Result<void> VaultSecretStore::write(const QString& key, QByteArrayView value)
{
    const QString encoded = QString::fromLatin1(crypto::base64Encode(value));
    return modify([&](QJsonObject& secrets) { secrets.insert(key, encoded); });
}

Result<std::optional<QStringList>> VaultSecretStore::keys()
{
    if (!m_cache) {
        auto secrets = load();
        if (!secrets)
            return std::unexpected(secrets.error());
        remember(*secrets);
    }
    return std::optional<QStringList>(m_cache->keys());
}

Result<void> VaultSecretStore::remove(const QString& key)
{
    // Removing what is not there costs nothing: no re-sealing (each seal derives a key with scrypt).
    auto present = read(key);
    if (!present)
        return std::unexpected(present.error());
    if (!*present)
        return {};
    return modify([&](QJsonObject& secrets) { secrets.remove(key); });
}

} // namespace td::credentials
