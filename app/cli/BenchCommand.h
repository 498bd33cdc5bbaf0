// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/Command.h"

namespace td::cli {

/** tokendesk-cli bench */
class BenchCommand final : public Command {
public:
    CommandSpec spec() const override;
    int run(const QStringList& args, CliContext& context) override;
};

} // namespace td::cli
