// SPDX-License-Identifier: MIT
#include "core/providers/zego/KitToken.h"

#include "core/crypto/Base64.h"
#include "core/json/OrderedJson.h"
#include "core/json/JsonNumber.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace td::zego {

QString encodeUriComponent(const QString& text)
{
    // QByteArray::toPercentEncoding leaves A-Z a-z 0-9 - . _ ~ alone; encodeURIComponent also keeps ! * ' ( ).
    return QString::fromLatin1(text.toUtf8().toPercentEncoding("!*'()"));
}

Result<QByteArray> kitSuffix(const KitInfo& info)
{
    OrderedJson o = OrderedJson::object();
    o.insert(QStringLiteral("userID"), info.userId);
    o.insert(QStringLiteral("roomID"), info.roomId);
    o.insert(QStringLiteral("userName"), encodeUriComponent(info.userName));
    o.insert(QStringLiteral("appID"), static_cast<qint64>(info.appId));
    const QString json = QString::fromUtf8(o.serialize());
    // btoa works on UTF-16 code units as single bytes and throws above U+00FF.
    QByteArray latin1;
    latin1.reserve(json.size());
    for (const QChar c : json) {
        if (c.unicode() > 0xff)
            return fail(ErrorCode::InvalidValue,
                        QT_TRANSLATE_NOOP("td::Error",
                                          "the user ID and room ID of a Kit Token must be Latin-1: the UIKit's btoa() "
                                          "cannot encode '%1'"),
                        c);
        latin1.append(static_cast<char>(c.unicode()));
    }
    return crypto::base64Encode(latin1);
}

Result<QByteArray> makeKitToken(const QByteArray& token04, const KitInfo& info)
{
    auto suffix = kitSuffix(info);
    if (!suffix)
        return suffix;
    return token04 + '#' + *suffix;
}

Result<ParsedKitToken> parseKitToken(QByteArrayView input)
{
    const QByteArrayView kit = input.trimmed();
    const qsizetype hash = kit.indexOf('#');
    if (hash < 0)
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "a Kit Token has a '#' between the Token04 and the room data"));
    ParsedKitToken out;
    out.token04 = kit.first(hash).toByteArray();
    auto json = crypto::base64Decode(kit.sliced(hash + 1));
    if (!json)
        return fail(ErrorCode::MalformedToken, QT_TRANSLATE_NOOP("td::Error", "the part after '#' is not base64: %1"),
                    json.error().message);
    const QJsonDocument doc = QJsonDocument::fromJson(QString::fromLatin1(*json).toUtf8());
    if (!doc.isObject())
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "the part after '#' is not a JSON object"));
    const QJsonObject o = doc.object();
    out.info.userId = o.value(QStringLiteral("userID")).toString();
    out.info.roomId = o.value(QStringLiteral("roomID")).toString();
    out.info.userName = QUrl::fromPercentEncoding(o.value(QStringLiteral("userName")).toString().toUtf8());
    const QJsonValue appId = o.value(QStringLiteral("appID"));
    const std::optional<qint64> number = json::toInt64(appId);
    bool ok = number.has_value();
    qint64 id = number.value_or(0);
    if (appId.isString())
        id = appId.toString().toLongLong(&ok);
    if (!ok || id <= 0 || id > 0xffffffffLL)
        return fail(ErrorCode::MalformedToken,
                    QT_TRANSLATE_NOOP("td::Error", "the Kit Token's appID is not a 32-bit number"));
    out.info.appId = static_cast<quint32>(id);
    return out;
}

} // namespace td::zego
