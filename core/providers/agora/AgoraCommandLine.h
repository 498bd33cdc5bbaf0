// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"

namespace td::agora {

/** tokendesk-cli mint agora's own options. */
QList<OptionSpec> mintOptions();
/** The token the options describe, minted with `module` (the Agora module). */
Result<MintedToken> mintFromArguments(const ProviderModule& module, const MintArguments& args);
/** tokendesk-cli bench --provider agora. */
Result<BenchMint> benchMinter(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock);

} // namespace td::agora
