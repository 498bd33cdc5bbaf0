// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/Command.h"
#include "core/Error.h"
#include "core/providers/MintedToken.h"
#include "core/providers/Provider.h"

#include <expected>

namespace td::cli {

/** Why a mint stopped: the message for stderr (a mint command then exits with 2). */
using MintOutcome = std::expected<MintedToken, QString>;

/**
 * The four mint commands share one flow: their own options plus --json, --env-file, --ttl and the credential
 * options; refuse positional arguments, load --env-file and --profile, mint, and print the token (or --json).
 */
class MintCommand : public Command {
public:
    CommandSpec spec() const final;
    int run(const QStringList& args, CliContext& context) final;

protected:
    virtual Provider provider() const = 0;
    virtual QString description() const = 0;
    /** The provider's own options, listed in --help before the common ones. */
    virtual QList<OptionSpec> providerOptions() const = 0;
    virtual MintOutcome mint(const QCommandLineParser& parser, CliContext& context) const = 0;
};

/** A failed mint for a core error: its message. */
inline std::unexpected<QString> stop(const Error& e)
{
    return std::unexpected(e.message);
}
inline std::unexpected<QString> stop(const QString& message)
{
    return std::unexpected(message);
}

/** --ttl, else the profile's default TTL, else `defaultSeconds`. */
Result<qint64> ttlOption(const QCommandLineParser& parser, qint64 defaultSeconds, const CliContext& context);
/** A true|false flag: nullopt when not given; the error names the flag. */
std::expected<std::optional<bool>, QString> boolFlag(const QCommandLineParser& parser, const QString& flag);

} // namespace td::cli
