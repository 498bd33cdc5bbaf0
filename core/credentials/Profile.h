// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/providers/Finding.h"
#include "core/providers/Provider.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace td::credentials {

/** One set of provider credentials and defaults, by name. Holds no secret: those live in a SecretStore. */
struct Profile {
    QString name;
    Provider provider = Provider::LiveKit;
    QString environment = QStringLiteral("dev"); // dev | staging | prod
    QString serverUrl;                           // LiveKit wss:// URL, Jitsi base URL, JaaS 8x8.vc
    QString apiKey;                              // LiveKit
    QString appId;                               // Zego AppID (digits), JaaS vpaas-magic-cookie-..., Jitsi app_id
    QString keyId;                               // JaaS AppID/kid, Jitsi RS256 kid
    QString audience;                            // Jitsi aud
    QString subject;                             // Jitsi sub (domain / tenant / *)
    bool domainVerification = true;              // Jitsi: Prosody's enable_domain_verification (on as shipped)
    /** Which generation of secret-store keys holds this profile's secrets: every save writes a new one, so a
     *  crash between the secret store and profiles.json never pairs one save's fields with another's secrets. */
    int secretGeneration = 0;
    QString ttl;    // default TTL ("6h")
    QString room;   // default room
    QString cipher; // Zego: gcm | cbc
    QString note;

    QJsonObject toJson() const;
    static Result<Profile> fromJson(const QJsonObject& json);

    /** The secret fields of a provider: LiveKit apiSecret, Zego serverSecret, JaaS privateKey, Jitsi appSecret or
     * privateKey. */
    static QStringList secretFields(Provider provider);
    /** A credential text field by its name ("serverUrl", "apiKey", "appId", "keyId", "audience", "subject"). */
    QString* textField(const QString& field);
    /** What names the credentials in lists: the API key or the AppID, as the provider's module says. */
    QString credentialId() const;
    /** Secret store key of one field of one profile, in a generation ("name/field", then "name/field#2"). */
    static QString secretKey(const QString& profileName, const QString& field, int generation = 0);
    /** This profile's key for a field, in its own generation. */
    QString secretKey(const QString& field) const { return secretKey(name, field, secretGeneration); }
    /** Whether a secret store key has the shape of a profile's secret (not a server bearer key or an index). */
    static bool isProfileSecretKey(const QString& key);
    static bool isValidName(const QString& name);
    static const QStringList& environments();
};

/** What saving a profile checks (issue 3 "Validation"); errors block the save, warnings are shown. */
struct ProfileCheck {
    QList<Finding> findings;
    QString fingerprint; // JaaS / Jitsi RS256: SHA-256 of the public key
    bool ok() const { return !hasErrors(findings); }
};

ProfileCheck validateProfile(const Profile& profile, const QHash<QString, QByteArray>& secrets);

} // namespace td::credentials
