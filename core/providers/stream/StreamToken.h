// SPDX-License-Identifier: MIT
// Stream Video and Chat user and call tokens: HS256 JWTs signed with the app's API secret. What the official
// server SDK (@stream-io/node-sdk, generateUserToken / generateCallToken) writes: user_id, then the caller's
// call_cids, role and validity_in_seconds, then iat one second back and exp = iat + validity.
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/jwt/Jwt.h"
#include "core/providers/Finding.h"
#include "core/providers/MintedToken.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace td::stream {

/** The SDK's validity when none is given: one hour. */
inline constexpr qint64 kDefaultTtlSeconds = 3600;
/** The SDK sets iat this far back, so a server clock slightly behind does not see a token from the future. */
inline constexpr qint64 kIssuedAtBackdate = 1;

struct StreamClaims {
    QString userId;
    QStringList callCids;       // "type:id"; empty: a user token valid for every call the user may join
    QString role;               // a call role that overrides the user's own in those calls; empty: the user's role
    bool writeValidity = false; // write validity_in_seconds as the SDK does when given one

    /** The claims as a plan's JSON (user_id, call_cids, role, validity_in_seconds: true when written). */
    QJsonObject toJson() const;
};

/** Reads a token's or a plan's claims; what is malformed becomes a finding. */
StreamClaims readClaims(const QJsonObject& payload, QList<Finding>& findings);

/** Checks what Stream refuses or the SDK never writes: an empty user_id, a call cid that is not type:id. */
Result<void> validateClaims(const StreamClaims& claims);

/** Mints Stream tokens with one API secret; the HMAC key is prepared once. Thread-safe. */
class StreamMinter final {
public:
    static Result<StreamMinter> create(QByteArrayView apiSecret);
    Result<MintedToken> mint(const StreamClaims& claims, qint64 ttlSeconds, const Clock& clock) const;

private:
    explicit StreamMinter(jwt::JwtSigner signer) : m_signer(std::move(signer)) {}
    jwt::JwtSigner m_signer;
};

/** Lints a decoded Stream token (algorithm, user_id, no exp, call cids, a role without calls). */
void lint(const jwt::DecodedJwt& token, QList<Finding>& findings);

/** What the token lets its holder do, in words. */
QStringList explainPermissions(const StreamClaims& claims);

/** The claims in a few words ("alice, call default:standup, role host"), for History and batch output. */
QString summary(const StreamClaims& claims);

} // namespace td::stream
