// SPDX-License-Identifier: MIT
// Twilio Access Tokens: HS256 JWTs signed with an API key's secret. What the official helper library (npm twilio,
// jwt.AccessToken) writes: header alg, typ, cty "twilio-fpa;v=1"; payload jti "<key SID>-<iat>", grants (identity,
// then one object per grant), iat, exp, iss = the API key SID, sub = the account SID.
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/jwt/Jwt.h"
#include "core/providers/Finding.h"
#include "core/providers/MintedToken.h"

#include <QJsonObject>
#include <QStringList>

namespace td::twilio {

/** The library's lifetime when none is given: one hour. */
inline constexpr qint64 kDefaultTtlSeconds = 3600;
/** Twilio refuses Access Tokens that live longer than a day. */
inline constexpr qint64 kMaxTtlSeconds = 86400;

/** The grants of one token; plans and the form hold them as the token's "grants" object. */
struct TwilioGrants {
    QString identity;
    bool video = true;          // a Video grant ("video"); without a room it opens every room of the account
    QString room;               // video.room: the one room it opens
    QString chatServiceSid;     // chat.service_sid (IS...): a Conversations/Chat grant when set
    QString syncServiceSid;     // data_sync.service_sid (IS...): a Sync grant when set
    QString voiceAppSid;        // voice.outgoing.application_sid (AP...): outgoing calls through that TwiML app
    bool voiceIncoming = false; // voice.incoming.allow

    /** The token's "grants" object, in the library's order. */
    QJsonObject toJson() const;
};

/** Reads a token's or a plan's grants object; what is malformed becomes a finding. */
TwilioGrants readGrants(const QJsonObject& grants, QList<Finding>& findings);

/** Checks what Twilio refuses: no identity, service or app SIDs of the wrong shape. */
Result<void> validateGrants(const TwilioGrants& grants);

/** Whether a SID has Twilio's shape: the two-letter prefix and 32 hex digits ("AC" + 32 hex). */
bool isSid(const QString& sid, QLatin1StringView prefix);

/** Mints Twilio Access Tokens with one API key; the HMAC key is prepared once. Thread-safe. */
class TwilioMinter final {
public:
    static Result<TwilioMinter> create(const QString& accountSid, const QString& apiKeySid, QByteArrayView secret);
    Result<MintedToken> mint(const TwilioGrants& grants, qint64 ttlSeconds, const Clock& clock) const;

private:
    TwilioMinter(QString accountSid, QString apiKeySid, jwt::JwtSigner signer)
        : m_accountSid(std::move(accountSid)), m_apiKeySid(std::move(apiKeySid)), m_signer(std::move(signer))
    {
    }
    QString m_accountSid;
    QString m_apiKeySid;
    jwt::JwtSigner m_signer;
};

/** Lints a decoded Twilio token (header, SIDs, identity, lifetime over a day). */
void lint(const jwt::DecodedJwt& token, QList<Finding>& findings);

/** What the token lets its holder do, in words. */
QStringList explainPermissions(const TwilioGrants& grants);

/** The grants in a few words ("video room standup, chat"), for History and batch output. */
QString summary(const TwilioGrants& grants);

} // namespace td::twilio
