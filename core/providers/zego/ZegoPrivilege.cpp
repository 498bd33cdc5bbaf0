// SPDX-License-Identifier: MIT
#include "core/providers/zego/ZegoPrivilege.h"

#include "core/json/OrderedJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace td::zego {

QString RoomPrivilege::toPayload() const
{
    OrderedJson privilege = OrderedJson::object();
    privilege.insert(QStringLiteral("1"), allowLogin ? 1 : 0);
    privilege.insert(QStringLiteral("2"), allowPublish ? 1 : 0);
    OrderedJson o = OrderedJson::object();
    o.insert(QStringLiteral("room_id"), roomId);
    o.insert(QStringLiteral("privilege"), std::move(privilege));
    if (streamIds) {
        OrderedJson list = OrderedJson::array();
        for (const QString& s : *streamIds)
            list.append(s);
        o.insert(QStringLiteral("stream_id_list"), std::move(list));
    } else {
        o.insert(QStringLiteral("stream_id_list"), OrderedJson());
    }
    return QString::fromUtf8(o.serialize());
}

Result<RoomPrivilege> RoomPrivilege::fromPayload(const QString& payload)
{
    const QJsonDocument doc = QJsonDocument::fromJson(payload.toUtf8());
    if (!doc.isObject())
        return fail(ErrorCode::InvalidJson, QT_TRANSLATE_NOOP("td::Error", "the payload is not a JSON object"));
    const QJsonObject o = doc.object();
    if (!o.contains(QStringLiteral("privilege")) && !o.contains(QStringLiteral("room_id")))
        return fail(ErrorCode::InvalidJson,
                    QT_TRANSLATE_NOOP("td::Error", "the payload has neither room_id nor privilege"));
    RoomPrivilege p;
    const QJsonValue room = o.value(QStringLiteral("room_id"));
    if (!room.isUndefined() && !room.isString())
        return fail(ErrorCode::InvalidJson, QT_TRANSLATE_NOOP("td::Error", "room_id must be a string"));
    p.roomId = room.toString();
    const QJsonObject priv = o.value(QStringLiteral("privilege")).toObject();
    const auto flag = [&](const QString& key, bool& out) -> Result<void> {
        const QJsonValue v = priv.value(key);
        if (v.isUndefined())
            return {};
        if (!v.isDouble() || (v.toInt(-1) != 0 && v.toInt(-1) != 1))
            return fail(ErrorCode::InvalidJson, QT_TRANSLATE_NOOP("td::Error", "privilege \"%1\" must be 0 or 1"), key);
        out = v.toInt() == 1;
        return {};
    };
    if (auto ok = flag(QStringLiteral("1"), p.allowLogin); !ok)
        return std::unexpected(ok.error());
    if (auto ok = flag(QStringLiteral("2"), p.allowPublish); !ok)
        return std::unexpected(ok.error());
    const QJsonValue streams = o.value(QStringLiteral("stream_id_list"));
    if (streams.isArray()) {
        QStringList ids;
        for (const QJsonValue& v : streams.toArray()) {
            if (!v.isString())
                return fail(ErrorCode::InvalidJson,
                            QT_TRANSLATE_NOOP("td::Error", "stream_id_list must contain strings"));
            ids << v.toString();
        }
        p.streamIds = ids;
    } else if (!streams.isNull() && !streams.isUndefined()) {
        return fail(ErrorCode::InvalidJson, QT_TRANSLATE_NOOP("td::Error", "stream_id_list must be an array or null"));
    }
    return p;
}

QStringList explainPayload(const QString& payload)
{
    if (payload.isEmpty())
        return {QStringLiteral("basic token: no room privilege restrictions")};
    auto priv = RoomPrivilege::fromPayload(payload);
    if (!priv)
        return {QStringLiteral("custom payload (not a room privilege)")};
    QStringList out;
    const QString room = priv->roomId.isEmpty() ? QStringLiteral("any room") : QStringLiteral("room ") + priv->roomId;
    out << (priv->allowLogin ? QStringLiteral("can log into %1").arg(room)
                             : QStringLiteral("cannot log into %1 (loginRoom fails)").arg(room));
    if (!priv->allowPublish)
        out << QStringLiteral("cannot publish streams");
    else if (priv->streamIds && !priv->streamIds->isEmpty())
        out << QStringLiteral("can publish only streams %1").arg(priv->streamIds->join(QStringLiteral(", ")));
    else
        out << QStringLiteral("can publish any stream");
    return out;
}

} // namespace td::zego
