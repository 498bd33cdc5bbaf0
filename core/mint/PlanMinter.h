// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/credentials/Profile.h"
#include "core/crypto/Crypto.h"
#include "core/mint/MintPlan.h"
#include "core/providers/MintedToken.h"
#include "core/providers/ProviderModule.h"
#include "core/providers/livekit/LiveKitGrants.h"

#include <QByteArray>
#include <QHash>

#include <memory>

namespace td::mint {

/**
 * Mints plans with one profile. The provider module checks the credentials and prepares the keys once (the HMAC
 * key, the parsed RSA key), so batches and permission matrices do not pay for them per token. mint() is const and
 * thread-safe.
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

    /**
     * The provider's prepared minter as its own type (livekit::PreparedLiveKit, jitsi::PreparedJitsi), for callers
     * that hold the provider's claims already; nullptr when the profile is of another provider.
     */
    template <typename Prepared> const Prepared* prepared() const
    {
        return dynamic_cast<const Prepared*>(m_prepared.get());
    }

    const credentials::Profile& profile() const { return m_profile; }
    /** The provider module's prepared minter itself (what the server's endpoint kinds mint with). */
    const PreparedMinter& preparedMinter() const { return *m_prepared; }

private:
    PlanMinter(credentials::Profile profile, std::shared_ptr<const PreparedMinter> prepared)
        : m_profile(std::move(profile)), m_prepared(std::move(prepared))
    {
    }

    credentials::Profile m_profile;
    std::shared_ptr<const PreparedMinter> m_prepared;
};

} // namespace td::mint
