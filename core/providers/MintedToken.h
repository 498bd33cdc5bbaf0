// SPDX-License-Identifier: MIT
#pragma once

#include "core/json/OrderedJson.h"
#include "core/providers/Finding.h"

#include <QByteArray>
#include <QString>

namespace td {

/** What every minter returns: the token plus what went into it, for --json output and history. */
struct MintedToken {
    QString provider; // "livekit", "zego", "jaas", "jitsi"
    QByteArray token;
    OrderedJson header;   // JWT header, or for Zego the binary layout summary
    OrderedJson claims;   // JWT payload, or the Zego plaintext
    qint64 expiresAt = 0; // Unix seconds
    QList<Finding> notes; // what the minter changed or wants said (a room rewritten as Jitsi Meet joins it)
};

} // namespace td
