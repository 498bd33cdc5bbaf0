// SPDX-License-Identifier: MIT
#include "app/cli/CliContext.h"

#include "app/cli/Command.h"
#include "core/credentials/EnvFile.h"

#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace td::cli {

CliContext::CliContext(const Clock& clock, const QProcessEnvironment& environment)
    : m_clock(clock), m_environment(environment), m_out(stdout), m_err(stderr)
{
}

Result<void> CliContext::loadEnvFile(const QString& path)
{
    auto text = readInput(path);
    if (!text)
        return std::unexpected(text.error());
    auto entries = credentials::parseEnvFile(*text);
    crypto::wipe(*text);
    if (!entries)
        return fail(ErrorCode::InvalidValue, path + QStringLiteral(": ") + entries.error().message);
    for (const auto& e : *entries)
        m_envFile.insert(e.key, e.value.bytes());
    return {};
}

QByteArray CliContext::credential(const QCommandLineParser& parser, const QString& flag, const QString& envName) const
{
    if (parser.isSet(flag))
        return parser.value(flag).toUtf8();
    return environmentValue(envName);
}

QProcessEnvironment CliContext::mergedEnvironment() const
{
    QProcessEnvironment env = m_environment;
    for (auto it = m_envFile.constBegin(); it != m_envFile.constEnd(); ++it)
        env.insert(it.key(), QString::fromUtf8(it.value()));
    return env;
}

QByteArray CliContext::environmentValue(const QString& name) const
{
    if (const auto it = m_profileVars.constFind(name); it != m_profileVars.constEnd())
        return *it;
    if (const auto it = m_envFile.constFind(name); it != m_envFile.constEnd())
        return *it;
    return m_environment.value(name).toUtf8();
}

int CliContext::error(int exitCode, const QString& message)
{
    m_out.flush();
    m_err << "tokendesk-cli: " << message << Qt::endl;
    return exitCode;
}

void CliContext::printJson(const QJsonObject& object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    m_out.flush();
}

Result<QByteArray> CliContext::readInput(const QString& pathOrDash)
{
    QFile file;
    const bool isStdin = pathOrDash == QStringLiteral("-");
    if (isStdin ? !file.open(stdin, QIODevice::ReadOnly)
                : (file.setFileName(pathOrDash), !file.open(QIODevice::ReadOnly)))
        return fail(ErrorCode::FileError,
                    QStringLiteral("cannot read %1: %2")
                        .arg(isStdin ? QStringLiteral("standard input") : pathOrDash, file.errorString()));
    // Nothing TokenDesk reads this way is legitimately larger than a few kilobytes.
    constexpr qint64 kLimit = qint64{1024} * 1024;
    QByteArray data = file.read(kLimit + 1);
    if (data.size() > kLimit)
        return fail(ErrorCode::OutOfRange, QStringLiteral("%1 is larger than 1 MiB").arg(pathOrDash));
    return data;
}

std::optional<int> parseArguments(QCommandLineParser& parser, const QStringList& args, CliContext& context)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    if (!parser.parse(args))
        return context.error(ExitUsage, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        context.out() << parser.helpText();
        context.out().flush();
        return ExitOk;
    }
    return std::nullopt;
}

} // namespace td::cli

namespace td::cli {

ExitCode exitCodeFor(ErrorCode code)
{
    switch (code) {
    // The token itself: unreadable, badly signed, out of its time, or not decryptable with the secret given.
    case ErrorCode::MalformedToken:
    case ErrorCode::BadSignature:
    case ErrorCode::TokenExpired:
    case ErrorCode::TokenNotYetValid:
    case ErrorCode::MissingClaim:
    case ErrorCode::ZegoDecryptFailed: return ExitInvalid;
    case ErrorCode::ProcessHardeningFailed: return ExitInternal;
    // Everything the user gave, keys and algorithms included (a PEM given as an HMAC secret is a usage error).
    default: return ExitUsage;
    }
}

} // namespace td::cli
