// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/crypto/RsaKey.h"
#include "core/crypto/SecretBytes.h"
#include "core/jwt/Jwt.h"
#include "core/providers/Finding.h"
#include "core/providers/MintedToken.h"
#include "core/providers/jitsi/JitsiClaims.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace td::jitsi {

struct JaasRequest {
    QString appId; // vpaas-magic-cookie-<32 hex>
    QString keyId; // "AppID/kid" or just the part after '/'
    crypto::RsaPrivateKey privateKey;
    JitsiClaims claims;
    qint64 ttlSeconds = kDefaultTtlSeconds;
    qint64 notBeforeSkew = kDefaultNotBeforeSkew;
};

/** RS256, kid = AppID/key id, aud "jitsi", iss "chat", sub = AppID, context.user / features / room. */
Result<MintedToken> mintJaas(const JaasRequest& request, const Clock& clock);

struct SelfHostedRequest {
    QString appId;                     // iss
    crypto::SecretByteArray appSecret; // HS256 when set
    crypto::RsaPrivateKey privateKey;  // RS256 (ASAP) otherwise
    QString keyId;                     // kid for RS256
    QString audience = QStringLiteral("jitsi");
    QString subject = QStringLiteral("*"); // domain, tenant or "*"
    JitsiClaims claims;
    qint64 ttlSeconds = kDefaultTtlSeconds;
    qint64 notBeforeSkew = kDefaultNotBeforeSkew;
};

/** Prosody token: typ JWT, HS256 with app_secret or RS256 with a key id. */
Result<MintedToken> mintSelfHosted(const SelfHostedRequest& request, const Clock& clock);

/** The AppID check of the JaaS console ("vpaas-magic-cookie-" + 32 hex digits). */
Result<void> validateJaasAppId(const QString& appId);

/** Findings for a JaaS or self-hosted token: what Prosody, 8x8 or the Meet client would refuse or ignore. */
QList<Finding> lint(const jwt::DecodedJwt& token, bool jaas);

/** What the token lets its holder do, in words. */
QStringList explainPermissions(const QJsonObject& payload);

} // namespace td::jitsi
