// SPDX-License-Identifier: MIT
#include "app/cli/ProfileCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/ProfileActions.h"

namespace td::cli {
namespace {

const OptionSpec kOptions[] = {
    option("name", "NAME", "Profile name (add)."),
    flag("json", "JSON output (list, show)."),
    flag("reveal", "show: print the secrets themselves."),
    flag("orphans", "list: secrets in the store that no profile uses."),
    flag("remove", "list --orphans: delete them."),
    flag("names", "list: the profile names alone, one a line (for shell completion)."),
    flag("from-env", "import: from the process environment."),
    option("prefix", "P", "import: name prefix of imported profiles."),
    flag("replace", "import/add: overwrite profiles of the same name."),
    option("output", "FILE", "export: write to this file.").file(),
    flag("with-secrets", "export: an encrypted bundle with the secrets."),
    option("env-file", "FILE", "Read --X-env variables from an env file too.").file(),
};

const OptionSpec kStoreOptions[] = {
    option("config-dir", "DIR", "Profiles and vault directory (or TOKENDESK_CONFIG_DIR).").directory(),
    option("secret-store", "STORE", "keychain or vault.").oneOf("keychain vault"),
    option("profile", "NAME", "(unused here)"),
};

struct Action {
    const char* name;
    const char* summary;
    int (*run)(const ProfileRequest&);
    const char* options; // the options that matter to it (space-separated), besides the store options
    bool fields;         // the profile's field and secret flags matter too (--provider only where listed)
    Complete argument;
};

const Action kActions[] = {
    {"list", "list the profiles", listProfiles, "json names orphans remove", false, Complete::Nothing},
    {"show", "print a profile as JSON", showProfile, "json reveal", false, Complete::ProfileName},
    {"add", "add a profile", addProfile, "name provider replace env-file", true, Complete::Nothing},
    {"edit", "change a profile's fields or secrets", editProfile, "env-file", true, Complete::ProfileName},
    {"remove", "remove a profile and its secrets", removeProfile, "", false, Complete::ProfileName},
    {"import", "import profiles from a file or the environment", importProfiles, "from-env prefix replace env-file",
     false, Complete::File},
    {"export", "export the profiles (--with-secrets: an encrypted bundle)", exportProfiles, "output with-secrets",
     false, Complete::Nothing},
};

ActionSpec actionSpec(const Action& a)
{
    ActionSpec spec{QString::fromLatin1(a.name), QString::fromLatin1(a.summary),
                    QString::fromLatin1(a.options).split(QLatin1Char(' '), Qt::SkipEmptyParts), a.argument};
    if (a.fields) {
        for (const OptionSpec& o : profileFieldOptions()) {
            if (!spec.options.contains(QLatin1String(o.name)) && QLatin1String(o.name) != QLatin1String("provider"))
                spec.options << QString::fromLatin1(o.name);
        }
    }
    spec.options << QStringLiteral("config-dir") << QStringLiteral("secret-store");
    return spec;
}

} // namespace

CommandSpec ProfileCommand::spec() const
{
    CommandSpec spec{
        QStringLiteral("Manage provider profiles.\n  profile list | show NAME [--reveal] | add NAME --provider P ... | "
                       "edit NAME ... |\n"
                       "  remove NAME | import FILE|--from-env [--prefix P] [--replace] | export [--output F] "
                       "[--with-secrets]"),
        {{"action", "list, show, add, edit, remove, import, export"}},
        {},
        {}};
    spec.add(kOptions).add(profileFieldOptions()).add(kStoreOptions);
    for (const Action& a : kActions)
        spec.actions << actionSpec(a);
    return spec;
}

int ProfileCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    if (auto stop = parseCommand(parser, spec(), args, context))
        return *stop;
    if (parser.isSet(QStringLiteral("profile")))
        return context.error(ExitUsage,
                             QStringLiteral("profile commands name the profile as an argument, not with --profile"));
    if (auto ok = context.applyCredentialOptions(parser, std::nullopt); !ok)
        return context.exitWith(ok.error());
    if (parser.isSet(QStringLiteral("env-file"))) {
        if (auto ok = context.loadEnvFile(parser.value(QStringLiteral("env-file"))); !ok)
            return context.exitWith(ok.error());
    }
    const ProfileRequest request{parser, context, parser.positionalArguments(), **context.profileStore()};
    for (const Action& a : kActions) {
        if (request.positional.value(0) == QLatin1String(a.name))
            return a.run(request);
    }
    return context.error(ExitUsage, QStringLiteral("profile takes list, show, add, edit, remove, import or export"));
}

} // namespace td::cli
