// SPDX-License-Identifier: MIT
#include "core/Duration.h"

#include <limits>

namespace td {
namespace {

qint64 unitSeconds(QChar unit)
{
    switch (unit.unicode()) {
    case 'd': return 86400;
    case 'h': return 3600;
    case 'm': return 60;
    case 's': return 1;
    default: return 0;
    }
}

} // namespace

Result<qint64> parseDuration(const QString& input)
{
    const QString text = input.trimmed().toLower();
    const auto bad = [&](const QString& why) {
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("invalid duration \"%1\": %2 (use e.g. 90, 10m, 6h, 1h30m, 2d)").arg(input.left(40), why));
    };
    if (text.isEmpty())
        return bad(QStringLiteral("empty"));
    qint64 total = 0;
    qint64 lastUnit = std::numeric_limits<qint64>::max();
    qsizetype i = 0;
    while (i < text.size()) {
        qsizetype start = i;
        while (i < text.size() && text[i].isDigit())
            ++i;
        if (start == i)
            return bad(QStringLiteral("expected a number at position %1").arg(start + 1));
        bool ok = false;
        const qint64 value = QStringView(text).sliced(start, i - start).toLongLong(&ok);
        if (!ok || value > 100LL * 365 * 86400)
            return bad(QStringLiteral("number too large"));
        if (i == text.size()) {
            if (start != 0)
                return bad(QStringLiteral("missing unit after the last number"));
            total = value;
            break;
        }
        const qint64 unit = unitSeconds(text[i]);
        if (unit == 0)
            return bad(QStringLiteral("unknown unit '%1'").arg(text[i]));
        if (unit >= lastUnit)
            return bad(QStringLiteral("units must go from larger to smaller"));
        lastUnit = unit;
        total += value * unit;
        ++i;
    }
    if (total <= 0)
        return bad(QStringLiteral("must be greater than zero"));
    if (total > 100LL * 365 * 86400)
        return bad(QStringLiteral("more than 100 years"));
    return total;
}

QString formatDuration(qint64 seconds)
{
    if (seconds <= 0)
        return QStringLiteral("0s");
    QString out;
    const std::pair<qint64, char> units[] = {{86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'}};
    for (const auto& [size, name] : units) {
        if (seconds >= size) {
            out += QString::number(seconds / size) + QLatin1Char(name);
            seconds %= size;
        }
    }
    return out;
}

QString formatRelative(qint64 seconds, qint64 now)
{
    const qint64 delta = seconds - now;
    if (delta == 0)
        return QStringLiteral("now");
    return delta > 0 ? QStringLiteral("in %1").arg(formatDuration(delta))
                     : QStringLiteral("%1 ago").arg(formatDuration(-delta));
}

} // namespace td
