// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/MintCommand.h"

namespace td::cli {

/** tokendesk-cli mint jaas / mint jitsi */
class MintJitsiCommand final : public MintCommand {
public:
    /** jaas: 8x8 JaaS (RS256); otherwise self-hosted Jitsi/Prosody. */
    explicit MintJitsiCommand(bool jaas) : m_jaas(jaas) {}

protected:
    Provider provider() const override { return m_jaas ? Provider::Jaas : Provider::Jitsi; }
    QString description() const override;
    QList<OptionSpec> providerOptions() const override;
    MintOutcome mint(const QCommandLineParser& parser, CliContext& context) const override;

private:
    bool m_jaas;
};

} // namespace td::cli
