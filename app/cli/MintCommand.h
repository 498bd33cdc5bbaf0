// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/Command.h"

namespace td {
class ProviderModule;
} // namespace td

namespace td::cli {

/**
 * tokendesk-cli mint <provider>, one per provider module: the module's own options plus --json, --env-file, --ttl
 * and the credential options. Refuses positional arguments, loads --env-file and --profile, lets the module mint
 * from the parsed options, and prints the token (or --json).
 */
class MintCommand final : public Command {
public:
    explicit MintCommand(const ProviderModule& module) : m_module(module) {}
    CommandSpec spec() const override;
    int run(const QStringList& args, CliContext& context) override;

private:
    const ProviderModule& m_module;
};

} // namespace td::cli
