// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"

namespace td::livekit {

/** tokendesk-cli mint livekit's own options. */
QList<OptionSpec> mintOptions();
/** The token the options describe, minted with `module` (the LiveKit module). */
Result<MintedToken> mintFromArguments(const ProviderModule& module, const MintArguments& args);

/** tokendesk-cli bench --provider livekit. */
Result<BenchMint> benchMinter(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock);

} // namespace td::livekit
