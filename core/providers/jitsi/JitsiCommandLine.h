// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"

namespace td::jitsi {

/** tokendesk-cli mint jaas (`jaas`) or mint jitsi's own options. */
QList<OptionSpec> mintOptions(bool jaas);
/** The token the options describe, minted with `module` (the JaaS or the self-hosted module). */
Result<MintedToken> mintFromArguments(const ProviderModule& module, const MintArguments& args, bool jaas);

/** tokendesk-cli bench --provider jaas (`jaas`, with a throw-away key) or jitsi. */
Result<BenchMint> benchMinter(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock,
                              bool jaas);

} // namespace td::jitsi
