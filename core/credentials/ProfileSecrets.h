// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/credentials/Importer.h"
#include "core/credentials/Profile.h"
#include "core/credentials/ProfileStore.h"
#include "core/credentials/SecretStore.h"

#include <QByteArray>
#include <QHash>

namespace td::credentials {

/** Every stored secret of a profile, by field name; absent fields are left out. */
Result<crypto::SecretMap> readProfileSecrets(const Profile& profile, SecretStore& store);

/**
 * Writes a profile's secrets, then the profile, replacing the profile called `previousName` when given (a rename
 * moves the secrets and drops the old ones). Secret fields missing from `secrets` are removed from the store.
 */
Result<void> storeProfile(ProfileStore& profiles, SecretStore& secretStore, const Profile& profile,
                          const QHash<QString, QByteArray>& secrets, const QString& previousName = {});

/** Every profile with its stored secrets, as an export bundle is made of. */
Result<QList<ImportedProfile>> readProfilesWithSecrets(const QList<Profile>& profiles, SecretStore& store);

/**
 * The form a private key is stored in: decrypted, unencrypted PKCS#8 PEM (the secret store is its protection),
 * whatever form it was pasted in. An encrypted key needs its passphrase; errors are the PEM loader's.
 */
Result<QByteArray> privateKeyForStorage(QByteArrayView pem, QByteArrayView passphrase = {});

/** Removes a profile and its secrets; an absent profile is an error. */
Result<void> deleteProfile(ProfileStore& profiles, SecretStore& secretStore, const QString& name);

/**
 * Stores several profiles as one change (an import): every secret first under new key generations, then one
 * atomic write of profiles.json. A failure before that write leaves every profile as it was.
 */
Result<void> storeProfiles(ProfileStore& profiles, SecretStore& secretStore, const QList<ImportedProfile>& incoming);

/**
 * Secret store keys shaped like a profile's secret that no profile in `profiles` uses (left by a save or a delete
 * that was killed half-way). nullopt when the store cannot list its keys.
 */
Result<std::optional<QStringList>> orphanedSecrets(const QList<Profile>& profiles, SecretStore& secretStore);

/** Removes the orphaned secrets; what it removed. Saves and deletes call it, so orphans do not accumulate. */
Result<QStringList> sweepOrphanedSecrets(ProfileStore& profiles, SecretStore& secretStore);

} // namespace td::credentials
