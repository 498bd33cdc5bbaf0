// SPDX-License-Identifier: MIT
#include "core/server/ProfileCredentials.h"

#include "core/crypto/Pem.h"

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
    switch (profile.provider) {
    case Provider::LiveKit: c.secret = secrets.value(QStringLiteral("apiSecret")); break;
    case Provider::Zego: c.secret = secrets.value(QStringLiteral("serverSecret")); break;
    case Provider::Jitsi: c.secret = secrets.value(QStringLiteral("appSecret")); [[fallthrough]];
    case Provider::Jaas: {
        // A self-hosted Jitsi profile with an app secret signs HS256; the private key is only for RS256 ones.
        const QByteArray pem = secrets.value(QStringLiteral("privateKey"));
        if (!pem.isEmpty() && c.secret.isEmpty()) {
            auto key = crypto::loadRsaPrivateKey(pem);
            if (!key)
                return std::unexpected(key.error());
            c.privateKey = *key;
        }
        break;
    }
    case Provider::Unknown: break;
    }
    if (c.secret.isEmpty() && c.privateKey.isNull())
        return fail(ErrorCode::MissingValue, QT_TRANSLATE_NOOP("td::Error", "profile %1 has no stored secret"),
                    profile.name);
    return c;
}

} // namespace td::server
