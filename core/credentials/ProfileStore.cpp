// SPDX-License-Identifier: MIT
#include "core/credentials/ProfileStore.h"

#include "core/io/PrivateFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QStandardPaths>

namespace td::credentials {
namespace {

// Version 1 (the prototype) keyed profiles by name with snake_case fields and long environment names.
Result<QList<Profile>> migrateV1(const QJsonObject& root)
{
    QList<Profile> out;
    const QJsonObject profiles = root.value(QStringLiteral("profiles")).toObject();
    for (auto it = profiles.begin(); it != profiles.end(); ++it) {
        const QJsonObject v1 = it.value().toObject();
        QString env = v1.value(QStringLiteral("env")).toString(QStringLiteral("development"));
        env = env == QStringLiteral("production")    ? QStringLiteral("prod")
              : env == QStringLiteral("development") ? QStringLiteral("dev")
                                                     : env;
        const QJsonValue appId = v1.value(QStringLiteral("app_id"));
        QJsonObject v2{
            {QStringLiteral("name"), it.key()},
            {QStringLiteral("provider"), v1.value(QStringLiteral("type"))},
            {QStringLiteral("environment"), env},
            {QStringLiteral("fields"),
             QJsonObject{
                 {QStringLiteral("serverUrl"), v1.value(QStringLiteral("url"))},
                 {QStringLiteral("apiKey"), v1.value(QStringLiteral("api_key"))},
                 {QStringLiteral("appId"), appId.isDouble() ? QString::number(appId.toInteger()) : appId.toString()},
                 {QStringLiteral("keyId"), v1.value(QStringLiteral("key_id"))}}},
            {QStringLiteral("defaults"),
             QJsonObject{{QStringLiteral("ttl"), v1.value(QStringLiteral("default_ttl"))},
                         {QStringLiteral("room"), v1.value(QStringLiteral("default_room"))}}},
            {QStringLiteral("note"), v1.value(QStringLiteral("note"))},
        };
        auto p = Profile::fromJson(v2);
        if (!p)
            return std::unexpected(p.error());
        out.append(*p);
    }
    return out;
}

} // namespace

ProfileStore::ProfileStore(QString configDir) : m_dir(std::move(configDir)) {}

QString ProfileStore::resolveConfigDir(const QString& flag, const QProcessEnvironment& environment)
{
    if (!flag.isEmpty())
        return flag;
    if (QString env = environment.value(QStringLiteral("TOKENDESK_CONFIG_DIR")); !env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/tokendesk");
}

QString ProfileStore::path() const
{
    return m_dir + QStringLiteral("/profiles.json");
}

QString ProfileStore::vaultPath() const
{
    return m_dir + QStringLiteral("/secrets.vault");
}

Result<QList<Profile>> ProfileStore::parse(const QByteArray& json)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (!doc.isObject())
        return fail(ErrorCode::InvalidJson, QT_TRANSLATE_NOOP("td::Error", "profiles file is not valid JSON (%1)"),
                    err.errorString());
    const QJsonObject root = doc.object();
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version == 1)
        return migrateV1(root);
    if (version != kProfilesFormatVersion) {
        if (version > kProfilesFormatVersion)
            return fail(ErrorCode::InvalidValue,
                        QT_TRANSLATE_NOOP("td::Error", "profiles file format %1 was written by a newer TokenDesk"),
                        version);
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "profiles file has no valid \"version\""));
    }
    QList<Profile> out;
    for (const QJsonValue& v : root.value(QStringLiteral("profiles")).toArray()) {
        auto p = Profile::fromJson(v.toObject());
        if (!p)
            return std::unexpected(p.error());
        out.append(*p);
    }
    return out;
}

Result<QList<Profile>> ProfileStore::load() const
{
    QFile f(path());
    if (!f.exists())
        return QList<Profile>();
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "cannot read %1: %2"), path(),
                    f.errorString());
    auto profiles = parse(f.readAll());
    if (!profiles)
        return fail(profiles.error().in(path() + QStringLiteral(": ")));
    return profiles;
}

Result<Profile> ProfileStore::find(const QString& name) const
{
    auto all = load();
    if (!all)
        return std::unexpected(all.error());
    for (const Profile& p : *all) {
        if (p.name == name)
            return p;
    }
    return fail(ErrorCode::NotFound,
                QT_TRANSLATE_NOOP("td::Error", "no profile named \"%1\" (tokendesk-cli profile list)"), name);
}

Result<void> ProfileStore::update(const std::function<Result<void>(QList<Profile>&)>& change)
{
    if (!io::makePrivateDir(m_dir))
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "cannot create %1"), m_dir);
    QLockFile lock(path() + QStringLiteral(".lock"));
    lock.setStaleLockTime(30000);
    if (!lock.tryLock(30000))
        return fail(ErrorCode::FileError, QT_TRANSLATE_NOOP("td::Error", "%1 is locked by another TokenDesk process"),
                    path());
    auto profiles = load();
    if (!profiles)
        return std::unexpected(profiles.error());
    if (auto ok = change(*profiles); !ok)
        return ok;
    QJsonArray list;
    for (const Profile& p : *profiles)
        list.append(p.toJson());
    const QJsonObject root{{QStringLiteral("version"), kProfilesFormatVersion}, {QStringLiteral("profiles"), list}};
    return io::writeFileAtomically(path(), QJsonDocument(root).toJson(QJsonDocument::Indented));
}

} // namespace td::credentials
