// SPDX-License-Identifier: MIT
#pragma once

#include "core/credentials/Profile.h"
#include "core/credentials/VaultFile.h"
#include "core/crypto/SecretBytes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>

namespace td::credentials {

/** A profile found in an outside source, with its secrets (field -> value). */
struct ImportedProfile {
    Profile profile;
    crypto::SecretMap secrets;
};

struct ImportResult {
    QList<ImportedProfile> profiles;
    QStringList warnings; // what was repaired or skipped, never a secret
};

/**
 * Profiles from the standard variables (LIVEKIT_*, ZEGO_*, JAAS_*, JITSI_*), as found in the process environment
 * or an env file. Each provider with variables set gives one profile named "<prefix>-<provider>".
 */
Result<ImportResult> importVariables(const QHash<QString, QByteArray>& variables, const QString& prefix);

/**
 * An env file as people really write them: `export K=V` or not, CRLF, Wrangler's quoted multi-line PEM, a PEM
 * pasted without quotes, a "Key ID: ..." line inside the key.
 */
Result<ImportResult> importEnvFile(QByteArrayView text, const QString& prefix);

/** livekit-cli's ~/.livekit/cli-config.yaml: one profile per project. */
Result<ImportResult> importLiveKitCliConfig(QByteArrayView yaml);

/** What an import file holds, judged by its content first and its name second. */
enum class ImportFormat { EnvFile, LiveKitCliConfig, ProfilesJson, Bundle };

ImportFormat detectImportFormat(QByteArrayView data, const QString& fileName);

/** True when the format keeps secrets in plain text, so the file can go once they are in the secret store. */
bool holdsPlaintextSecrets(ImportFormat format);

/**
 * Profiles from any import file but a bundle (which needs a passphrase: importBundle). Env files and .dev.vars
 * name their profiles "<prefix>-<provider>", the prefix being `prefix` when given, else the file's base name
 * ("staging.env" -> "staging-livekit"), else "imported". A profiles export gives profiles without secrets.
 */
Result<ImportResult> importFile(QByteArrayView data, const QString& fileName, const QString& prefix = {});

/** Profiles without any secret, as JSON (the profiles.json format). */
QByteArray exportProfilesJson(const QList<Profile>& profiles);

/** Profiles with their secrets, sealed under a passphrase of their own (VaultFile format). */
Result<QByteArray> exportBundle(const QList<ImportedProfile>& profiles, QByteArrayView passphrase,
                                const KdfParams& params = {});
bool isBundle(QByteArrayView data);
Result<ImportResult> importBundle(const QByteArray& data, QByteArrayView passphrase);

} // namespace td::credentials
