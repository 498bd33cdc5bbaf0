// SPDX-License-Identifier: MIT
#include "core/server/ProfileCredentials.h"

#include "core/crypto/Pem.h"
#include "core/providers/Registry.h"

namespace td::server {

Result<EndpointCredentials> credentialsFromProfile(const credentials::Profile& profile,
                                                   const QHash<QString, QByteArray>& secrets)
{
    EndpointCredentials c;
    c.provider = profile.provider;
    c.apiKey = profile.apiKey;
    c.serverUrl = profile.serverUrl;
    c.appId = profile.appId;
    c.keyId = profile.keyId;
    c.audience = profile.audience;
    c.subject = profile.subject;
    const QString privateKeyField = QStringLiteral("privateKey");
    const QStringList fields = credentials::Profile::secretFields(profile.provider);
    // The symmetric secret (API secret, ServerSecret, app secret) signs when there is one; a private key signs
    // otherwise (JaaS, Jitsi RS256).
    for (const QString& field : fields) {
        if (field != privateKeyField && c.secret.isEmpty())
            c.secret = secrets.value(field);
    }
    if (fields.contains(privateKeyField) && c.secret.isEmpty()) {
        const QByteArray pem = secrets.value(privateKeyField);
        if (!pem.isEmpty()) {
            auto key = crypto::loadRsaPrivateKey(pem);
            if (!key)
                return std::unexpected(key.error());
            c.privateKey = *key;
        }
    }
    if (c.secret.isEmpty() && c.privateKey.isNull())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "profile %1 has no stored secret"),
                    profile.name);
    return c;
}

Result<mint::PlanMinter> endpointMinter(const EndpointCredentials& c)
{
    credentials::Profile profile;
    profile.name = QStringLiteral("endpoint");
    profile.provider = c.provider;
    profile.apiKey = c.apiKey;
    profile.serverUrl = c.serverUrl;
    profile.appId = c.appId;
    profile.keyId = c.keyId;
    profile.audience = c.audience;
    profile.subject = c.subject;
    crypto::SecretMap secrets;
    const QString privateKeyField = QStringLiteral("privateKey");
    for (const QString& field : credentials::Profile::secretFields(c.provider)) {
        if (field == privateKeyField) {
            if (!c.privateKey.isNull() && c.secret.isEmpty())
                secrets.insert(field, c.privateKey.pkcs8Pem());
        } else if (!c.secret.isEmpty()) {
            secrets.insert(field, c.secret.bytes());
            break; // one symmetric secret: the first field that takes it
        }
    }
    return mint::PlanMinter::create(profile, secrets);
}

} // namespace td::server
