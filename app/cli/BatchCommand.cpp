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

const char kDescription[] =
    "Mint a token for every row of a CSV or JSON file.\n"
    "Columns: identity, name, room, preset, ttl, and per provider: grants, metadata, attributes, claims (LiveKit); "
    "moderator, features, email, avatar (Jitsi/JaaS); login, publish, streams, kit, cipher (Zego). Other columns are "
    "copied to the output unchanged. The output adds token, joinLink, expiresAt, summary and error.\n"
    "Exit codes: 0 every row minted, 1 some rows failed, 2 usage or unreadable input, 130 interrupted (the rows done "
    "so far are saved).";

const OptionSpec kOptions[] = {
    option("input", "file", "Rows to mint: .csv/.tsv (header row) or .json (array or JSON Lines); - for CSV on stdin.")
        .file(),
    option("output", "file",
           "Where to write the rows with their tokens: .csv or .json (replaced atomically, mode 0600).")
        .file(),
    option("ttl", "duration", "Lifetime for rows without a ttl (default: the profile's, else the provider's)."),
    option("room", "name", "Room for rows without one (default: the profile's)."),
    flag("strict", "Stop at the first bad row and leave the output file untouched."),
    flag("progress", "Show progress on stderr."),
    flag("quiet", "Do not list warnings (row errors are always listed)."),
};

/** Refuses arguments and checks the required options; an error message when the command line is incomplete. */
std::optional<QString> checkArguments(const QCommandLineParser& parser)
{
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first());
    for (const char* required : {"input", "output"}) {
        if (!parser.isSet(QLatin1String(required)))
            return QStringLiteral("batch needs --%1").arg(QLatin1String(required));
    }
    return std::nullopt;
}

/** Row defaults (--ttl, --room, else the profile's) and --clock/--seed. */
std::expected<std::pair<batch::BatchOptions, Reproducible>, QString> batchOptions(const QCommandLineParser& parser,
                                                                                  const credentials::Profile& profile)
{
    batch::BatchOptions options;
    const QString ttlText = parser.isSet(QStringLiteral("ttl")) ? parser.value(QStringLiteral("ttl")) : profile.ttl;
    options.defaults.ttlSeconds = mint::defaultTtlSeconds(profile.provider);
    if (!ttlText.isEmpty()) {
        auto ttl = parseDuration(ttlText);
        if (!ttl)
            return std::unexpected(QStringLiteral("--ttl: ") + ttl.error().message);
        options.defaults.ttlSeconds = *ttl;
    }
    options.defaults.room = parser.isSet(QStringLiteral("room")) ? parser.value(QStringLiteral("room")) : profile.room;
    auto reproducible = reproducibleOptions(parser);
    if (!reproducible)
        return std::unexpected(reproducible.error().message);
    options.seed = reproducible->seed;
    options.fixedClock = reproducible->fixedClock.has_value();
    return std::pair{options, *reproducible};
}

/** Row errors and warnings, and --progress, on stderr; Ctrl-C cancels. */
class Reporter final {
public:
    Reporter(CliContext& context, bool quiet, bool progress) : m_context(context), m_quiet(quiet), m_progress(progress)
    {
        m_sinceProgress.start();
    }

    batch::RunCallbacks callbacks()
    {
        batch::RunCallbacks callbacks;
        callbacks.row = [this](const batch::RowResult& r) { row(r); };
        callbacks.progress = [this](qint64 done, qint64 total) { progress(done, total); };
        callbacks.cancelled = [] { return g_interrupted != 0; };
        return callbacks;
    }
    /** Clears the progress line, if one is shown. */
    void clearProgress()
    {
        if (m_progressShown)
            m_context.err() << '\r' << QString(60, QLatin1Char(' ')) << '\r';
        m_progressShown = false;
    }

private:
    void row(const batch::RowResult& r)
    {
        clearProgress();
        if (!r.ok())
            m_context.err() << QStringLiteral("line %1: %2\n").arg(r.line).arg(r.error);
        if (!m_quiet) {
            for (const QString& w : r.warnings)
                m_context.err() << QStringLiteral("line %1: warning: %2\n").arg(r.line).arg(w);
        }
        if (!r.ok() || (!m_quiet && !r.warnings.isEmpty()))
            m_context.err().flush();
    }
    void progress(qint64 done, qint64 total)
    {
        if (!m_progress || m_sinceProgress.elapsed() < 200)
            return;
        m_sinceProgress.restart();
        const QString percent = total > 0 ? QStringLiteral("%1% ").arg(done * 100 / total) : QString();
        m_context.err() << QStringLiteral("\r%1%2 bytes read").arg(percent).arg(done);
        m_context.err().flush();
        m_progressShown = true;
    }

    CliContext& m_context;
    const bool m_quiet;
    const bool m_progress;
    QElapsedTimer m_sinceProgress;
    bool m_progressShown = false;
};

/** The summary on stderr, and the exit code the run earned. */
int finish(const batch::RunReport& report, const QString& output, bool quiet, CliContext& context)
{
    if (!report.copiedColumns.isEmpty() && !quiet)
        context.err() << QStringLiteral("note: copied unchanged (not batch columns): %1\n")
                             .arg(report.copiedColumns.join(QStringLiteral(", ")));
    if (report.stoppedStrict) {
        context.err() << QStringLiteral("stopped at the first bad row (--strict); %1 was not written\n").arg(output);
        context.err().flush();
        return ExitInvalid;
    }
    context.err() << QStringLiteral("%1 of %2 rows minted, %3 failed, %4 warnings -> %5\n")
                         .arg(report.minted)
                         .arg(report.rows)
                         .arg(report.failed)
                         .arg(report.warnings)
                         .arg(output);
    if (!report.inputError.isEmpty()) {
        context.err() << QStringLiteral("the rest of the input could not be read: %1\n").arg(report.inputError);
        context.err().flush();
        return ExitUsage;
    }
    if (report.interrupted) {
        context.err() << QStringLiteral("interrupted: the %1 rows done so far are saved\n").arg(report.rows);
        context.err().flush();
        return 130;
    }
    context.err().flush();
    return report.failed > 0 ? ExitInvalid : ExitOk;
}

} // namespace

CommandSpec BatchCommand::spec() const
{
    CommandSpec spec{QString::fromLatin1(kDescription), {}, {}, {}};
    return spec.add(kProfileOrEnvironmentOptions).add(kOptions).add(kReproducibleOptions);
}

int BatchCommand::run(const QStringList& args, CliContext& context)
{
    QCommandLineParser parser;
    if (auto stop = parseCommand(parser, spec(), args, context))
        return *stop;
    if (auto refused = checkArguments(parser))
        return context.error(ExitUsage, *refused);
    auto loaded = context.profileOrEnvironment(parser);
    if (!loaded)
        return context.exitWith(loaded.error());
    const auto& [profile, secrets] = *loaded;
    auto options = batchOptions(parser, profile);
    if (!options)
        return context.error(ExitUsage, options.error());
    const auto& [minterOptions, reproducible] = *options;
    auto minter = batch::BatchMinter::create(profile, secrets, minterOptions);
    if (!minter)
        return context.exitWith(minter.error());

    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    Reporter reporter(context, quiet, parser.isSet(QStringLiteral("progress")));
    const Clock& clock = reproducible.fixedClock ? *reproducible.fixedClock : context.clock();
    const QString output = parser.value(QStringLiteral("output"));
    const InterruptGuard guard;
    auto report = batch::runBatch(parser.value(QStringLiteral("input")), output, *minter, clock,
                                  batch::RunOptions{parser.isSet(QStringLiteral("strict"))}, reporter.callbacks());
    reporter.clearProgress();
    if (!report)
        return context.exitWith(report.error());
    return finish(*report, output, quiet, context);
}

} // namespace td::cli
