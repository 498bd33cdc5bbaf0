// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/credentials/Importer.h"
#include "core/credentials/Profile.h"
#include "core/crypto/SecretBytes.h"

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <optional>

namespace td::credentials {
class ProfileStore;
class SecretStore;
} // namespace td::credentials

namespace td::ui {

/**
 * The GUI's view of the profile store and the secret store: one list every page shares, and a signal when it
 * changes, so Mint and Server refresh their profile pickers after an edit on the Profiles page. profiles.json is
 * watched: a profile that `tokendesk-cli profile add` writes appears without a restart.
 */
class ProfileService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileService)

public:
    ProfileService(credentials::ProfileStore& store, credentials::SecretStore& secrets, QObject* parent = nullptr);

    /** The profiles as last loaded (reload() runs once at construction). */
    const QList<credentials::Profile>& profiles() const { return m_profiles; }
    std::optional<credentials::Profile> find(const QString& name) const;
    /** Re-reads profiles.json (another process may have changed it) and emits profilesChanged. A file that cannot
     *  be read leaves the list empty and its error in loadError(). */
    Result<void> reload();
    /** Why the last reload failed, or "" when it did not. */
    QString loadError() const { return m_loadError; }

    /** The stored secrets of one profile, by field name; the map wipes them when its last copy goes. */
    Result<crypto::SecretMap> secrets(const QString& name);
    /** Saves a profile and its secrets, replacing `previousName` on an edit or rename. Does not validate. */
    Result<void> save(const credentials::Profile& profile, const QHash<QString, QByteArray>& secrets,
                      const QString& previousName = {});
    Result<void> remove(const QString& name);
    /** Saves several profiles as one change (an import): all of them, or none. Does not validate. */
    Result<void> saveAll(const QList<credentials::ImportedProfile>& profiles);

    /** "the system keychain (Secret Service)", "the encrypted vault at ..." */
    QString secretStoreDescription() const;
    QString configDir() const;
    credentials::ProfileStore& store() { return m_store; }
    credentials::SecretStore& secretStore() { return m_secrets; }

Q_SIGNALS:
    void profilesChanged();

private:
    void watch();
    void fileChanged();

    credentials::ProfileStore& m_store;
    credentials::SecretStore& m_secrets;
    QList<credentials::Profile> m_profiles;
    QString m_loadError;
    QFileSystemWatcher m_watcher;
    QTimer m_settle; // an editor or the CLI writes in steps (temporary file, rename): read once it has settled
    QByteArray m_lastRead;
};

} // namespace td::ui
