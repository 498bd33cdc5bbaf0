// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/credentials/Profile.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/RsaKey.h"
#include "core/crypto/SecretBytes.h"
#include "core/mint/MintPlan.h"
#include "core/providers/MintedToken.h"
#include "core/providers/livekit/LiveKitToken.h"

#include <QByteArray>
#include <QHash>

#include <optional>

namespace td::mint {

/**
 * Mints plans with one profile. The credentials are checked and the keys prepared once (the HMAC key, the parsed
 * RSA key), so batches and permission matrices do not pay for them per token. mint() is const and thread-safe.
 */
class PlanMinter final {
public:
    /** Checks the profile's secrets (field name -> value, as the secret store holds them) and prepares the keys. */
    static Result<PlanMinter> create(const credentials::Profile& profile, const QHash<QString, QByteArray>& secrets);

    /** Mints one plan; `random` replaces the CSPRNG for Zego's nonce and IV (reproducible output only). */
    Result<MintedToken> mint(const MintPlan& plan, const Clock& clock, const crypto::RandomSource& random = {}) const;

    /** LiveKit claims already read into the struct: no JSON round trip (the batch's hot path). */
    Result<MintedToken> mintLiveKit(const livekit::LiveKitClaims& claims, qint64 ttlSeconds, const Clock& clock,
                                    const QJsonObject& extraClaims = {}) const;

    const credentials::Profile& profile() const { return m_profile; }

private:
    explicit PlanMinter(credentials::Profile profile) : m_profile(std::move(profile)) {}

    Result<MintedToken> mintLiveKit(const MintPlan& plan, const Clock& clock) const;
    Result<MintedToken> mintZego(const MintPlan& plan, const Clock& clock, const crypto::RandomSource& random) const;
    Result<MintedToken> mintJitsi(const MintPlan& plan, const Clock& clock) const;

    credentials::Profile m_profile;
    std::optional<livekit::LiveKitMinter> m_liveKit;
    quint32 m_zegoAppId = 0;
    crypto::SecretByteArray m_symmetricSecret; // Zego ServerSecret or Jitsi app_secret
    std::optional<crypto::RsaPrivateKey> m_privateKey;
};

/** The profile's AppID as Zego needs it: a non-zero 32-bit number. */
Result<quint32> zegoAppId(const QString& text);

/** The profile's RSA private key from its "privateKey" secret, with the PEM loader's diagnosis on failure. */
Result<crypto::RsaPrivateKey> profilePrivateKey(const QHash<QString, QByteArray>& secrets);

} // namespace td::mint
