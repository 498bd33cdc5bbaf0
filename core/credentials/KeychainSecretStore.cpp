// SPDX-License-Identifier: MIT
#include "core/credentials/KeychainSecretStore.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace td::credentials {
namespace {

constexpr int kTimeoutMs = 30000;

/** Runs a QtKeychain job to completion; false on timeout. */
bool runJob(QKeychain::Job& job)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!finished)
        loop.exec();
    return finished;
}

Error keychainError(const QKeychain::Job& job, const QString& what)
{
    QString reason;
    switch (job.error()) {
    case QKeychain::AccessDeniedByUser: reason = QStringLiteral("access was denied by the user"); break;
    case QKeychain::AccessDenied: reason = QStringLiteral("access was denied (is the keyring locked?)"); break;
    case QKeychain::NoBackendAvailable:
        reason = QStringLiteral("no keychain service is running; use --secret-store vault");
        break;
    default: reason = job.errorString(); break;
    }
    return Error{ErrorCode::SecretStoreError, QStringLiteral("keychain: cannot %1: %2").arg(what, reason)};
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service) : m_service(std::move(service)) {}

bool KeychainSecretStore::isAvailable(const QString& service)
{
    QKeychain::ReadPasswordJob job(service);
    job.setAutoDelete(false);
    job.setKey(QStringLiteral("tokendesk-availability-probe"));
    if (!runJob(job))
        return false;
    return job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound;
}

QString KeychainSecretStore::description() const
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("macOS Keychain");
#elif defined(Q_OS_WIN)
    return QStringLiteral("Windows Credential Manager");
#else
    return QStringLiteral("system keychain (Secret Service / KWallet)");
#endif
}

Result<std::optional<crypto::SecretBytes>> KeychainSecretStore::read(const QString& key)
{
    // `data` shares its buffer with the job until the job is gone; declared first, it is wiped after the job is
    // destroyed, when it holds the last reference (wiping while the job held one would only wipe a copy).
    QByteArray data;
    const crypto::ScopedWipe wipeData(data);
    QKeychain::ReadPasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(key);
    if (!runJob(job))
        return fail(ErrorCode::SecretStoreError, QT_TRANSLATE_NOOP("td::Error", "keychain: no answer within 30 s"));
    if (job.error() == QKeychain::EntryNotFound)
        return std::optional<crypto::SecretBytes>();
    if (job.error() != QKeychain::NoError)
        return std::unexpected(keychainError(job, QStringLiteral("read %1").arg(key)));
    data = job.binaryData();
    return std::optional<crypto::SecretBytes>(crypto::SecretBytes(data));
}

namespace {
const QString kIndexKey = QStringLiteral("tokendesk:index");
} // namespace

Result<std::optional<QStringList>> KeychainSecretStore::keys()
{
    auto index = read(kIndexKey);
    if (!index)
        return std::unexpected(index.error());
    QStringList list;
    if (*index) {
        for (const QByteArray& line : (*index)->view().toByteArray().split('\n')) {
            if (!line.isEmpty())
                list << QString::fromUtf8(line);
        }
    }
    return std::optional<QStringList>(list);
}

Result<void> KeychainSecretStore::setIndexed(const QString& key, bool present)
{
    auto current = keys();
    if (!current)
        return std::unexpected(current.error());
    QStringList list = **current;
    if (list.contains(key) == present)
        return {};
    if (present)
        list << key;
    else
        list.removeAll(key);
    return writeRaw(kIndexKey, list.join(QLatin1Char('\n')).toUtf8());
}

Result<void> KeychainSecretStore::write(const QString& key, QByteArrayView value)
{
    // Indexed before it is written: a crash in between leaves an index line for nothing, never a secret no
    // command can see.
    if (auto ok = setIndexed(key, true); !ok)
        return ok;
    return writeRaw(key, value);
}

Result<void> KeychainSecretStore::remove(const QString& key)
{
    if (auto ok = removeRaw(key); !ok)
        return ok;
    return setIndexed(key, false);
}

Result<void> KeychainSecretStore::writeRaw(const QString& key, QByteArrayView value)
{
    QByteArray data = value.toByteArray();
    const crypto::ScopedWipe wipeData(data); // after the job, which shares the buffer, is gone (see read())
    QKeychain::WritePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(key);
    job.setBinaryData(data);
    if (!runJob(job))
        return fail(ErrorCode::SecretStoreError, QT_TRANSLATE_NOOP("td::Error", "keychain: no answer within 30 s"));
    if (job.error() != QKeychain::NoError)
        return std::unexpected(keychainError(job, QStringLiteral("store %1").arg(key)));
    return {};
}

Result<void> KeychainSecretStore::removeRaw(const QString& key)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setKey(key);
    if (!runJob(job))
        return fail(ErrorCode::SecretStoreError, QT_TRANSLATE_NOOP("td::Error", "keychain: no answer within 30 s"));
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return std::unexpected(keychainError(job, QStringLiteral("delete %1").arg(key)));
    return {};
}

} // namespace td::credentials
