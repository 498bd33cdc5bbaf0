// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/Command.h"

#include <functional>
#include <memory>
#include <span>

namespace td::cli {

/** One entry of the command table: the words that name it, its line in tokendesk-cli --help, and how to make it. */
struct CommandEntry {
    QString path; // "mint livekit", "decode"
    QString summary;
    std::function<std::unique_ptr<Command>()> make;

    QStringList words() const { return path.split(QLatin1Char(' ')); }
};

/** Every command, in the order tokendesk-cli --help lists them. */
std::span<const CommandEntry> commands();
/** The command named by the first one or two arguments (two for mint), or nullptr. */
const CommandEntry* findCommand(const QString& first, const QString& second);
/** tokendesk-cli --help. */
QString usageText();

} // namespace td::cli
