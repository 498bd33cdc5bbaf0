// SPDX-License-Identifier: MIT
// tokendesk-cli: builds the context and dispatches to one command; no logic of its own.
#include "app/cli/CliContext.h"
#include "app/cli/Commands.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/ProcessHardening.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    // Before anything else, so no secret this process reads can end up in a core dump.
    const auto hardened = td::crypto::disableCoreDumps();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tokendesk-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));

    const td::SystemClock clock;
    td::cli::CliContext context(clock, QProcessEnvironment::systemEnvironment());
    if (!hardened)
        return context.error(td::cli::ExitInternal, hardened.error().message);
    const QStringList args = QCoreApplication::arguments();
    const QString first = args.value(1);
    if (first.isEmpty() || first == QStringLiteral("--help") || first == QStringLiteral("-h") ||
        first == QStringLiteral("help")) {
        context.out() << td::cli::usageText();
        context.out().flush();
        return first.isEmpty() ? td::cli::ExitUsage : td::cli::ExitOk;
    }
    if (first == QStringLiteral("--version")) {
        context.out() << "tokendesk-cli " << TOKENDESK_VERSION << '\n';
        return td::cli::ExitOk;
    }
    if (auto ok = td::crypto::selfTest(); !ok)
        return context.error(td::cli::ExitInternal, ok.error().message);

    const td::cli::CommandEntry* entry = td::cli::findCommand(first, args.value(2));
    if (!entry) {
        if (first == QStringLiteral("mint"))
            return context.error(td::cli::ExitUsage, QStringLiteral("mint what? livekit, zego, jaas or jitsi"));
        return context.error(td::cli::ExitUsage,
                             QStringLiteral("unknown command \"%1\"; run tokendesk-cli --help").arg(first));
    }
    QStringList commandArgs{args.first()};
    commandArgs += args.mid(1 + entry->words().size());
    return entry->make()->run(commandArgs, context);
}
