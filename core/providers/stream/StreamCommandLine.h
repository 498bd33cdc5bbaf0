// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"

namespace td::stream {

/** tokendesk-cli mint stream's own options. */
QList<OptionSpec> mintOptions();
/** The token the options describe, minted with `module` (the Stream module). */
Result<MintedToken> mintFromArguments(const ProviderModule& module, const MintArguments& args);
/** tokendesk-cli bench --provider stream. */
Result<BenchMint> benchMinter(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock);

} // namespace td::stream
