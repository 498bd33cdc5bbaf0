// SPDX-License-Identifier: MIT
#include "app/cli/Prompt.h"

#include <cstdio>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace td::cli {

Result<crypto::SecretBytes> promptSecret(const QString& prompt)
{
    if (!isatty(STDIN_FILENO))
        return fail(ErrorCode::MissingValue, QStringLiteral("no terminal to ask for the %1").arg(prompt));
    std::fprintf(stderr, "%s: ", prompt.toLocal8Bit().constData());
    std::fflush(stderr);
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    std::string line;
    line.reserve(1024); // growing would free copies of what was typed so far, unwiped
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.push_back(static_cast<char>(c));
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    std::fputc('\n', stderr);
    crypto::SecretBytes secret(QByteArrayView(line.data(), static_cast<qsizetype>(line.size())));
    crypto::cleanse(line.data(), static_cast<qsizetype>(line.size()));
    return secret;
}

} // namespace td::cli
