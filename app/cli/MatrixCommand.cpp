// SPDX-License-Identifier: MIT
#include "app/cli/MatrixCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/Reproducible.h"
#include "core/Duration.h"
#include "core/batch/BatchMinter.h"
#include "core/batch/PermissionMatrix.h"

#include <QFileInfo>
#include <QRegularExpression>
#include "core/batch/ReportFormat.h"
#include "core/io/PrivateFile.h"

namespace td::cli {
namespace {

QList<QStringList> lists(const QStringList& values)
{
    static const QRegularExpression separators(QStringLiteral("[+|,\\s]+"));
    QList<QStringList> out;
    for (const QString& value : values) {
        const QString v = value.trimmed();
        out << ((v == QStringLiteral("all") || v == QStringLiteral("any") || v.isEmpty())
                    ? QStringList()
                    : v.split(separators, Qt::SkipEmptyParts));
    }
    return out;
}

const char kDescription[] =
    "Mint every combination of chosen permissions for a QA run, each with its join link and the expected behaviour in "
    "words, as a CSV, Markdown or self-contained HTML checklist.\n"
    "Dimensions: LiveKit canPublish, canPublishSources, canSubscribe, hidden, roomAdmin; Jitsi/JaaS moderator and "
    "feature:<name> for each --feature; Zego login, publish, streams.\n"
    "Exit codes: 0 every combination minted, 1 some failed, 2 usage error.";

const OptionSpec kOptions[] = {
    option("room", "name", "Room every combination joins (default: the profile's)."),
    option("prefix", "text", "Identity prefix: <prefix>-01, <prefix>-02, ... (default qa)."),
    option("ttl", "duration", "Token lifetime (default: the profile's, else the provider's)."),
    option("dimension", "key", "Vary this dimension (repeat; default: all of the provider's).").repeat(),
    option("source-set", "sources",
           "LiveKit: a canPublishSources value to try, e.g. camera+microphone, or all (repeat).")
        .repeat(),
    option("feature", "name",
           "Jitsi/JaaS: a feature to vary (repeat; default recording, livestreaming, transcription, outbound-call).")
        .repeat(),
    option("stream-list", "ids", "Zego: a stream_id_list to try, e.g. s1+s2, or any (repeat).").repeat(),
    option("output", "file", "Report file: .html, .md or .csv (replaced atomically, mode 0600).").file(),
    flag("list-dimensions", "Print the provider's dimensions and their values, then exit."),
};

/** What to vary, from the options and the profile's defaults. */
std::expected<batch::MatrixSpec, QString> matrixSpec(const QCommandLineParser& parser,
                                                     const credentials::Profile& profile)
{
    batch::MatrixSpec spec;
    spec.room = parser.isSet(QStringLiteral("room")) ? parser.value(QStringLiteral("room")) : profile.room;
    if (parser.isSet(QStringLiteral("prefix")))
        spec.identityPrefix = parser.value(QStringLiteral("prefix"));
    spec.dimensions = parser.values(QStringLiteral("dimension"));
    spec.sourceSets = lists(parser.values(QStringLiteral("source-set")));
    spec.features = parser.values(QStringLiteral("feature"));
    spec.streamLists = lists(parser.values(QStringLiteral("stream-list")));
    const QString ttlText = parser.isSet(QStringLiteral("ttl")) ? parser.value(QStringLiteral("ttl")) : profile.ttl;
    if (!ttlText.isEmpty()) {
        auto ttl = parseDuration(ttlText);
        if (!ttl)
            return std::unexpected(QStringLiteral("--ttl: ") + ttl.error().message);
        spec.ttlSeconds = *ttl;
    }
    return spec;
}

int listDimensions(const credentials::Profile& profile, const batch::MatrixSpec& spec, CliContext& context)
{
    for (const batch::MatrixDimension& d : batch::matrixDimensions(profile.provider, spec)) {
        QStringList values;
        for (const auto& value : d.values)
            values << value.first;
        context.out() << d.key << "  (" << d.label << "): " << values.join(QStringLiteral(", ")) << '\n';
    }
    return ExitOk;
}

/** The report format --output's suffix names. */
std::expected<batch::Format, QString> formatFor(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("output")))
        return std::unexpected(QStringLiteral("matrix needs --output FILE (.html, .md or .csv)"));
    const QString output = parser.value(QStringLiteral("output"));
    if (const auto format = batch::chooseFormat(output, batch::FileUse::MatrixReport))
        return *format;
    return std::unexpected(QStringLiteral("cannot tell the format of %1: use .html, .md or .csv").arg(output));
}

/** Mints every combination, with --clock and --seed (refused for a prod profile). */
std::expected<batch::Matrix, QString> build(const QCommandLineParser& parser, const credentials::Profile& profile,
                                            const crypto::SecretMap& secrets, const batch::MatrixSpec& spec,
                                            const CliContext& context)
{
    auto reproducible = reproducibleOptions(parser);
    if (!reproducible)
        return std::unexpected(reproducible.error().message);
    if (reproducible->seed || reproducible->fixedClock) {
        if (const QString refusal = batch::reproducibleRefusal(profile); !refusal.isEmpty())
            return std::unexpected(refusal);
    }
    auto minter = mint::PlanMinter::create(profile, secrets);
    if (!minter)
        return std::unexpected(minter.error().message);
    const Clock& clock = reproducible->fixedClock ? *reproducible->fixedClock : context.clock();
    auto matrix = batch::buildMatrix(*minter, spec, clock, reproducible->seed);
    if (!matrix)
        return std::unexpected(matrix.error().message);
    return std::move(*matrix);
}

/** The failed rows and the summary on stderr; 1 when a row failed. */
int summarise(const batch::Matrix& matrix, const QString& output, CliContext& context)
{
    qsizetype failed = 0;
    for (const batch::MatrixRow& row : matrix.rows) {
        if (!row.error.isEmpty()) {
            ++failed;
            context.err() << QStringLiteral("row %1 (%2): %3\n").arg(row.number).arg(row.identity, row.error);
        }
    }
    context.err() << QStringLiteral("%1 combinations of %2 -> %3\n")
                         .arg(matrix.rows.size())
                         .arg(matrix.dimensionLabels.join(QStringLiteral(", ")), output);
    context.err().flush();
    return failed > 0 ? ExitInvalid : ExitOk;
}

} // namespace

CommandSpec MatrixCommand::spec() const
{
    CommandSpec spec{QString::fromLatin1(kDescription), {}, {}, {}};
    return spec.add(kProfileOrEnvironmentOptions).add(kOptions).add(kReproducibleOptions);
}

int MatrixCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    if (auto stop = parseCommand(parser, spec(), args, context))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return context.error(ExitUsage,
                             QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    auto loaded = context.profileOrEnvironment(parser);
    if (!loaded)
        return context.exitWith(loaded.error());
    const auto& [profile, secrets] = *loaded;
    auto plan = matrixSpec(parser, profile);
    if (!plan)
        return context.error(ExitUsage, plan.error());
    if (parser.isSet(QStringLiteral("list-dimensions")))
        return listDimensions(profile, *plan, context);
    auto format = formatFor(parser);
    if (!format)
        return context.error(ExitUsage, format.error());
    auto matrix = build(parser, profile, secrets, *plan, context);
    if (!matrix)
        return context.error(ExitUsage, matrix.error());
    const QString output = parser.value(QStringLiteral("output"));
    if (auto ok = io::writeFileAtomically(output, batch::matrixReport(*matrix, *format)); !ok)
        return context.exitWith(ok.error());
    return summarise(*matrix, output, context);
}

} // namespace td::cli
