// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/Provider.h"

#include <QSettings>
#include <QString>

namespace td::settings {

inline constexpr int kSettingsVersion = 1;

/**
 * Typed preferences with their defaults, over a QSettings the caller owns (the platform's in the app, a temporary
 * INI file in tests). Never holds secrets. Older layouts are migrated when the object is built.
 */
class Settings final {
public:
    explicit Settings(QSettings& store);

    /** Seconds until a copied token is cleared from the clipboard; 0 = never. */
    int clipboardClearSeconds() const;
    void setClipboardClearSeconds(int seconds);

    /** Default TTL of new tokens per provider, as the core's duration syntax ("6h", "90m"). */
    QString defaultTtl(Provider provider) const;
    void setDefaultTtl(Provider provider, const QString& ttl);

    /** "auto" (keychain when one answers, else the vault), "keychain" or "vault". Takes effect at the next start. */
    QString secretStore() const;
    void setSecretStore(const QString& store);

    /** "" follows the system locale; otherwise "en" or "zh_TW". */
    QString language() const;
    void setLanguage(const QString& language);

    /** Days a history entry is kept; 0 keeps them forever. */
    int historyRetentionDays() const;
    void setHistoryRetentionDays(int days);

    /** Whether history keeps the token strings themselves (off: metadata only). */
    bool historyStoresTokens() const;
    void setHistoryStoresTokens(bool store);

    /** "system" (the platform's look), "light" or "dark". */
    QString theme() const;
    void setTheme(const QString& theme);
    static QStringList themes();

    /** The profile the Mint page opens on: the last one chosen or minted with ("" when none yet). */
    QString lastMintProfile() const;
    void setLastMintProfile(const QString& profile);

    static QStringList languages();
    static QStringList secretStores();

private:
    void migrate();

    QSettings& m_store;
};

} // namespace td::settings
