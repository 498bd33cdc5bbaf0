// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"
#include "core/providers/twilio/TwilioToken.h"

namespace td::twilio {

/** The Twilio (Video, Conversations, Sync, Voice) module. */
const ProviderModule& module();

/** A Twilio API key prepared for minting. */
class PreparedTwilio final : public PreparedMinter {
public:
    explicit PreparedTwilio(TwilioMinter minter) : m_minter(std::move(minter)) {}
    Result<MintedToken> mint(const mint::MintPlan& plan, const Clock& clock,
                             const crypto::RandomSource& random) const override;
    Result<MintedToken> mintGrants(const TwilioGrants& grants, qint64 ttlSeconds, const Clock& clock) const
    {
        return m_minter.mint(grants, ttlSeconds, clock);
    }

private:
    TwilioMinter m_minter;
};

} // namespace td::twilio
