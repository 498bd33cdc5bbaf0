// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/Command.h"

namespace td::cli {

/** tokendesk-cli completion bash|zsh|fish: prints the shell's completion script, made from the option tables. */
class CompletionCommand final : public Command {
public:
    CommandSpec spec() const override;
    int run(const QStringList& args, CliContext& context) override;
};

} // namespace td::cli
