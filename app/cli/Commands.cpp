// SPDX-License-Identifier: MIT
#include "app/cli/Commands.h"

#include "app/cli/BatchCommand.h"
#include "app/cli/BenchCommand.h"
#include "app/cli/CompletionCommand.h"
#include "app/cli/InspectCommand.h"
#include "app/cli/MatrixCommand.h"
#include "app/cli/MintCommand.h"
#include "app/cli/ProfileCommand.h"
#include "app/cli/ServeCommand.h"
#include "core/providers/Registry.h"

#include <vector>

namespace td::cli {
namespace {

template <typename T, auto... Args> std::unique_ptr<Command> make()
{
    return std::make_unique<T>(Args...);
}

struct FixedEntry {
    const char* path;
    const char* summary;
    std::unique_ptr<Command> (*make)();
};

/** The commands after `mint <provider>`, one per provider module, which come first. */
const FixedEntry kCommands[] = {
    {"decode", "decode and explain a token without verifying it", make<InspectCommand, false>},
    {"verify", "verify a token against credentials and explain it", make<InspectCommand, true>},
    {"batch", "mint a token for every row of a CSV or JSON file", make<BatchCommand>},
    {"matrix", "every combination of chosen permissions, with the expected behaviour", make<MatrixCommand>},
    {"bench", "mint in-process and report tokens per second", make<BenchCommand>},
    {"profile", "list, show, add, edit, remove, import and export provider profiles", make<ProfileCommand>},
    {"serve", "run the local token server (--config FILE)", make<ServeCommand>},
    {"completion", "print the bash, zsh or fish completion script", make<CompletionCommand>},
};

const char kUsageHead[] = R"(Usage: tokendesk-cli <command> [options]

Mint, decode, verify and explain %1 access tokens.

Commands:
)";

const char kUsageTail[] = R"(
Run "tokendesk-cli <command> --help" for a command's options.
Exit codes: 0 ok/valid, 1 invalid token or failed verification, 2 usage or input error.
)";

} // namespace

std::span<const CommandEntry> commands()
{
    static const std::vector<CommandEntry> all = [] {
        std::vector<CommandEntry> list;
        for (const ProviderModule* module : providerModules()) {
            list.push_back({QStringLiteral("mint ") + module->name(), QString::fromUtf8(module->mintSummary()),
                            [module] { return std::unique_ptr<Command>(std::make_unique<MintCommand>(*module)); }});
        }
        for (const FixedEntry& c : kCommands)
            list.push_back({QString::fromLatin1(c.path), QString::fromLatin1(c.summary), c.make});
        return list;
    }();
    return all;
}

const CommandEntry* findCommand(const QString& first, const QString& second)
{
    for (const CommandEntry& c : commands()) {
        const QStringList words = c.words();
        if (words.first() == first && (words.size() == 1 || words.value(1) == second))
            return &c;
    }
    return nullptr;
}

QString usageText()
{
    QString text = QString::fromLatin1(kUsageHead).arg(providerDisplayNames());
    for (const CommandEntry& c : commands())
        text += QStringLiteral("  %1%2\n").arg(c.path.leftJustified(15), c.summary);
    return text + QString::fromLatin1(kUsageTail);
}

} // namespace td::cli
