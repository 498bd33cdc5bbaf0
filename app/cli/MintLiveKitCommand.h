// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/MintCommand.h"

namespace td::cli {

/** tokendesk-cli mint livekit */
class MintLiveKitCommand final : public MintCommand {
protected:
    Provider provider() const override { return Provider::LiveKit; }
    QString description() const override;
    QList<OptionSpec> providerOptions() const override;
    MintOutcome mint(const QCommandLineParser& parser, CliContext& context) const override;
};

} // namespace td::cli
