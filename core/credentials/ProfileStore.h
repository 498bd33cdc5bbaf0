// SPDX-License-Identifier: MIT
#pragma once

#include "core/credentials/Profile.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>

#include <functional>

namespace td::credentials {

inline constexpr int kProfilesFormatVersion = 2;

/**
 * profiles.json in the config directory: versioned, written atomically with mode 0600, changed under a lock
 * file so two TokenDesk processes never overwrite each other. Older formats are migrated on load.
 */
class ProfileStore final {
public:
    explicit ProfileStore(QString configDir);

    /** --config-dir, else TOKENDESK_CONFIG_DIR, else the platform's config location + "/tokendesk". */
    static QString resolveConfigDir(const QString& flag, const QProcessEnvironment& environment);

    QString configDir() const { return m_dir; }
    QString path() const;
    QString vaultPath() const;

    /** All profiles; an absent file is an empty list. */
    Result<QList<Profile>> load() const;
    /** Load, change and save under the lock. Nothing is written when `change` fails. */
    Result<void> update(const std::function<Result<void>(QList<Profile>&)>& change);
    Result<Profile> find(const QString& name) const;

    /** Parses any known version of the file (exposed for migration tests). */
    static Result<QList<Profile>> parse(const QByteArray& json);

private:
    QString m_dir;
};

} // namespace td::credentials
