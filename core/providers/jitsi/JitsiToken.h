// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/crypto/RsaKey.h"
#include "core/crypto/SecretBytes.h"
#include "core/jwt/Jwt.h"
#include "core/providers/Finding.h"
#include "core/providers/MintedToken.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace td::jitsi {

inline constexpr qint64 kDefaultTtlSeconds = qint64{2} * 3600;
/** 8x8's samples back-date nbf by 10 s; Prosody has no leeway, so a slow clock would otherwise refuse the token. */
inline constexpr qint64 kDefaultNotBeforeSkew = 10;

/** Feature keys 8x8 documents for JaaS, and those the Jitsi Meet client knows (spec 3.1). */
const QStringList& jaasFeatures();
const QStringList& meetFeatures();
/** Both lists, without duplicates. */
QStringList knownFeatures();

struct JitsiUser {
    QString id;
    QString name;
    QString email;
    QString avatar;
    std::optional<bool> moderator; // emitted as "true"/"false"
    std::optional<bool> hiddenFromRecorder;
    QString affiliation; // self-hosted: owner | member | moderator | teacher
};

struct JitsiClaims {
    QString room; // a room name, "*" for any, or a pattern with roomRegex
    bool roomRegex = false;
    /** Write `room` exactly as given; otherwise a name becomes the form Jitsi Meet joins (backendSafeRoomName). */
    bool roomRaw = false;
    JitsiUser user;
    QList<QPair<QString, bool>> features; // unset features are simply absent
    QString group;                        // self-hosted context.group
};

/** context (user, features, room regex, group) as minted; self-hosted leaves out what it does not need. */
OrderedJson contextJson(const JitsiClaims& claims, bool selfHosted);
/** Reads room and context back from a payload (the Mint page's JSON view, history re-mint). */
Result<JitsiClaims> claimsFromPayload(const QJsonObject& payload);

/** Parses "name=true|false" (the --feature flag) and checks the name against the known features. */
Result<QPair<QString, bool>> parseFeature(const QString& text);

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
