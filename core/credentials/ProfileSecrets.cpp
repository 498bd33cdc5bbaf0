// SPDX-License-Identifier: MIT
#include "core/credentials/ProfileSecrets.h"

#include "core/crypto/Pem.h"

namespace td::credentials {

Result<crypto::SecretMap> readProfileSecrets(const Profile& profile, SecretStore& store)
{
    crypto::SecretMap out;
    for (const QString& field : Profile::secretFields(profile.provider)) {
        auto value = store.read(Profile::secretKey(profile.name, field));
        if (!value)
            return std::unexpected(value.error());
        if (*value)
            out.insert(field, (*value)->view().toByteArray());
    }
    return out;
}

Result<void> storeProfile(ProfileStore& profiles, SecretStore& secretStore, const Profile& profile,
                          const QHash<QString, QByteArray>& secrets, const QString& previousName)
{
    for (const QString& field : Profile::secretFields(profile.provider)) {
        const QString key = Profile::secretKey(profile.name, field);
        auto ok = secrets.contains(field) ? secretStore.write(key, secrets.value(field)) : secretStore.remove(key);
        if (!ok)
            return ok;
    }
    const bool renamed = !previousName.isEmpty() && previousName != profile.name;
    std::optional<Provider> replaced;
    auto ok = profiles.update([&](QList<Profile>& list) -> Result<void> {
        const auto same =
            std::find_if(list.cbegin(), list.cend(), [&](const Profile& p) { return p.name == profile.name; });
        if (renamed && same != list.cend())
            return fail(ErrorCode::InvalidArgument, QStringLiteral("a profile named %1 exists").arg(profile.name));
        if (same != list.cend())
            replaced = same->provider;
        list.removeIf([&](const Profile& p) { return p.name == profile.name || (renamed && p.name == previousName); });
        list.append(profile);
        return {};
    });
    if (!ok)
        return ok;
    if (replaced && *replaced != profile.provider) {
        // Replaced by a profile of another provider (an import with --replace): its secrets go with it.
        const QStringList kept = Profile::secretFields(profile.provider);
        for (const QString& field : Profile::secretFields(*replaced)) {
            if (kept.contains(field))
                continue;
            if (auto removed = secretStore.remove(Profile::secretKey(profile.name, field)); !removed)
                return removed;
        }
    }
    if (renamed) {
        // The old name's secrets go only after the renamed profile is safely written.
        for (const QString& field : Profile::secretFields(Provider::Jitsi) + Profile::secretFields(Provider::LiveKit) +
                                        Profile::secretFields(Provider::Zego)) {
            if (auto removed = secretStore.remove(Profile::secretKey(previousName, field)); !removed)
                return removed;
        }
    }
    return {};
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
        return fail(ErrorCode::InvalidArgument, QStringLiteral("no profile named %1").arg(name));
    });
    if (!ok)
        return ok;
    for (const QString& field : Profile::secretFields(removed->provider)) {
        if (auto gone = secretStore.remove(Profile::secretKey(name, field)); !gone)
            return gone;
    }
    return {};
}

} // namespace td::credentials
