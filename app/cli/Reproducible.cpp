// SPDX-License-Identifier: MIT
#include "app/cli/Reproducible.h"

#include <QDateTime>

namespace td::cli {

Result<Reproducible> reproducibleOptions(const QCommandLineParser& parser)
{
    Reproducible out;
    if (parser.isSet(QStringLiteral("clock"))) {
        const QString text = parser.value(QStringLiteral("clock")).trimmed();
        bool isNumber = false;
        const qint64 seconds = text.toLongLong(&isNumber);
        if (isNumber) {
            out.fixedClock.emplace(seconds);
        } else {
            const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
            if (!time.isValid())
                return fail(ErrorCode::InvalidValue,
                            QStringLiteral("--clock: \"%1\" is not an ISO 8601 time (2026-01-01T00:00:00Z) or Unix "
                                           "seconds")
                                .arg(text));
            out.fixedClock.emplace(time.toSecsSinceEpoch());
        }
    }
    if (parser.isSet(QStringLiteral("seed"))) {
        const QString seed = parser.value(QStringLiteral("seed"));
        if (seed.isEmpty())
            return fail(ErrorCode::MissingValue, QStringLiteral("--seed: give a non-empty text"));
        out.seed = seed.toUtf8();
    }
    return out;
}

} // namespace td::cli
