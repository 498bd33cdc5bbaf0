// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"
#include "core/providers/hms/HmsToken.h"

namespace td::hms {

/** The 100ms module. */
const ProviderModule& module();

/** A 100ms access key and secret prepared for minting. */
class PreparedHms final : public PreparedMinter {
public:
    explicit PreparedHms(HmsMinter minter) : m_minter(std::move(minter)) {}
    Result<MintedToken> mint(const mint::MintPlan& plan, const Clock& clock,
                             const crypto::RandomSource& random) const override;
    Result<MintedToken> mintClaims(const HmsClaims& claims, qint64 ttlSeconds, const Clock& clock,
                                   const crypto::RandomSource& random = {}) const
    {
        return m_minter.mint(claims, ttlSeconds, clock, random);
    }

private:
    HmsMinter m_minter;
};

} // namespace td::hms
