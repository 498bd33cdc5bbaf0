// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/providers/livekit/LiveKitToken.h"

namespace td::test {

/** A LiveKit join token for "alice" in room1 (key devkey, secret "secret"), minted at `now`. */
inline QByteArray liveKitJoinToken(qint64 now, qint64 ttl = 3600, const QString& room = QStringLiteral("room1"),
                                   const QString& apiKey = QStringLiteral("devkey"))
{
    livekit::LiveKitClaims c;
    c.identity = QStringLiteral("alice");
    livekit::VideoGrant g;
    g.roomJoin = true;
    g.room = room;
    c.video = g;
    const FixedClock clock(now);
    return livekit::LiveKitMinter::create(apiKey, "secret")->mint(c, ttl, clock)->token;
}

} // namespace td::test
