// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QString>

namespace td::zego {

/** The room data a UIKit Kit Token carries after its '#' (spec 2.8). */
struct KitInfo {
    QString userId;
    QString roomId;
    QString userName;
    quint32 appId = 0;
};

/** JavaScript encodeURIComponent: UTF-8 percent-encoding of all but A-Z a-z 0-9 - _ . ! ~ * ' ( ). */
QString encodeUriComponent(const QString& text);

/** base64(JSON {userID, roomID, userName (percent-encoded), appID}), as btoa would write it. */
Result<QByteArray> kitSuffix(const KitInfo& info);

/** token04 + "#" + suffix. */
Result<QByteArray> makeKitToken(const QByteArray& token04, const KitInfo& info);

struct ParsedKitToken {
    QByteArray token04;
    KitInfo info;
};

/** Splits at the first '#' and decodes the suffix the way the UIKit does. */
Result<ParsedKitToken> parseKitToken(QByteArrayView kitToken);

} // namespace td::zego
