// SPDX-License-Identifier: MIT
// 100ms auth (app) and management tokens: HS256 JWTs signed with the workspace's app secret. What the official
// server SDK (@100mslive/server-sdk, AuthService) writes: access_key, type, version 2, iat and nbf ten seconds back,
// exp = nbf + validity (a day by default), then room_id, role and user_id for an auth token, then a random jti.
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/crypto/Crypto.h"
#include "core/jwt/Jwt.h"
#include "core/providers/Finding.h"
#include "core/providers/MintedToken.h"

#include <QJsonObject>
#include <QStringList>

namespace td::hms {

/** The SDK's validity when none is given: a day. */
inline constexpr qint64 kDefaultTtlSeconds = 86400;
/** The SDK sets iat and nbf this far back, for a 100ms clock slightly behind. */
inline constexpr qint64 kIssuedAtBackdate = 10;

struct HmsClaims {
    bool management = false; // type "management" (REST API) instead of "app" (joining a room)
    QString roomId;
    QString role;
    QString userId;

    /** A plan's JSON: type, and room_id, role, user_id for an auth token. */
    QJsonObject toJson() const;
};

/** Reads a token's or a plan's claims; what is malformed becomes a finding. */
HmsClaims readClaims(const QJsonObject& payload, QList<Finding>& findings);

/** Checks what 100ms refuses: an auth token without a room ID, role or user ID; a room ID that is not an ID. */
Result<void> validateClaims(const HmsClaims& claims);

/** Mints 100ms tokens with one access key and secret; the HMAC key is prepared once. Thread-safe. */
class HmsMinter final {
public:
    static Result<HmsMinter> create(const QString& accessKey, QByteArrayView secret);
    /** `random` draws the jti's 16 bytes (empty: the CSPRNG). */
    Result<MintedToken> mint(const HmsClaims& claims, qint64 ttlSeconds, const Clock& clock,
                             const crypto::RandomSource& random = {}) const;

private:
    HmsMinter(QString accessKey, jwt::JwtSigner signer) : m_accessKey(std::move(accessKey)), m_signer(std::move(signer))
    {
    }
    QString m_accessKey;
    jwt::JwtSigner m_signer;
};

/** Lints a decoded 100ms token (algorithm, type, version, the auth claims, jti). */
void lint(const jwt::DecodedJwt& token, QList<Finding>& findings);

/** What the token lets its holder do, in words. */
QStringList explainPermissions(const HmsClaims& claims);

/** The claims in a few words ("room 6421…, role host"), for History and batch output. */
QString summary(const HmsClaims& claims);

} // namespace td::hms
