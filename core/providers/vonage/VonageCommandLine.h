// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/ProviderModule.h"

namespace td::vonage {

/** tokendesk-cli mint vonage and mint opentok: their own options. */
QList<OptionSpec> vonageMintOptions();
QList<OptionSpec> openTokMintOptions();
/** The tokens the options describe, minted with `module` (the Vonage or the OpenTok module). */
Result<MintedToken> mintVonage(const ProviderModule& module, const MintArguments& args);
Result<MintedToken> mintOpenTok(const ProviderModule& module, const MintArguments& args);
/** tokendesk-cli bench --provider vonage | opentok. */
Result<BenchMint> vonageBench(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock);
Result<BenchMint> openTokBench(const ProviderModule& module, const BenchCredentials& credential, const Clock& clock);

} // namespace td::vonage
