// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/Command.h"

namespace td::cli {

/** tokendesk-cli serve --config FILE: the local token server, headless. */
class ServeCommand final : public Command {
public:
    CommandSpec spec() const override;
    int run(const QStringList& args, CliContext& context) override;
};

} // namespace td::cli
