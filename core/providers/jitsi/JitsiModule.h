// SPDX-License-Identifier: MIT
#pragma once

#include "core/crypto/RsaKey.h"
#include "core/providers/ProviderModule.h"

namespace td::jitsi {

/** 8x8 JaaS (RS256 with the console's key, kid AppID/kid). */
const ProviderModule& jaasModule();
/** Self-hosted Jitsi Meet with Prosody's token auth (HS256 app_secret or RS256 ASAP). */
const ProviderModule& selfHostedModule();

/** The profile's RSA private key from its "privateKey" secret, with the PEM loader's diagnosis on failure. */
Result<crypto::RsaPrivateKey> profilePrivateKey(const ProfileSecrets& secrets);

} // namespace td::jitsi
