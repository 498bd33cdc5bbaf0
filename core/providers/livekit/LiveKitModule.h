// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"
#include "core/providers/livekit/LiveKitGrants.h"
#include "core/providers/livekit/LiveKitToken.h"

namespace td::livekit {

/** The LiveKit access-token module (HS256 JWT, video/sip/agent grants). */
const ProviderModule& module();

/** A LiveKit profile's prepared minter; the batch mints claims already read, without a JSON round trip. */
class PreparedLiveKit final : public PreparedMinter {
public:
    explicit PreparedLiveKit(LiveKitMinter minter) : m_minter(std::move(minter)) {}
    Result<MintedToken> mint(const mint::MintPlan& plan, const Clock& clock,
                             const crypto::RandomSource& random) const override;
    Result<MintedToken> mintClaims(const LiveKitClaims& claims, qint64 ttlSeconds, const Clock& clock,
                                   const QJsonObject& extraClaims = {}) const;

private:
    LiveKitMinter m_minter;
};

/** LiveKit Meet's custom-server link, or "" without a server URL or room. */
QString meetLink(const QString& serverUrl, const QString& room, const QByteArray& token);

/** The grants of claims already read, in a few words ("join, no publish, subscribe"). */
QString grantsSummary(const LiveKitClaims& claims);

} // namespace td::livekit
