// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/Command.h"

namespace td::cli {

/** tokendesk-cli mint jaas / mint jitsi */
class MintJitsiCommand final : public Command {
public:
    /** jaas: 8x8 JaaS (RS256); otherwise self-hosted Jitsi/Prosody. */
    explicit MintJitsiCommand(bool jaas) : m_jaas(jaas) {}
    int run(const QStringList& args, CliContext& context) override;

private:
    bool m_jaas;
};

} // namespace td::cli
