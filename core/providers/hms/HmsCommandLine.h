// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"

namespace td::hms {

/** tokendesk-cli mint 100ms's own options. */
QList<OptionSpec> mintOptions();
/** The token the options describe, minted with `module` (the 100ms module). */
Result<MintedToken> mintFromArguments(const ProviderModule& module, const MintArguments& args);
/** tokendesk-cli bench --provider 100ms. */
Result<BenchMint> benchMinter(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock);

} // namespace td::hms
