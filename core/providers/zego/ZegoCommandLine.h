// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"

namespace td::zego {

/** tokendesk-cli mint zego's own options. */
QList<OptionSpec> mintOptions();
/** The token the options describe, minted with `module` (the ZEGOCLOUD module). */
Result<MintedToken> mintFromArguments(const ProviderModule& module, const MintArguments& args);

/** tokendesk-cli bench --provider zego. */
Result<BenchMint> benchMinter(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock);

} // namespace td::zego
