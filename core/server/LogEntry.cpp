// SPDX-License-Identifier: MIT
#include "core/server/LogEntry.h"

namespace td::server {

QJsonObject LogEntry::toJson() const
{
    QJsonObject o{{QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("client"), client},
                  {QStringLiteral("method"), method},
                  {QStringLiteral("path"), path},
                  {QStringLiteral("status"), status}};
    const auto put = [&](const char* key, const QString& v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(key), v);
    };
    put("origin", origin);
    put("endpoint", endpoint);
    put("identity", identity);
    put("room", room);
    put("grants", grants);
    put("reason", reason);
    if (durationUs >= 0)
        o.insert(QStringLiteral("durationMs"), double(durationUs) / 1000.0);
    return o;
}

QString escapeForLog(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        const char16_t u = c.unicode();
        // C0, DEL and C1 controls (newlines, ESC sequences, OSC titles) and the backslash that introduces escapes.
        if (u < 0x20 || u == 0x7F || (u >= 0x80 && u <= 0x9F) || u == '\\' || u == 0x2028 || u == 0x2029)
            out += QStringLiteral("\\x%1").arg(int(u), u > 0xFF ? 4 : 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString LogEntry::toText() const
{
    QString line =
        QStringLiteral("%1 %2 %3 %4 -> %5")
            .arg(time.toUTC().toString(Qt::ISODate), escapeForLog(client), escapeForLog(method), escapeForLog(path))
            .arg(status);
    if (!origin.isEmpty())
        line += QStringLiteral(" origin=") + escapeForLog(origin);
    if (!identity.isEmpty())
        line += QStringLiteral(" identity=") + escapeForLog(identity);
    if (!room.isEmpty())
        line += QStringLiteral(" room=") + escapeForLog(room);
    if (!grants.isEmpty())
        line += QStringLiteral(" grants=") + escapeForLog(grants);
    if (!reason.isEmpty())
        line += QStringLiteral(" reason=\"%1\"").arg(escapeForLog(reason));
    if (durationUs >= 0)
        line += QStringLiteral(" %1ms").arg(double(durationUs) / 1000.0, 0, 'f', 1);
    return line;
}

} // namespace td::server
