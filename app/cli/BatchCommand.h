// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/Command.h"

namespace td::cli {

/** tokendesk-cli batch: mints a token for every row of a CSV or JSON file, streaming. */
class BatchCommand final : public Command {
public:
    CommandSpec spec() const override;
    int run(const QStringList& args, CliContext& context) override;
};

} // namespace td::cli
