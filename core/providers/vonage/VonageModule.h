// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"
#include "core/providers/vonage/VonageToken.h"

namespace td::vonage {

/** The Vonage Video API module (RS256 client tokens of a Vonage application). */
const ProviderModule& vonageModule();
/** The OpenTok module (T1 tokens, and the HS256 JWT form, of an OpenTok API key). */
const ProviderModule& openTokModule();

/** A Vonage application's private key prepared for minting. */
class PreparedVonage final : public PreparedMinter {
public:
    explicit PreparedVonage(VonageMinter minter) : m_minter(std::move(minter)) {}
    Result<MintedToken> mint(const mint::MintPlan& plan, const Clock& clock,
                             const crypto::RandomSource& random) const override;
    Result<MintedToken> mintClaims(const SessionClaims& claims, qint64 ttlSeconds, const Clock& clock,
                                   const crypto::RandomSource& random = {}) const
    {
        return m_minter.mint(claims, ttlSeconds, clock, random);
    }

private:
    VonageMinter m_minter;
};

/** An OpenTok API key and secret prepared for minting (T1 tokens unless asked for the JWT form). */
class PreparedOpenTok final : public PreparedMinter {
public:
    explicit PreparedOpenTok(OpenTokMinter minter) : m_minter(std::move(minter)) {}
    Result<MintedToken> mint(const mint::MintPlan& plan, const Clock& clock,
                             const crypto::RandomSource& random) const override;
    Result<MintedToken> mintClaims(const SessionClaims& claims, qint64 ttlSeconds, OpenTokFormat format,
                                   const Clock& clock, const crypto::RandomSource& random = {}) const
    {
        return m_minter.mint(claims, ttlSeconds, format, clock, random);
    }

private:
    OpenTokMinter m_minter;
};

} // namespace td::vonage
