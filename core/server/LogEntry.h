// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <chrono>

namespace td::server {

/** One line of the request log: who asked for what and what they got. Never the token. */
struct LogEntry {
    QDateTime time;
    QString client;
    QString origin;
    QString method;
    QString path;
    QString endpoint;
    int status = 0;
    QString identity;
    QString room;
    QString grants;
    QString reason;
    /** When the request was read (monotonic), and how long it took until its answer was written; -1 unknown. */
    std::chrono::steady_clock::time_point started{};
    qint64 durationUs = -1;

    QJsonObject toJson() const;
    QString toText() const;
};

/** Text safe for a log line or a table cell: control characters (C0, DEL, C1, line separators) and backslashes
 *  become \xNN escapes, so a request cannot forge lines or send terminal escapes. */
QString escapeForLog(const QString& text);

} // namespace td::server

Q_DECLARE_METATYPE(td::server::LogEntry)
