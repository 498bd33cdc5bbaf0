// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"
#include "core/providers/agora/AgoraClaims.h"

namespace td::agora {

/** The Agora module (AccessToken2; the legacy 006 AccessToken is decoded only). */
const ProviderModule& module();

/** An Agora app ID and certificate prepared for minting. */
class PreparedAgora final : public PreparedMinter {
public:
    explicit PreparedAgora(AgoraMinter minter) : m_minter(std::move(minter)) {}
    Result<MintedToken> mint(const mint::MintPlan& plan, const Clock& clock,
                             const crypto::RandomSource& random) const override;
    Result<MintedToken> mintClaims(const AgoraClaims& claims, qint64 ttlSeconds, const Clock& clock,
                                   const crypto::RandomSource& random = {}) const
    {
        return m_minter.mint(claims, ttlSeconds, clock, random);
    }

private:
    AgoraMinter m_minter;
};

} // namespace td::agora
