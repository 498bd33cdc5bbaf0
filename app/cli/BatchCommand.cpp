// SPDX-License-Identifier: MIT
#include "app/cli/BatchCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/Reproducible.h"
#include "core/Duration.h"
#include "core/batch/BatchRun.h"
#include "core/batch/RowIo.h"
#include "core/mint/MintPlan.h"

#include <QElapsedTimer>

#include <csignal>

namespace td::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onInterrupt(int)
{
    g_interrupted = 1;
}

/** Ctrl-C and SIGTERM finish the current row and commit the rows done so far, instead of killing the process. */
class InterruptGuard final {
public:
    InterruptGuard()
    {
        g_interrupted = 0;
        m_int = std::signal(SIGINT, onInterrupt);
        m_term = std::signal(SIGTERM, onInterrupt);
    }
    ~InterruptGuard()
    {
        std::signal(SIGINT, m_int);
        std::signal(SIGTERM, m_term);
    }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    void (*m_int)(int) = nullptr;
    void (*m_term)(int) = nullptr;
};

} // namespace

int BatchCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Mint a token for every row of a CSV or JSON file.\n"
        "Columns: identity, name, room, preset, ttl, and per provider: grants, metadata, attributes, claims (LiveKit); "
        "moderator, features, email, avatar (Jitsi/JaaS); login, publish, streams, kit, cipher (Zego). Other columns "
        "are copied to the output unchanged. The output adds token, joinLink, expiresAt, summary and error.\n"
        "Exit codes: 0 every row minted, 1 some rows failed, 2 usage or unreadable input, 130 interrupted (the "
        "rows done so far are saved)."));
    addProfileOrEnvironmentOptions(parser);
    parser.addOptions({
        {QStringLiteral("input"),
         QStringLiteral("Rows to mint: .csv/.tsv (header row) or .json (array or JSON Lines); - for CSV on stdin."),
         QStringLiteral("file")},
        {QStringLiteral("output"),
         QStringLiteral("Where to write the rows with their tokens: .csv or .json (replaced atomically, mode 0600)."),
         QStringLiteral("file")},
        {QStringLiteral("ttl"),
         QStringLiteral("Lifetime for rows without a ttl (default: the profile's, else the provider's)."),
         QStringLiteral("duration")},
        {QStringLiteral("room"), QStringLiteral("Room for rows without one (default: the profile's)."),
         QStringLiteral("name")},
        {QStringLiteral("strict"), QStringLiteral("Stop at the first bad row and leave the output file untouched.")},
        {QStringLiteral("progress"), QStringLiteral("Show progress on stderr.")},
        {QStringLiteral("quiet"), QStringLiteral("Do not list warnings (row errors are always listed).")},
    });
    addReproducibleOptions(parser);
    if (auto stop = parseArguments(parser, args, context))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return context.error(ExitUsage,
                             QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    for (const char* required : {"input", "output"}) {
        if (!parser.isSet(QLatin1String(required)))
            return context.error(ExitUsage, QStringLiteral("batch needs --%1").arg(QLatin1String(required)));
    }
    auto loaded = context.profileOrEnvironment(parser);
    if (!loaded)
        return context.error(ExitUsage, loaded.error());
    const auto& [profile, secrets] = *loaded;

    batch::BatchOptions options;
    const QString ttlText = parser.isSet(QStringLiteral("ttl")) ? parser.value(QStringLiteral("ttl")) : profile.ttl;
    options.defaults.ttlSeconds = mint::defaultTtlSeconds(profile.provider);
    if (!ttlText.isEmpty()) {
        auto ttl = parseDuration(ttlText);
        if (!ttl)
            return context.error(ExitUsage, QStringLiteral("--ttl: ") + ttl.error().message);
        options.defaults.ttlSeconds = *ttl;
    }
    options.defaults.room = parser.isSet(QStringLiteral("room")) ? parser.value(QStringLiteral("room")) : profile.room;
    auto reproducible = reproducibleOptions(parser);
    if (!reproducible)
        return context.error(ExitUsage, reproducible.error());
    options.seed = reproducible->seed;
    options.fixedClock = reproducible->fixedClock.has_value();
    auto minter = batch::BatchMinter::create(profile, secrets, options);
    if (!minter)
        return context.error(ExitUsage, minter.error());

    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    const bool progress = parser.isSet(QStringLiteral("progress"));
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    bool progressShown = false;
    batch::RunCallbacks callbacks;
    callbacks.row = [&](const batch::RowResult& r) {
        if (progressShown) {
            context.err() << '\r' << QString(60, QLatin1Char(' ')) << '\r';
            progressShown = false;
        }
        if (!r.ok())
            context.err() << QStringLiteral("line %1: %2\n").arg(r.line).arg(r.error);
        if (!quiet) {
            for (const QString& w : r.warnings)
                context.err() << QStringLiteral("line %1: warning: %2\n").arg(r.line).arg(w);
        }
        if (!r.ok() || (!quiet && !r.warnings.isEmpty()))
            context.err().flush();
    };
    callbacks.progress = [&](qint64 done, qint64 total) {
        if (!progress || sinceProgress.elapsed() < 200)
            return;
        sinceProgress.restart();
        const QString percent = total > 0 ? QStringLiteral("%1% ").arg(done * 100 / total) : QString();
        context.err() << QStringLiteral("\r%1%2 bytes read").arg(percent).arg(done);
        context.err().flush();
        progressShown = true;
    };
    callbacks.cancelled = [] { return g_interrupted != 0; };

    const Clock& clock = reproducible->fixedClock ? *reproducible->fixedClock : context.clock();
    const InterruptGuard guard;
    auto report = batch::runBatch(parser.value(QStringLiteral("input")), parser.value(QStringLiteral("output")),
                                  *minter, clock, batch::RunOptions{parser.isSet(QStringLiteral("strict"))}, callbacks);
    if (progressShown)
        context.err() << '\r' << QString(60, QLatin1Char(' ')) << '\r';
    if (!report)
        return context.error(ExitUsage, report.error());
    if (!report->copiedColumns.isEmpty() && !quiet)
        context.err() << QStringLiteral("note: copied unchanged (not batch columns): %1\n")
                             .arg(report->copiedColumns.join(QStringLiteral(", ")));
    const QString output = parser.value(QStringLiteral("output"));
    if (report->stoppedStrict) {
        context.err() << QStringLiteral("stopped at the first bad row (--strict); %1 was not written\n").arg(output);
        context.err().flush();
        return ExitInvalid;
    }
    context.err() << QStringLiteral("%1 of %2 rows minted, %3 failed, %4 warnings -> %5\n")
                         .arg(report->minted)
                         .arg(report->rows)
                         .arg(report->failed)
                         .arg(report->warnings)
                         .arg(output);
    if (!report->inputError.isEmpty()) {
        context.err() << QStringLiteral("the rest of the input could not be read: %1\n").arg(report->inputError);
        context.err().flush();
        return ExitUsage;
    }
    if (report->interrupted) {
        context.err() << QStringLiteral("interrupted: the %1 rows done so far are saved\n").arg(report->rows);
        context.err().flush();
        return 130;
    }
    context.err().flush();
    return report->failed > 0 ? ExitInvalid : ExitOk;
}

} // namespace td::cli
