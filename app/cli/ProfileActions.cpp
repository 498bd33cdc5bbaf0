// SPDX-License-Identifier: MIT
// profile list, show, add, edit and remove.
#include "app/cli/ProfileActions.h"

#include "app/cli/CliContext.h"
#include "app/cli/Command.h"
#include "app/cli/Prompt.h"
#include "core/credentials/ProfileSecrets.h"

#include <QJsonArray>

namespace td::cli {
namespace {

using credentials::Profile;

/** Validates, then writes the secrets and the profile. Nothing is saved when validation fails. */
int saveProfile(const Profile& profile, const QHash<QString, QByteArray>& secrets, bool mustBeNew, bool mayReplace,
                CliContext& context)
{
    const credentials::ProfileCheck check = credentials::validateProfile(profile, secrets);
    printFindings(check, context);
    if (!check.ok())
        return context.error(ExitUsage, QStringLiteral("profile %1 not saved").arg(profile.name));
    auto store = context.profileStore();
    auto existing = (*store)->load();
    if (!existing)
        return context.exitWith(existing.error());
    const bool exists =
        std::any_of(existing->begin(), existing->end(), [&](const Profile& p) { return p.name == profile.name; });
    if (exists && mustBeNew && !mayReplace)
        return context.error(ExitUsage,
                             QStringLiteral("a profile named %1 exists (use edit, or --replace)").arg(profile.name));
    auto secretStore = context.secretStore();
    if (!secretStore)
        return context.exitWith(secretStore.error());
    if (auto ok = credentials::storeProfile(**store, **secretStore, profile, secrets); !ok)
        return context.exitWith(ok.error());
    return ExitOk;
}

QJsonObject describe(const Profile& p, const crypto::SecretMap& secrets, bool reveal)
{
    QJsonObject o = p.toJson();
    QJsonObject s;
    for (const QString& field : Profile::secretFields(p.provider)) {
        if (!secrets.contains(field))
            s.insert(field, QStringLiteral("(not set)"));
        else
            s.insert(field, reveal ? QString::fromUtf8(secrets.value(field))
                                   : QStringLiteral("(stored, %1 characters)").arg(secrets.value(field).size()));
    }
    o.insert(QStringLiteral("secrets"), s);
    return o;
}

/** profile list --orphans: secrets that no profile uses (a save or delete killed half-way); --remove sweeps them. */
int listOrphans(CliContext& context, bool json, bool remove)
{
    auto profiles = (*context.profileStore())->load();
    if (!profiles)
        return context.exitWith(profiles.error());
    auto store = context.secretStore();
    if (!store)
        return context.exitWith(store.error());
    auto orphans = credentials::orphanedSecrets(*profiles, **store);
    if (!orphans)
        return context.exitWith(orphans.error());
    if (!*orphans)
        return context.error(ExitUsage, QStringLiteral("%1 cannot list its entries").arg((*store)->description()));
    if (remove) {
        for (const QString& key : **orphans) {
            if (auto ok = (*store)->remove(key); !ok)
                return context.exitWith(ok.error());
        }
    }
    if (json) {
        context.printJson(QJsonObject{{QStringLiteral("orphans"), QJsonArray::fromStringList(**orphans)},
                                      {QStringLiteral("removed"), remove}});
        return ExitOk;
    }
    for (const QString& key : **orphans)
        context.out() << key << '\n';
    context.err() << "tokendesk-cli: " << (*orphans)->size() << " secret(s) no profile uses"
                  << (remove ? ", removed" : " (--remove deletes them)") << Qt::endl;
    return ExitOk;
}

void printTable(const QList<Profile>& profiles, CliContext& context)
{
    if (profiles.isEmpty())
        context.err() << "tokendesk-cli: no profiles yet (tokendesk-cli profile add --help)" << Qt::endl;
    for (const Profile& p : profiles) {
        const QString id = p.credentialId();
        context.out()
            << p.name.leftJustified(24) << ' ' << providerName(p.provider).leftJustified(8) << ' '
            << (p.environment == QStringLiteral("prod") ? QStringLiteral("PROD") : p.environment).leftJustified(8)
            << ' ' << id << '\n';
    }
}

/** A stored profile named by the action's argument, with its secrets: what show, edit and remove work on. */
struct Stored {
    Profile profile;
    crypto::SecretMap secrets;
    credentials::SecretStore* secretStore = nullptr;
};

std::expected<Stored, QString> stored(const ProfileRequest& r)
{
    const QString target = r.positional.value(1);
    if (target.isEmpty())
        return std::unexpected(QStringLiteral("profile %1 NAME").arg(r.positional.value(0)));
    auto profile = r.store.find(target);
    if (!profile)
        return std::unexpected(profile.error().message);
    auto secrets = r.context.secretStore();
    if (!secrets)
        return std::unexpected(secrets.error().message);
    auto values = credentials::readProfileSecrets(*profile, **secrets);
    if (!values)
        return std::unexpected(values.error().message);
    return Stored{*profile, *values, *secrets};
}

/** profile add NAME, or --name NAME; both are fine when they agree. */
std::expected<QString, QString> nameToAdd(const ProfileRequest& r)
{
    if (r.positional.size() > 2)
        return std::unexpected(QStringLiteral("unexpected argument \"%1\"").arg(r.positional.at(2)));
    const QString argument = r.positional.value(1);
    const QString flag = r.parser.value(QStringLiteral("name"));
    if (argument.isEmpty())
        return flag;
    if (r.parser.isSet(QStringLiteral("name")) && flag != argument)
        return std::unexpected(QStringLiteral("two names for one profile: \"%1\" and --name \"%2\"; give the name once")
                                   .arg(argument, flag));
    return argument;
}

} // namespace

int listProfiles(const ProfileRequest& r)
{
    const bool json = r.parser.isSet(QStringLiteral("json"));
    const bool names = r.parser.isSet(QStringLiteral("names"));
    if (names && (json || r.parser.isSet(QStringLiteral("orphans"))))
        return r.context.error(ExitUsage, QStringLiteral("--names lists names alone: not with --json or --orphans"));
    if (r.parser.isSet(QStringLiteral("orphans")))
        return listOrphans(r.context, json, r.parser.isSet(QStringLiteral("remove")));
    auto profiles = r.store.load();
    if (!profiles)
        return r.context.exitWith(profiles.error());
    if (names) {
        for (const Profile& p : *profiles)
            r.context.out() << p.name << '\n';
    } else if (json) {
        QJsonArray a;
        for (const Profile& p : *profiles)
            a.append(p.toJson());
        r.context.printJson(QJsonObject{{QStringLiteral("profiles"), a}});
    } else {
        printTable(*profiles, r.context);
    }
    return ExitOk;
}

int showProfile(const ProfileRequest& r)
{
    auto s = stored(r);
    if (!s)
        return r.context.error(ExitUsage, s.error());
    QJsonObject o = describe(s->profile, s->secrets, r.parser.isSet(QStringLiteral("reveal")));
    const credentials::ProfileCheck check = credentials::validateProfile(s->profile, s->secrets);
    if (!check.fingerprint.isEmpty())
        o.insert(QStringLiteral("publicKeyFingerprint"), check.fingerprint);
    r.context.printJson(o);
    return ExitOk;
}

int removeProfile(const ProfileRequest& r)
{
    auto s = stored(r);
    if (!s)
        return r.context.error(ExitUsage, s.error());
    const QString target = r.positional.value(1);
    if (auto ok = credentials::deleteProfile(r.store, *s->secretStore, target); !ok)
        return r.context.exitWith(ok.error());
    r.context.err() << "tokendesk-cli: removed profile " << target << " and its secrets" << Qt::endl;
    return ExitOk;
}

int editProfile(const ProfileRequest& r)
{
    auto s = stored(r);
    if (!s)
        return r.context.error(ExitUsage, s.error());
    // Only what is given changes.
    Profile edited = s->profile;
    if (auto ok = applyFieldFlags(r.parser, edited); !ok)
        return r.context.exitWith(ok.error());
    auto given = secretsFromFlags(r.parser, r.context);
    if (!given)
        return r.context.exitWith(given.error());
    crypto::SecretMap merged = s->secrets;
    for (auto it = given->begin(); it != given->end(); ++it)
        merged.insert(it.key(), it.value());
    return saveProfile(edited, merged, false, true, r.context);
}

int addProfile(const ProfileRequest& r)
{
    auto name = nameToAdd(r);
    if (!name)
        return r.context.error(ExitUsage, name.error());
    Profile p;
    p.name = *name;
    const auto provider = parseProvider(r.parser.value(QStringLiteral("provider")));
    if (!provider)
        return r.context.error(ExitUsage, QStringLiteral("--provider takes livekit, zego, jaas or jitsi"));
    p.provider = *provider;
    if (auto ok = applyFieldFlags(r.parser, p); !ok)
        return r.context.exitWith(ok.error());
    auto secrets = secretsFromFlags(r.parser, r.context);
    if (!secrets)
        return r.context.exitWith(secrets.error());
    // Interactive only for what is missing: a typed secret, never a key file.
    const QString first = Profile::secretFields(p.provider).value(0);
    // Any of the provider's own secrets is enough (Jitsi takes an app secret or a private key).
    const QStringList own = Profile::secretFields(p.provider);
    if (first != QStringLiteral("privateKey") &&
        std::none_of(own.cbegin(), own.cend(), [&](const QString& f) { return secrets->contains(f); })) {
        if (auto typed = promptSecret(QStringLiteral("%1 %2").arg(providerName(p.provider), first)))
            secrets->insert(first, typed->view().toByteArray());
    }
    return saveProfile(p, *secrets, true, r.parser.isSet(QStringLiteral("replace")), r.context);
}

} // namespace td::cli
