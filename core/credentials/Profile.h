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
    QString ttl;                                 // default TTL ("6h")
    QString room;                                // default room
    QString cipher;                              // Zego: gcm | cbc
    QString note;

    QJsonObject toJson() const;
    static Result<Profile> fromJson(const QJsonObject& json);

    /** The secret fields of a provider: LiveKit apiSecret, Zego serverSecret, JaaS privateKey, Jitsi appSecret or
     * privateKey. */
    static QStringList secretFields(Provider provider);
    /** Secret store key of one field of one profile. */
    static QString secretKey(const QString& profileName, const QString& field);
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
