// SPDX-License-Identifier: MIT
#pragma once

#include "core/crypto/RsaKey.h"
#include "core/crypto/SecretBytes.h"
#include "core/providers/ProviderModule.h"
#include "core/providers/jitsi/JitsiClaims.h"

#include <optional>

namespace td::jitsi {

/** 8x8 JaaS (RS256 with the console's key, kid AppID/kid). */
const ProviderModule& jaasModule();
/** Self-hosted Jitsi Meet with Prosody's token auth (HS256 app_secret or RS256 ASAP). */
const ProviderModule& selfHostedModule();

/** A JaaS or self-hosted profile's prepared minter; callers holding the claims already (the CLI, the server) mint
 *  them as they are, without the plan's JSON (which would reorder context.features). */
class PreparedJitsi final : public PreparedMinter {
public:
    PreparedJitsi(const credentials::Profile& profile, QByteArray secret, std::optional<crypto::RsaPrivateKey> key);

    Result<MintedToken> mint(const mint::MintPlan& plan, const Clock& clock,
                             const crypto::RandomSource& random) const override;
    /** `claims.roomRaw` decides whether the room is written as typed. */
    Result<MintedToken> mintClaims(const JitsiClaims& claims, qint64 ttlSeconds, qint64 notBeforeSkew,
                                   const Clock& clock) const;

private:
    QString m_appId;
    QString m_keyId;
    QString m_audience;
    QString m_subject;
    bool m_jaas;
    crypto::SecretByteArray m_secret;
    std::optional<crypto::RsaPrivateKey> m_privateKey;
};

} // namespace td::jitsi
