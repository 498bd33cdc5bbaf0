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
    // Each reason is a whole sentence, so that it reads right in every language.
    const auto bad = [&](const char* why, const QString& detail = {}) {
        return fail(ErrorCode::InvalidValue, why, input.left(40), detail);
    };
    if (text.isEmpty())
        return bad(QT_TRANSLATE_NOOP("td::Error", "invalid duration \"%1\": empty (use e.g. 90, 10m, 6h, 1h30m, 2d)"));
    qint64 total = 0;
    qint64 lastUnit = std::numeric_limits<qint64>::max();
    qsizetype i = 0;
    while (i < text.size()) {
        qsizetype start = i;
        while (i < text.size() && text[i].isDigit())
            ++i;
        if (start == i)
            return bad(
                QT_TRANSLATE_NOOP(
                    "td::Error",
                    "invalid duration \"%1\": expected a number at position %2 (use e.g. 90, 10m, 6h, 1h30m, 2d)"),
                QString::number(start + 1));
        bool ok = false;
        const qint64 value = QStringView(text).sliced(start, i - start).toLongLong(&ok);
        if (!ok || value > 100LL * 365 * 86400)
            return bad(QT_TRANSLATE_NOOP(
                "td::Error", "invalid duration \"%1\": number too large (use e.g. 90, 10m, 6h, 1h30m, 2d)"));
        if (i == text.size()) {
            if (start != 0)
                return bad(QT_TRANSLATE_NOOP(
                    "td::Error",
                    "invalid duration \"%1\": missing unit after the last number (use e.g. 90, 10m, 6h, 1h30m, 2d)"));
            total = value;
            break;
        }
        const qint64 unit = unitSeconds(text[i]);
        if (unit == 0)
            return bad(QT_TRANSLATE_NOOP(
                           "td::Error", "invalid duration \"%1\": unknown unit '%2' (use e.g. 90, 10m, 6h, 1h30m, 2d)"),
                       QString(text[i]));
        if (unit >= lastUnit)
            return bad(QT_TRANSLATE_NOOP(
                "td::Error",
                "invalid duration \"%1\": units must go from larger to smaller (use e.g. 90, 10m, 6h, 1h30m, 2d)"));
        lastUnit = unit;
        total += value * unit;
        ++i;
    }
    if (total <= 0)
        return bad(QT_TRANSLATE_NOOP(
            "td::Error", "invalid duration \"%1\": must be greater than zero (use e.g. 90, 10m, 6h, 1h30m, 2d)"));
    if (total > 100LL * 365 * 86400)
        return bad(QT_TRANSLATE_NOOP("td::Error",
                                     "invalid duration \"%1\": more than 100 years (use e.g. 90, 10m, 6h, 1h30m, 2d)"));
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
