// SPDX-License-Identifier: MIT
// Commands declare what they accept as data: one parser reads it, --help prints it and the shell completions are
// generated from it, so the three cannot drift apart.
#pragma once

#include "core/providers/CommandLine.h"

#include <QCommandLineParser>
#include <QList>
#include <QStringList>

#include <optional>

namespace td::cli {

class CliContext;

/** A positional argument, as --help lists it and a shell completes it. */
struct PositionalSpec {
    const char* name = "";
    const char* help = "";
    Complete complete = Complete::Nothing;
    const char* choices = nullptr;
};

/** An action named by the first positional argument (profile list, profile add, ...): for completion. */
struct ActionSpec {
    QString name;
    QString summary;
    /** The options that matter to this action (the command accepts all of its options with every action). */
    QStringList options;
    /** What its argument after the action is (profile show NAME, profile import FILE). */
    Complete argument = Complete::Nothing;
};

/** Everything a command accepts: its --help description, positional arguments, options and actions. */
struct CommandSpec {
    QString description;
    QList<PositionalSpec> positionals;
    QList<OptionSpec> options;
    QList<ActionSpec> actions;

    CommandSpec& add(std::initializer_list<OptionSpec> more)
    {
        options.append(more);
        return *this;
    }
    template <typename Range> CommandSpec& add(const Range& more)
    {
        for (const OptionSpec& o : more)
            options.append(o);
        return *this;
    }
    const OptionSpec* find(const QString& name) const;
};

/**
 * The one parser of the CLI: sets the parser up from the spec (adding --help) and processes the arguments. Returns an
 * exit code when the command should stop: 2 after printing the parser's error, 0 after printing the help text;
 * nullopt to go on.
 */
std::optional<int> parseCommand(QCommandLineParser& parser, const CommandSpec& spec, const QStringList& args,
                                CliContext& context);

/** Text that lives as long as the program (an OptionSpec made at run time holds `const char*`). */
const char* persistentText(const QString& text);
/** The provider names --provider takes, from the registry, joined by `separator` ("livekit zego jaas jitsi"). */
const char* providerNames(const char* separator = " ");
/** "livekit, zego, jaas or jitsi", the first one marked `firstMark` (" (default)") when given. */
QString providerNameList(const QString& firstMark = {});

/** --profile, --config-dir and --secret-store. */
extern const OptionSpec kCredentialOptions[3];
/** The credential options plus --provider and --env-file: a profile, or a provider's variables (batch, matrix). */
extern const OptionSpec kProfileOrEnvironmentOptions[5];
/** --json, --env-file, --ttl and the credential options, which every mint command has. */
extern const OptionSpec kCommonMintOptions[6];
/** --clock and --seed, which batch and matrix share. */
extern const OptionSpec kReproducibleOptions[2];

} // namespace td::cli
