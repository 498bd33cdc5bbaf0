// SPDX-License-Identifier: MIT
// tokendesk-cli: builds the context and dispatches to one command; no logic of its own.
#include "app/cli/BatchCommand.h"
#include "app/cli/BenchCommand.h"
#include "app/cli/CliContext.h"
#include "app/cli/InspectCommand.h"
#include "app/cli/MatrixCommand.h"
#include "app/cli/MintJitsiCommand.h"
#include "app/cli/MintLiveKitCommand.h"
#include "app/cli/MintZegoCommand.h"
#include "app/cli/ProfileCommand.h"
#include "app/cli/ServeCommand.h"
#include "core/crypto/Crypto.h"
#include "core/crypto/ProcessHardening.h"

#include <QCoreApplication>

#include <memory>

namespace {

const char kUsage[] = R"(Usage: tokendesk-cli <command> [options]

Mint, decode, verify and explain LiveKit, ZEGOCLOUD and Jitsi access tokens.

Commands:
  mint livekit   LiveKit access token (HS256)
  mint zego      ZEGOCLOUD Token04 (GCM or CBC), room privileges, UIKit Kit Token
  mint jaas      8x8 JaaS token (RS256)
  mint jitsi     self-hosted Jitsi / Prosody token (HS256 or RS256)
  decode         decode and explain a token without verifying it
  verify         verify a token against credentials and explain it
  batch          mint a token for every row of a CSV or JSON file
  matrix         every combination of chosen permissions, with the expected behaviour
  bench          mint in-process and report tokens per second
  profile        list, show, add, edit, remove, import and export provider profiles
  serve          run the local token server (--config FILE)

Run "tokendesk-cli <command> --help" for a command's options.
Exit codes: 0 ok/valid, 1 invalid token or failed verification, 2 usage or input error.
)";

std::unique_ptr<td::cli::Command> commandFor(const QString& name, const QString& sub, int& consumed)
{
    using namespace td::cli;
    consumed = 1;
    if (name == QStringLiteral("mint")) {
        consumed = 2;
        if (sub == QStringLiteral("livekit"))
            return std::make_unique<MintLiveKitCommand>();
        if (sub == QStringLiteral("zego"))
            return std::make_unique<MintZegoCommand>();
        if (sub == QStringLiteral("jaas"))
            return std::make_unique<MintJitsiCommand>(true);
        if (sub == QStringLiteral("jitsi"))
            return std::make_unique<MintJitsiCommand>(false);
        return nullptr;
    }
    if (name == QStringLiteral("decode"))
        return std::make_unique<InspectCommand>(false);
    if (name == QStringLiteral("verify"))
        return std::make_unique<InspectCommand>(true);
    if (name == QStringLiteral("batch"))
        return std::make_unique<BatchCommand>();
    if (name == QStringLiteral("matrix"))
        return std::make_unique<MatrixCommand>();
    if (name == QStringLiteral("bench"))
        return std::make_unique<BenchCommand>();
    if (name == QStringLiteral("profile"))
        return std::make_unique<ProfileCommand>();
    if (name == QStringLiteral("serve"))
        return std::make_unique<ServeCommand>();
    return nullptr;
}

} // namespace

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
        return context.error(td::cli::ExitInternal, hardened.error());
    const QStringList args = QCoreApplication::arguments();
    const QString first = args.value(1);
    if (first.isEmpty() || first == QStringLiteral("--help") || first == QStringLiteral("-h") ||
        first == QStringLiteral("help")) {
        context.out() << kUsage;
        context.out().flush();
        return first.isEmpty() ? td::cli::ExitUsage : td::cli::ExitOk;
    }
    if (first == QStringLiteral("--version")) {
        context.out() << "tokendesk-cli " << TOKENDESK_VERSION << '\n';
        return td::cli::ExitOk;
    }
    if (auto ok = td::crypto::selfTest(); !ok)
        return context.error(td::cli::ExitInternal, ok.error());

    int consumed = 0;
    auto command = commandFor(first, args.value(2), consumed);
    if (!command) {
        if (first == QStringLiteral("mint"))
            return context.error(td::cli::ExitUsage, QStringLiteral("mint what? livekit, zego, jaas or jitsi"));
        return context.error(td::cli::ExitUsage,
                             QStringLiteral("unknown command \"%1\"; run tokendesk-cli --help").arg(first));
    }
    QStringList commandArgs{args.first()};
    commandArgs += args.mid(1 + consumed);
    return command->run(commandArgs, context);
}
