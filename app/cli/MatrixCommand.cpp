// SPDX-License-Identifier: MIT
#include "app/cli/MatrixCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/Reproducible.h"
#include "core/Duration.h"
#include "core/batch/BatchMinter.h"
#include "core/batch/PermissionMatrix.h"

#include <QRegularExpression>
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

} // namespace

int MatrixCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Mint every combination of chosen permissions for a QA run, each with its join link and the expected "
        "behaviour in words, as a CSV, Markdown or self-contained HTML checklist.\n"
        "Dimensions: LiveKit canPublish, canPublishSources, canSubscribe, hidden, roomAdmin; Jitsi/JaaS moderator "
        "and feature:<name> for each --feature; Zego login, publish, streams.\n"
        "Exit codes: 0 every combination minted, 1 some failed, 2 usage error."));
    addProfileOrEnvironmentOptions(parser);
    parser.addOptions({
        {QStringLiteral("room"), QStringLiteral("Room every combination joins (default: the profile's)."),
         QStringLiteral("name")},
        {QStringLiteral("prefix"), QStringLiteral("Identity prefix: <prefix>-01, <prefix>-02, ... (default qa)."),
         QStringLiteral("text")},
        {QStringLiteral("ttl"), QStringLiteral("Token lifetime (default: the profile's, else the provider's)."),
         QStringLiteral("duration")},
        {QStringLiteral("dimension"), QStringLiteral("Vary this dimension (repeat; default: all of the provider's)."),
         QStringLiteral("key")},
        {QStringLiteral("source-set"),
         QStringLiteral("LiveKit: a canPublishSources value to try, e.g. camera+microphone, or all (repeat)."),
         QStringLiteral("sources")},
        {QStringLiteral("feature"),
         QStringLiteral(
             "Jitsi/JaaS: a feature to vary (repeat; default recording, livestreaming, transcription, outbound-call)."),
         QStringLiteral("name")},
        {QStringLiteral("stream-list"), QStringLiteral("Zego: a stream_id_list to try, e.g. s1+s2, or any (repeat)."),
         QStringLiteral("ids")},
        {QStringLiteral("output"), QStringLiteral("Report file: .html, .md or .csv (replaced atomically, mode 0600)."),
         QStringLiteral("file")},
        {QStringLiteral("list-dimensions"),
         QStringLiteral("Print the provider's dimensions and their values, then exit.")},
    });
    addReproducibleOptions(parser);
    if (auto stop = parseArguments(parser, args, context))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return context.error(ExitUsage,
                             QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    auto loaded = context.profileOrEnvironment(parser);
    if (!loaded)
        return context.error(ExitUsage, loaded.error());
    const auto& [profile, secrets] = *loaded;

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
            return context.error(ExitUsage, QStringLiteral("--ttl: ") + ttl.error().message);
        spec.ttlSeconds = *ttl;
    }

    if (parser.isSet(QStringLiteral("list-dimensions"))) {
        for (const batch::MatrixDimension& d : batch::matrixDimensions(profile.provider, spec)) {
            QStringList values;
            for (const auto& value : d.values)
                values << value.first;
            context.out() << d.key << "  (" << d.label << "): " << values.join(QStringLiteral(", ")) << '\n';
        }
        return ExitOk;
    }
    if (!parser.isSet(QStringLiteral("output")))
        return context.error(ExitUsage, QStringLiteral("matrix needs --output FILE (.html, .md or .csv)"));
    const QString output = parser.value(QStringLiteral("output"));
    const auto format = batch::chooseFormat(output, batch::FileUse::MatrixReport);
    if (!format)
        return context.error(ExitUsage,
                             QStringLiteral("cannot tell the format of %1: use .html, .md or .csv").arg(output));

    auto reproducible = reproducibleOptions(parser);
    if (!reproducible)
        return context.error(ExitUsage, reproducible.error());
    if (reproducible->seed || reproducible->fixedClock) {
        if (const QString refusal = batch::reproducibleRefusal(profile); !refusal.isEmpty())
            return context.error(ExitUsage, refusal);
    }
    auto minter = mint::PlanMinter::create(profile, secrets);
    if (!minter)
        return context.error(ExitUsage, minter.error());
    const Clock& clock = reproducible->fixedClock ? *reproducible->fixedClock : context.clock();
    auto matrix = batch::buildMatrix(*minter, spec, clock, reproducible->seed);
    if (!matrix)
        return context.error(ExitUsage, matrix.error());

    if (auto ok = io::writeFileAtomically(output, batch::matrixReport(*matrix, *format)); !ok)
        return context.error(ExitUsage, ok.error());

    qsizetype failed = 0;
    for (const batch::MatrixRow& row : matrix->rows) {
        if (!row.error.isEmpty()) {
            ++failed;
            context.err() << QStringLiteral("row %1 (%2): %3\n").arg(row.number).arg(row.identity, row.error);
        }
    }
    context.err() << QStringLiteral("%1 combinations of %2 -> %3\n")
                         .arg(matrix->rows.size())
                         .arg(matrix->dimensionLabels.join(QStringLiteral(", ")), output);
    context.err().flush();
    return failed > 0 ? ExitInvalid : ExitOk;
}

} // namespace td::cli
