// SPDX-License-Identifier: MIT
// Vonage Video API client tokens and OpenTok tokens.
//  - Vonage (npm @vonage/video generateClientToken, signed by @vonage/jwt): an RS256 JWT signed with the Vonage
//    application's private key: scope "session.connect", session_id, role, initial_layout_class_list, exp, sub
//    "video", acl, connection_data, then a random jti, iat and application_id.
//  - OpenTok (npm opentok generateToken): the legacy "T1==" token, base64 of "partner_id=<API key>&sig=<hex
//    HMAC-SHA1 of the data with the API secret>:<data>", the data a query string of session_id, create_time, nonce,
//    role, expire_time, connection_data, initial_layout_class_list and scope; or its HS256 JWT form (iss = the API
//    key, ist "project", iat, exp, then the same fields).
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/RsaKey.h"
#include "core/jwt/Jwt.h"
#include "core/providers/Finding.h"
#include "core/providers/MintedToken.h"

#include <QJsonObject>
#include <QStringList>

namespace td::vonage {

/** Both SDKs give a token a day when no expiry is asked for. */
inline constexpr qint64 kDefaultTtlSeconds = 86400;
/** Vonage and OpenTok accept tokens for 30 days at most. */
inline constexpr qint64 kMaxTtlSeconds = qint64{30} * 86400;
/** What @vonage/jwt writes instead of an exp that is not in the future. */
inline constexpr qint64 kVonageFallbackTtl = 900;
/** The SDKs refuse connection data and layout class lists longer than this. */
inline constexpr qsizetype kMaxDataLength = 1024;

/** The roles a Vonage or OpenTok token may carry. */
const QStringList& roles();

/** What one client token asks for; plans hold it as {session_id, role, connection_data, initial_layout_class_list}. */
struct SessionClaims {
    QString sessionId;
    QString role = QStringLiteral("publisher");
    QString connectionData;
    QString layoutClasses; // space separated

    QJsonObject toJson() const;
};

/** Reads a plan's or a token's claims; what is malformed becomes a finding. */
SessionClaims readClaims(const QJsonObject& claims, QList<Finding>& findings);
/** Checks what the SDKs refuse: no session ID, an unknown role, data or layout classes over 1024 characters. */
Result<void> validateClaims(const SessionClaims& claims);

/** The API key a session ID names ("1_" or "2_", then base64 of "…~<API key>~…"); empty when it names none. */
QString sessionApiKey(const QString& sessionId);

/** Mints Vonage Video client tokens with one application's private key. Thread-safe. */
class VonageMinter final {
public:
    static Result<VonageMinter> create(const QString& applicationId, const crypto::RsaPrivateKey& key);
    Result<MintedToken> mint(const SessionClaims& claims, qint64 ttlSeconds, const Clock& clock,
                             const crypto::RandomSource& random = {}) const;

private:
    VonageMinter(QString applicationId, jwt::JwtSigner signer)
        : m_applicationId(std::move(applicationId)), m_signer(std::move(signer))
    {
    }
    QString m_applicationId;
    jwt::JwtSigner m_signer;
};

enum class OpenTokFormat { T1, Jwt };

/** Mints OpenTok tokens with one API key and secret. Thread-safe. */
class OpenTokMinter final {
public:
    static Result<OpenTokMinter> create(const QString& apiKey, QByteArrayView apiSecret);
    /** `random` draws the nonce (empty: the CSPRNG). */
    Result<MintedToken> mint(const SessionClaims& claims, qint64 ttlSeconds, OpenTokFormat format, const Clock& clock,
                             const crypto::RandomSource& random = {}) const;

private:
    OpenTokMinter(QString apiKey, QByteArray secret, jwt::JwtSigner signer)
        : m_apiKey(std::move(apiKey)), m_secret(std::move(secret)), m_signer(std::move(signer))
    {
    }
    QString m_apiKey;
    QByteArray m_secret;
    jwt::JwtSigner m_signer;
};

/** A decoded T1 token. */
struct T1Token {
    QString partnerId;
    QByteArray signature; // hex, as written
    QByteArray data;      // the signed query string
    QList<QPair<QString, QString>> fields;
    QString field(const QString& name) const;
};
/** Decodes "T1==…" (bounds-checked). */
Result<T1Token> parseT1(QByteArrayView token);
/** Whether a T1 token was signed with this API secret. */
bool verifyT1(const T1Token& token, QByteArrayView apiSecret);

/** Lints the claims both forms share (role, session ID, its API key, data lengths). */
void lintSession(const SessionClaims& claims, const QString& apiKey, QList<Finding>& findings);
/** What the token lets its holder do, in words. */
QStringList explainPermissions(const SessionClaims& claims);
/** The claims in a few words ("session 2_MX4…, moderator"), for History and batch output. */
QString summary(const SessionClaims& claims);

} // namespace td::vonage
