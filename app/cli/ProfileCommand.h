// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/Command.h"

namespace td::cli {

/** tokendesk-cli profile list|show|add|edit|remove|import|export */
class ProfileCommand final : public Command {
public:
    CommandSpec spec() const override;
    int run(const QStringList& args, CliContext& context) override;
};

} // namespace td::cli
