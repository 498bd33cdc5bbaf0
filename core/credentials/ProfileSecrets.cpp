// SPDX-License-Identifier: MIT
#include "core/credentials/ProfileSecrets.h"
#include "core/providers/Registry.h"

#include "core/crypto/Pem.h"

#include <QSet>

#include <algorithm>

namespace td::credentials {

Result<crypto::SecretMap> readProfileSecrets(const Profile& profile, SecretStore& store)
{
    crypto::SecretMap out;
    for (const QString& field : Profile::secretFields(profile.provider)) {
        auto value = store.read(profile.secretKey(field));
        if (!value)
            return std::unexpected(value.error());
        if (*value)
            out.insert(field, (*value)->view().toByteArray());
    }
    return out;
}

namespace {

QStringList allSecretFields()
{
    QStringList fields;
    for (const ProviderModule* module : providerModules()) {
        for (const QString& f : module->secretFields()) {
            if (!fields.contains(f))
                fields << f;
        }
    }
    return fields;
}

Result<void> removeGeneration(SecretStore& store, const QString& name, int generation)
{
    for (const QString& field : allSecretFields()) {
        if (auto removed = store.remove(Profile::secretKey(name, field, generation)); !removed)
            return removed;
    }
    return {};
}

} // namespace

namespace {

/** One profile to save, and the name it had when it is a rename. */
struct PendingSave {
    Profile profile;
    const QHash<QString, QByteArray>* secrets;
    QString previousName;
    bool renamed() const { return !previousName.isEmpty() && previousName != profile.name; }
    bool replaces(const Profile& p) const { return p.name == profile.name || (renamed() && p.name == previousName); }
};

/**
 * Saves profiles as one change. The order makes every crash safe: the new secrets go under keys of a new generation
 * that nothing refers to yet; profiles.json then switches to them in one atomic rename; only after that do the old
 * keys go. Killed before the rename, every profile still pairs with its old secrets (the new keys are orphans, swept
 * by the next save).
 */
Result<void> commitProfiles(ProfileStore& profiles, SecretStore& secretStore, QList<PendingSave> pending)
{
    auto current = profiles.load();
    if (!current)
        return std::unexpected(current.error());
    for (PendingSave& save : pending) {
        int generation = save.profile.secretGeneration;
        for (const Profile& p : *current) {
            if (save.replaces(p))
                generation = std::max(generation, p.secretGeneration);
        }
        save.profile.secretGeneration = generation + 1;
        for (const QString& field : Profile::secretFields(save.profile.provider)) {
            if (!save.secrets->contains(field))
                continue;
            if (auto ok = secretStore.write(save.profile.secretKey(field), save.secrets->value(field)); !ok)
                return ok;
        }
    }
    QList<QPair<QString, int>> superseded;
    auto ok = profiles.update([&](QList<Profile>& list) -> Result<void> {
        for (const PendingSave& save : pending) {
            const bool taken =
                std::any_of(list.cbegin(), list.cend(), [&](const Profile& p) { return p.name == save.profile.name; });
            if (save.renamed() && taken)
                return fail(ErrorCode::AlreadyExists, QT_TRANSLATE_NOOP("td::Error", "a profile named %1 exists"),
                            save.profile.name);
            for (const Profile& p : std::as_const(list)) {
                if (save.replaces(p))
                    superseded.append({p.name, p.secretGeneration});
            }
            list.removeIf([&](const Profile& p) { return save.replaces(p); });
            list.append(save.profile);
        }
        return {};
    });
    if (!ok) {
        for (const PendingSave& save : pending) // nothing refers to them
            (void)removeGeneration(secretStore, save.profile.name, save.profile.secretGeneration);
        return ok;
    }
    for (const auto& [name, oldGeneration] : superseded) {
        if (auto removed = removeGeneration(secretStore, name, oldGeneration); !removed)
            return removed;
    }
    if (auto swept = sweepOrphanedSecrets(profiles, secretStore); !swept)
        return std::unexpected(swept.error());
    return {};
}

} // namespace

Result<void> storeProfile(ProfileStore& profiles, SecretStore& secretStore, const Profile& profile,
                          const QHash<QString, QByteArray>& secrets, const QString& previousName)
{
    return commitProfiles(profiles, secretStore, {PendingSave{profile, &secrets, previousName}});
}

Result<void> storeProfiles(ProfileStore& profiles, SecretStore& secretStore, const QList<ImportedProfile>& incoming)
{
    QList<PendingSave> pending;
    for (const ImportedProfile& in : incoming)
        pending.append(PendingSave{in.profile, &in.secrets.hash(), QString()});
    return commitProfiles(profiles, secretStore, pending);
}

Result<QList<ImportedProfile>> readProfilesWithSecrets(const QList<Profile>& profiles, SecretStore& store)
{
    QList<ImportedProfile> out;
    out.reserve(profiles.size());
    for (const Profile& p : profiles) {
        auto secrets = readProfileSecrets(p, store);
        if (!secrets)
            return std::unexpected(secrets.error());
        out.append(ImportedProfile{p, *secrets});
    }
    return out;
}

Result<QByteArray> privateKeyForStorage(QByteArrayView pem, QByteArrayView passphrase)
{
    auto key = crypto::loadRsaPrivateKey(pem, passphrase);
    if (!key)
        return std::unexpected(key.error());
    return key->pkcs8Pem();
}

Result<void> deleteProfile(ProfileStore& profiles, SecretStore& secretStore, const QString& name)
{
    std::optional<Profile> removed;
    auto ok = profiles.update([&](QList<Profile>& list) -> Result<void> {
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list.at(i).name == name) {
                removed = list.takeAt(i);
                return {};
            }
        }
        return fail(ErrorCode::NotFound, QT_TRANSLATE_NOOP("td::Error", "no profile named %1"), name);
    });
    if (!ok)
        return ok;
    // Killed here, the secrets are orphans: nothing pairs with them, and the next save or delete sweeps them.
    if (auto gone = removeGeneration(secretStore, name, removed->secretGeneration); !gone)
        return gone;
    if (auto swept = sweepOrphanedSecrets(profiles, secretStore); !swept)
        return std::unexpected(swept.error());
    return {};
}

Result<std::optional<QStringList>> orphanedSecrets(const QList<Profile>& profiles, SecretStore& secretStore)
{
    auto keys = secretStore.keys();
    if (!keys)
        return std::unexpected(keys.error());
    if (!*keys)
        return std::optional<QStringList>();
    QSet<QString> used;
    for (const Profile& p : profiles) {
        for (const QString& field : Profile::secretFields(p.provider))
            used.insert(p.secretKey(field));
    }
    QStringList orphans;
    for (const QString& key : **keys) {
        if (Profile::isProfileSecretKey(key) && !used.contains(key))
            orphans << key;
    }
    orphans.sort();
    return std::optional<QStringList>(orphans);
}

Result<QStringList> sweepOrphanedSecrets(ProfileStore& profiles, SecretStore& secretStore)
{
    auto list = profiles.load();
    if (!list)
        return std::unexpected(list.error());
    auto orphans = orphanedSecrets(*list, secretStore);
    if (!orphans)
        return std::unexpected(orphans.error());
    if (!*orphans)
        return QStringList();
    for (const QString& key : **orphans) {
        if (auto removed = secretStore.remove(key); !removed)
            return std::unexpected(removed.error());
    }
    return **orphans;
}

} // namespace td::credentials
