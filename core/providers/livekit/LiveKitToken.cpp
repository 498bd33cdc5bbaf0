// SPDX-License-Identifier: MIT
#include "core/providers/livekit/LiveKitToken.h"

namespace td::livekit {

Result<LiveKitMinter> LiveKitMinter::create(const QString& apiKey, QByteArrayView apiSecret)
{
    if (apiKey.trimmed().isEmpty())
        return fail(ErrorCode::MissingValue,
                    QT_TRANSLATE_NOOP("td::Error", "the LiveKit API key is missing (--api-key or LIVEKIT_API_KEY)"));
    if (apiSecret.isEmpty())
        return fail(
            ErrorCode::MissingValue,
            QT_TRANSLATE_NOOP("td::Error", "the LiveKit API secret is missing (--api-secret or LIVEKIT_API_SECRET)"));
    auto signer = jwt::JwtSigner::hmac(jwt::Algorithm::HS256, apiSecret);
    if (!signer)
        return std::unexpected(signer.error());
    return LiveKitMinter(apiKey, std::move(*signer));
}

Result<void> validateClaims(const LiveKitClaims& claims)
{
    if (claims.video && claims.video->roomJoin) {
        if (claims.identity.isEmpty())
            return fail(ErrorCode::MissingValue,
                        QT_TRANSLATE_NOOP("td::Error",
                                          "joining a room (roomJoin) needs an identity: the server refuses to "
                                          "connect without one (400 \"identity cannot be empty\")"));
        if (claims.video->room.isEmpty())
            return fail(ErrorCode::MissingValue,
                        QT_TRANSLATE_NOOP("td::Error", "joining a room (roomJoin) needs a room name (--room)"));
    }
    if (claims.video) {
        for (const QString& s : claims.video->canPublishSources) {
            if (!publishSources().contains(s))
                return fail(ErrorCode::InvalidValue,
                            QT_TRANSLATE_NOOP("td::Error", "\"%1\" is not a publish source; use %2"), s,
                            publishSources().join(QStringLiteral(", ")));
        }
    }
    if (!claims.kind.isEmpty() && !participantKinds().contains(claims.kind))
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "\"%1\" is not a participant kind; use %2"),
                    claims.kind, participantKinds().join(QStringLiteral(", ")));
    if (claims.roomConfig) {
        if (auto ok = normaliseRoomConfig(*claims.roomConfig); !ok)
            return std::unexpected(ok.error());
    }
    return {};
}

Result<MintedToken> LiveKitMinter::mint(const LiveKitClaims& claims, qint64 ttlSeconds, const Clock& clock,
                                        const QJsonObject& extraClaims) const
{
    if (ttlSeconds <= 0)
        return fail(ErrorCode::OutOfRange, QT_TRANSLATE_NOOP("td::Error", "the TTL must be positive"));
    if (auto ok = validateClaims(claims); !ok)
        return std::unexpected(ok.error());
    if (extraClaims.contains(QStringLiteral("aud")))
        return fail(
            ErrorCode::InvalidValue,
            QT_TRANSLATE_NOOP("td::Error",
                              "LiveKit tokens never carry \"aud\": the Python verifier rejects any token with one"));
    if (auto ok = checkExtraClaims(extraClaims); !ok)
        return std::unexpected(ok.error());

    LiveKitClaims normalised = claims;
    if (normalised.roomConfig)
        normalised.roomConfig = *normaliseRoomConfig(*claims.roomConfig);

    const qint64 now = clock.nowSeconds();
    jwt::JwtBuilder builder;
    builder.setHeader(QStringLiteral("typ"), QStringLiteral("JWT"));
    OrderedJson& p = builder.payload();
    // A copy of the key owned by this thread: copying m_apiKey itself would bump its shared reference count from
    // every signing thread, and that one contended cache line halved the throughput of two threads.
    thread_local QString localApiKey;
    if (localApiKey != m_apiKey)
        localApiKey = QString(m_apiKey.constData(), m_apiKey.size());
    p.insert(QStringLiteral("iss"), localApiKey);
    if (!claims.identity.isEmpty())
        p.insert(QStringLiteral("sub"), claims.identity);
    p.insert(QStringLiteral("exp"), now + ttlSeconds);
    p.insert(QStringLiteral("nbf"), now);
    p.insert(QStringLiteral("iat"), now);
    normalised.appendTo(p);
    for (auto it = extraClaims.begin(); it != extraClaims.end(); ++it)
        p.insert(it.key(), OrderedJson::fromJsonValue(it.value()));

    auto token = builder.sign(m_signer);
    if (!token)
        return std::unexpected(token.error());
    QList<Finding> notes;
    if (normalised.roomConfig)
        notes = roomConfigFindings(*normalised.roomConfig, claims.video ? claims.video->room : QString());
    return MintedToken{QStringLiteral("livekit"), std::move(*token), builder.header(), std::move(p),
                       now + ttlSeconds,          std::move(notes)};
}

jwt::VerifyOptions serverVerifyOptions(const QString& apiKey, qint64 leewaySeconds)
{
    jwt::VerifyOptions o;
    o.algorithms = {jwt::Algorithm::HS256};
    o.leewaySeconds = leewaySeconds;
    o.issuer = apiKey;
    return o;
}

} // namespace td::livekit
