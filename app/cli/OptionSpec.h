// SPDX-License-Identifier: MIT
// Commands declare what they accept as data: one parser reads it, --help prints it and the shell completions are
// generated from it, so the three cannot drift apart.
#pragma once

#include <QCommandLineParser>
#include <QList>
#include <QStringList>

#include <optional>

namespace td::cli {

class CliContext;

/** What a shell offers for an option's value or a positional argument. */
enum class Complete : quint8 { Nothing, File, Directory, Choice, ProfileName };

/** One option: --name, its value's name in --help (none for a flag), its help line and how a shell completes it. */
struct OptionSpec {
    const char* name = "";
    const char* valueName = nullptr; // nullptr: a flag without a value
    const char* help = "";
    Complete complete = Complete::Nothing;
    const char* choices = nullptr; // Complete::Choice: space-separated; by default the value name's a|b|c
    bool repeatable = false;       // the command reads every value given (QCommandLineParser::values)

    constexpr OptionSpec repeat() const
    {
        OptionSpec o = *this;
        o.repeatable = true;
        return o;
    }
    constexpr OptionSpec file() const { return completing(Complete::File); }
    constexpr OptionSpec directory() const { return completing(Complete::Directory); }
    constexpr OptionSpec profileName() const { return completing(Complete::ProfileName); }
    /** Completes to these words (space-separated), or without an argument to the value name's a|b|c. */
    constexpr OptionSpec oneOf(const char* words = nullptr) const
    {
        OptionSpec o = completing(Complete::Choice);
        o.choices = words;
        return o;
    }
    bool takesValue() const { return valueName != nullptr; }
    QString longName() const { return QStringLiteral("--") + QLatin1String(name); }
    /** The words a shell offers for the value (Complete::Choice). */
    QStringList choiceList() const;

private:
    constexpr OptionSpec completing(Complete complete_) const
    {
        OptionSpec o = *this;
        o.complete = complete_;
        return o;
    }
};

/** A flag (no value). */
constexpr OptionSpec flag(const char* name, const char* help)
{
    return OptionSpec{name, nullptr, help};
}
/** An option taking a value, shown as --name <VALUE> in --help. */
constexpr OptionSpec option(const char* name, const char* valueName, const char* help)
{
    return OptionSpec{name, valueName, help};
}

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

/** The provider names --provider takes, for completion. */
inline constexpr const char* kProviderNames = "livekit zego jaas jitsi";

/** --profile, --config-dir and --secret-store. */
extern const OptionSpec kCredentialOptions[3];
/** The credential options plus --provider and --env-file: a profile, or a provider's variables (batch, matrix). */
extern const OptionSpec kProfileOrEnvironmentOptions[5];
/** --json, --env-file, --ttl and the credential options, which every mint command has. */
extern const OptionSpec kCommonMintOptions[6];
/** --clock and --seed, which batch and matrix share. */
extern const OptionSpec kReproducibleOptions[2];

} // namespace td::cli
