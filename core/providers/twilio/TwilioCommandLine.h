// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"

namespace td::twilio {

/** tokendesk-cli mint twilio's own options. */
QList<OptionSpec> mintOptions();
/** The token the options describe, minted with `module` (the Twilio module). */
Result<MintedToken> mintFromArguments(const ProviderModule& module, const MintArguments& args);
/** tokendesk-cli bench --provider twilio. */
Result<BenchMint> benchMinter(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock);

} // namespace td::twilio
