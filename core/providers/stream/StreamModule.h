// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"
#include "core/providers/stream/StreamToken.h"

namespace td::stream {

/** The Stream Video and Chat module. */
const ProviderModule& module();

/** A Stream API secret prepared for minting. */
class PreparedStream final : public PreparedMinter {
public:
    explicit PreparedStream(StreamMinter minter) : m_minter(std::move(minter)) {}
    Result<MintedToken> mint(const mint::MintPlan& plan, const Clock& clock,
                             const crypto::RandomSource& random) const override;
    Result<MintedToken> mintClaims(const StreamClaims& claims, qint64 ttlSeconds, const Clock& clock) const
    {
        return m_minter.mint(claims, ttlSeconds, clock);
    }

private:
    StreamMinter m_minter;
};

} // namespace td::stream
