// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/OptionSpec.h"
#include "core/Error.h"

#include <QStringList>

namespace td::cli {

class CliContext;

/** Exit codes scripts rely on. */
enum ExitCode : int { ExitOk = 0, ExitInvalid = 1, ExitUsage = 2, ExitInternal = 3 };

/**
 * The one mapping from a core error to tokendesk-cli's exit code: 1 when the token under test is at fault
 * (unreadable, badly signed, expired or not yet valid, a required claim missing, not decryptable), 3 when this
 * machine is (the process could not be hardened), 2 for everything the user gave (values, files, keys,
 * algorithms, credentials, stores).
 */
ExitCode exitCodeFor(ErrorCode code);

/** One sub-command; `args` starts with the program name followed by the sub-command's own arguments. */
class Command {
public:
    virtual ~Command() = default;
    /** What the command accepts; its --help and the shell completions are made from it. */
    virtual CommandSpec spec() const = 0;
    virtual int run(const QStringList& args, CliContext& context) = 0;
};

} // namespace td::cli
