// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/Command.h"

namespace td::cli {

/** tokendesk-cli decode and verify */
class InspectCommand final : public Command {
public:
    /** verify: credentials are expected and a token that fails them exits 1. */
    explicit InspectCommand(bool verify) : m_verify(verify) {}
    int run(const QStringList& args, CliContext& context) override;

private:
    bool m_verify;
};

} // namespace td::cli
