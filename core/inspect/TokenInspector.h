// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/Duration.h"
#include "core/Error.h"
#include "core/crypto/RsaKey.h"
#include "core/crypto/SecretBytes.h"
#include "core/providers/Finding.h"
#include "core/providers/Provider.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace td {

enum class SignatureState { Unchecked, Valid, Invalid };
QString signatureStateName(SignatureState state);

/** What the user gave to verify a token with; every member is optional. */
struct VerifyCredentials {
    QString apiKey;                 // LiveKit: expected iss
    crypto::SecretByteArray secret; // LiveKit API secret, Zego ServerSecret, Jitsi app_secret
    std::optional<quint32> zegoAppId;
    crypto::RsaPublicKey publicKey;      // JaaS / Jitsi RS256
    QString issuer;                      // self-hosted Jitsi: expected iss (app_id)
    QString audience;                    // self-hosted Jitsi: expected aud
    QString accountId;                   // Twilio: expected sub (the account SID); Agora: expected app ID
    std::optional<qint64> leewaySeconds; // default: the provider's own verifier (LiveKit 60 s, others 0)
    /** A provider the user forces (decode of a bare JWT that could be several things). */
    std::optional<Provider> provider;
};

struct TimeClaim {
    QString name; // exp, nbf, iat, ctime, expire
    qint64 value = 0;
    QString utc;
    QString relative;

    /** `value` (Unix seconds) in UTC and relative to `now`. */
    static TimeClaim make(const QString& name, qint64 value, qint64 now)
    {
        return TimeClaim{name, value, QDateTime::fromSecsSinceEpoch(value, Qt::UTC).toString(Qt::ISODate),
                         formatRelative(value, now)};
    }
};

/** Everything TokenDesk can tell about a token. */
struct Inspection {
    Provider provider = Provider::Unknown;
    QString kind; // "livekit-access-token", "zego-token04-gcm", "zego-kit-token", "jaas", "jitsi-hs256" ...
    QJsonObject header;
    QJsonObject claims;
    QList<TimeClaim> times;
    SignatureState signature = SignatureState::Unchecked;
    QList<Finding> findings;
    QStringList permissions; // in words

    /** Signature checked and good, and no error finding. */
    bool valid() const;
    QJsonObject toJson() const;
};

/** Detects, decodes, verifies and explains LiveKit, ZEGOCLOUD and Jitsi tokens. Never throws on any input. */
class TokenInspector final {
public:
    explicit TokenInspector(const Clock& clock) : m_clock(clock) {}

    /**
     * Inspects pasted text: a token, "Bearer <token>", or a join link carrying ?jwt= / ?token= / ?access_token=.
     * Only text that is no token at all gives an error; everything else is reported through findings.
     */
    Result<Inspection> inspect(QByteArrayView text, const VerifyCredentials& credentials = {}) const;

    /** Pulls the token out of what people paste (a join link, an Authorization header). */
    static QByteArray extractToken(QByteArrayView text);

private:
    Result<Inspection> inspectJwt(const QByteArray& token, const VerifyCredentials& credentials) const;
    Result<Inspection> inspectZego(const QByteArray& token, const VerifyCredentials& credentials) const;
    void addTime(Inspection& out, const QString& name, const QJsonValue& value) const;

    const Clock& m_clock;
};

} // namespace td
