// SPDX-License-Identifier: MIT
// What a provider's `tokendesk-cli mint <provider>` command accepts, as data the module owns: the CLI parses,
// documents and completes these options, and hands the parsed values back to the module through MintArguments.
#pragma once

#include "core/Clock.h"
#include "core/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace td {

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

/**
 * The options of one `mint <provider>` run as the CLI parsed them, and what the command line knows beyond them
 * (the profile given with --profile, --env-file, the environment, --clock). Option names are without "--".
 */
class MintArguments {
public:
    virtual ~MintArguments() = default;
    virtual bool isSet(const QString& option) const = 0;
    virtual QString value(const QString& option) const = 0;
    virtual QStringList values(const QString& option) const = 0;
    /** A credential: the option's value if given, else the profile's, the env file's or the environment's variable. */
    virtual QByteArray credential(const QString& option, const QString& variable) const = 0;
    /** The variable from the profile, the env file or the environment (empty when unset). */
    virtual QByteArray environmentValue(const QString& variable) const = 0;
    /** The --profile's default for a mint field ("room", "ttl", "cipher", "audience"), or "". */
    virtual QString profileDefault(const QString& field) const = 0;
    /** A file's contents ("-": standard input), size-limited; the error names the file. */
    virtual Result<QByteArray> readFile(const QString& pathOrDash) const = 0;
    virtual const Clock& clock() const = 0;
    /** A line for standard error that is not an error (what a default chose). */
    virtual void notice(const QString& text) const = 0;

    /** The option's value if given, else the profile's default for `field`. */
    QString valueOrProfile(const QString& option, const QString& field) const
    {
        return isSet(option) ? value(option) : profileDefault(field);
    }
    /** --ttl, else the profile's default TTL, else `defaultSeconds`. */
    Result<qint64> ttl(qint64 defaultSeconds) const;
    /** A true|false option: nullopt when not given; the error names the option. */
    Result<std::optional<bool>> boolOption(const QString& option) const;
};

/** true/1/yes or false/0/no, any case, spaces around ignored; nullopt for anything else. */
std::optional<bool> parseBool(const QString& text);

/** A usage error of a mint command's options (InvalidValue, the message as the CLI prints it). */
Error optionError(const QString& message);

} // namespace td
