// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/MintCommand.h"

namespace td::cli {

/** tokendesk-cli mint zego */
class MintZegoCommand final : public MintCommand {
protected:
    Provider provider() const override { return Provider::Zego; }
    QString description() const override;
    QList<OptionSpec> providerOptions() const override;
    MintOutcome mint(const QCommandLineParser& parser, CliContext& context) const override;
};

} // namespace td::cli
