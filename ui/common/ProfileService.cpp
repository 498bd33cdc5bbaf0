// SPDX-License-Identifier: MIT
#include "ui/common/ProfileService.h"

#include "core/credentials/ProfileSecrets.h"
#include "core/credentials/ProfileStore.h"
#include "core/credentials/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace td::ui {
namespace {

constexpr qint64 kMaxProfilesSize = qint64(8) * 1024 * 1024; // far beyond any real profiles.json

} // namespace

ProfileService::ProfileService(credentials::ProfileStore& store, credentials::SecretStore& secrets, QObject* parent)
    : QObject(parent), m_store(store), m_secrets(secrets)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(150);
    connect(&m_settle, &QTimer::timeout, this, &ProfileService::fileChanged);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_settle, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_settle, qOverload<>(&QTimer::start));
    // A broken profiles.json leaves the list empty; the Profiles page shows the error.
    (void)reload();
}

void ProfileService::watch()
{
    // The directory is watched too: an atomic save replaces the file, and a first profile creates it.
    const QString dir = m_store.configDir();
    if (QFileInfo(dir).isDir() && !m_watcher.directories().contains(dir))
        m_watcher.addPath(dir);
    const QString file = m_store.path();
    if (QFileInfo::exists(file) && !m_watcher.files().contains(file))
        m_watcher.addPath(file);
}

void ProfileService::fileChanged()
{
    watch();
    QFile file(m_store.path());
    const QByteArray now = file.open(QIODevice::ReadOnly) ? file.read(kMaxProfilesSize) : QByteArray();
    if (now == m_lastRead)
        return; // a neighbour in the folder changed (the vault, history), or our own save
    (void)reload();
}

std::optional<credentials::Profile> ProfileService::find(const QString& name) const
{
    for (const credentials::Profile& p : m_profiles) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

Result<void> ProfileService::reload()
{
    QFile file(m_store.path());
    m_lastRead = file.open(QIODevice::ReadOnly) ? file.read(kMaxProfilesSize) : QByteArray();
    watch();
    auto loaded = m_store.load();
    if (!loaded) {
        m_profiles.clear();
        m_loadError = loaded.error().localized();
        Q_EMIT profilesChanged();
        return std::unexpected(loaded.error());
    }
    m_loadError.clear();
    m_profiles = *loaded;
    std::sort(m_profiles.begin(), m_profiles.end(),
              [](const credentials::Profile& a, const credentials::Profile& b) { return a.name < b.name; });
    Q_EMIT profilesChanged();
    return {};
}

Result<crypto::SecretMap> ProfileService::secrets(const QString& name)
{
    const auto profile = find(name);
    if (!profile)
        return fail(ErrorCode::NotFound, tr("no profile named %1").arg(name));
    return credentials::readProfileSecrets(*profile, m_secrets);
}

Result<void> ProfileService::save(const credentials::Profile& profile, const QHash<QString, QByteArray>& secrets,
                                  const QString& previousName)
{
    if (auto ok = credentials::storeProfile(m_store, m_secrets, profile, secrets, previousName); !ok)
        return ok;
    return reload();
}

Result<void> ProfileService::saveAll(const QList<credentials::ImportedProfile>& profiles)
{
    if (auto ok = credentials::storeProfiles(m_store, m_secrets, profiles); !ok)
        return ok;
    return reload();
}

Result<void> ProfileService::remove(const QString& name)
{
    if (auto ok = credentials::deleteProfile(m_store, m_secrets, name); !ok)
        return ok;
    return reload();
}

QString ProfileService::secretStoreDescription() const
{
    // The core describes its stores in English (for the CLI's messages); the GUI says the same in the user's language.
    QString text = m_secrets.description();
    QString suffix;
    for (const auto& [english, translated] :
         {std::pair{QStringLiteral(" (found automatically)"), tr(" (found automatically)")},
          std::pair{QStringLiteral(" (no system keychain answered)"), tr(" (no system keychain answered)")}}) {
        if (text.endsWith(english)) {
            text.chop(english.size());
            suffix = translated;
        }
    }
    const QString vault = QStringLiteral("encrypted vault ");
    if (text.startsWith(vault))
        text = tr("encrypted vault %1").arg(text.mid(vault.size()));
    else if (text == QStringLiteral("system keychain (Secret Service / KWallet)"))
        text = tr("system keychain (Secret Service / KWallet)");
    return text + suffix;
}

QString ProfileService::configDir() const
{
    return m_store.configDir();
}

} // namespace td::ui
