// SPDX-License-Identifier: MIT
#include "core/settings/Settings.h"

#include "core/Duration.h"
#include "core/credentials/Profile.h"
#include "core/providers/Registry.h"

namespace td::settings {
namespace {

QString ttlKey(Provider provider)
{
    return QStringLiteral("mint/ttl/") + providerName(provider);
}

/** The lifetime the provider's own SDK gives (LiveKit 6h, Zego 1h, Jitsi 2h). */
QString builtInTtl(Provider provider)
{
    const ProviderModule* module = findModule(provider);
    return formatDuration(module ? module->defaultTtlSeconds() : 3600);
}

} // namespace

Settings::Settings(QSettings& store) : m_store(store)
{
    migrate();
}

void Settings::migrate()
{
    const int version = m_store.value(QStringLiteral("version"), 0).toInt();
    if (version < 1) {
        // Version 0 (the first desktop slice) kept only window geometry, which needs no change.
        m_store.setValue(QStringLiteral("version"), kSettingsVersion);
    }
}

int Settings::clipboardClearSeconds() const
{
    const int seconds = m_store.value(QStringLiteral("clipboard/clearSeconds"), 30).toInt();
    return std::clamp(seconds, 0, 3600);
}

void Settings::setClipboardClearSeconds(int seconds)
{
    m_store.setValue(QStringLiteral("clipboard/clearSeconds"), std::clamp(seconds, 0, 3600));
}

QString Settings::defaultTtl(Provider provider) const
{
    QString ttl = m_store.value(ttlKey(provider)).toString();
    // A hand-edited file with a bad value falls back rather than breaking every mint.
    if (ttl.isEmpty() || !parseDuration(ttl))
        return builtInTtl(provider);
    return ttl;
}

void Settings::setDefaultTtl(Provider provider, const QString& ttl)
{
    m_store.setValue(ttlKey(provider), ttl);
}

QString Settings::secretStore() const
{
    const QString value = m_store.value(QStringLiteral("secrets/store"), QStringLiteral("auto")).toString();
    return secretStores().contains(value) ? value : QStringLiteral("auto");
}

void Settings::setSecretStore(const QString& store)
{
    m_store.setValue(QStringLiteral("secrets/store"), store);
}

QString Settings::language() const
{
    const QString value = m_store.value(QStringLiteral("ui/language")).toString();
    return languages().contains(value) ? value : QString();
}

void Settings::setLanguage(const QString& language)
{
    m_store.setValue(QStringLiteral("ui/language"), language);
}

int Settings::historyRetentionDays() const
{
    return std::max(0, m_store.value(QStringLiteral("history/retentionDays"), 30).toInt());
}

void Settings::setHistoryRetentionDays(int days)
{
    m_store.setValue(QStringLiteral("history/retentionDays"), std::max(0, days));
}

bool Settings::historyStoresTokens() const
{
    return m_store.value(QStringLiteral("history/storeTokens"), false).toBool();
}

void Settings::setHistoryStoresTokens(bool store)
{
    m_store.setValue(QStringLiteral("history/storeTokens"), store);
}

QString Settings::theme() const
{
    const QString value = m_store.value(QStringLiteral("ui/theme")).toString();
    return themes().contains(value) ? value : QStringLiteral("system");
}

void Settings::setTheme(const QString& theme)
{
    m_store.setValue(QStringLiteral("ui/theme"), themes().contains(theme) ? theme : QStringLiteral("system"));
}

QStringList Settings::themes()
{
    return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
}

QString Settings::lastMintProfile() const
{
    const QString value = m_store.value(QStringLiteral("mint/lastProfile")).toString();
    return credentials::Profile::isValidName(value) ? value : QString();
}

void Settings::setLastMintProfile(const QString& profile)
{
    m_store.setValue(QStringLiteral("mint/lastProfile"), profile);
}

QStringList Settings::languages()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("zh_TW")};
}

QStringList Settings::secretStores()
{
    return {QStringLiteral("auto"), QStringLiteral("keychain"), QStringLiteral("vault")};
}

} // namespace td::settings
