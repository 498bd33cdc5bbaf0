// SPDX-License-Identifier: MIT
#include "core/providers/CommandLine.h"

#include "core/Duration.h"

namespace td {

QStringList OptionSpec::choiceList() const
{
    if (complete != Complete::Choice)
        return {};
    if (choices)
        return QString::fromLatin1(choices).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return QString::fromLatin1(valueName ? valueName : "").split(QLatin1Char('|'), Qt::SkipEmptyParts);
}

Result<qint64> MintArguments::ttl(qint64 defaultSeconds) const
{
    if (!isSet(QStringLiteral("ttl"))) {
        if (const QString fromProfile = profileDefault(QStringLiteral("ttl")); !fromProfile.isEmpty())
            return parseDuration(fromProfile);
        return defaultSeconds;
    }
    return parseDuration(value(QStringLiteral("ttl")));
}

Result<std::optional<bool>> MintArguments::boolOption(const QString& option) const
{
    if (!isSet(option))
        return std::optional<bool>();
    const auto v = parseBool(value(option));
    if (!v)
        return std::unexpected(optionError(QStringLiteral("--%1 takes true or false").arg(option)));
    return v;
}

std::optional<bool> parseBool(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QStringLiteral("true") || t == QStringLiteral("1") || t == QStringLiteral("yes"))
        return true;
    if (t == QStringLiteral("false") || t == QStringLiteral("0") || t == QStringLiteral("no"))
        return false;
    return std::nullopt;
}

Error optionError(const QString& message)
{
    return Error{ErrorCode::InvalidValue, message};
}

} // namespace td
