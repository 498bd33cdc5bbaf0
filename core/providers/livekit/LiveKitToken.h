// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/jwt/Jwt.h"
#include "core/providers/MintedToken.h"
#include "core/providers/livekit/LiveKitGrants.h"

#include <QJsonObject>

namespace td::livekit {

inline constexpr qint64 kDefaultTtlSeconds = qint64{6} * 3600;
/** The Go server's clock tolerance (golang-jwt leeway, spec section 4). */
inline constexpr qint64 kServerLeewaySeconds = 60;

/** Mints LiveKit access tokens for one API key; the HMAC key is prepared once. Thread-safe. */
class LiveKitMinter final {
public:
    static Result<LiveKitMinter> create(const QString& apiKey, QByteArrayView apiSecret);

    /**
     * HS256 token with iss, sub (identity), exp = now + ttl, nbf = iat = now and the claims in Go order.
     * `extraClaims` are merged last (they may not contain "aud", which LiveKit verifiers refuse).
     */
    Result<MintedToken> mint(const LiveKitClaims& claims, qint64 ttlSeconds, const Clock& clock,
                             const QJsonObject& extraClaims = {}) const;

private:
    LiveKitMinter(QString apiKey, jwt::JwtSigner signer) : m_apiKey(std::move(apiKey)), m_signer(std::move(signer)) {}
    QString m_apiKey;
    jwt::JwtSigner m_signer;
};

/** Checks the claims a LiveKit SDK or server would refuse at mint time. */
Result<void> validateClaims(const LiveKitClaims& claims);

/** The verifier settings LiveKit's Go server uses: HS256 only, iss = api key, 60 s leeway. */
jwt::VerifyOptions serverVerifyOptions(const QString& apiKey, qint64 leewaySeconds = kServerLeewaySeconds);

} // namespace td::livekit
