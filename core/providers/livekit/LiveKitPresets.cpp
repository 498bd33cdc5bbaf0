// SPDX-License-Identifier: MIT
#include "core/providers/livekit/LiveKitPresets.h"

namespace td::livekit {

const QStringList& presetNames()
{
    static const QStringList names{QStringLiteral("viewer"), QStringLiteral("speaker"), QStringLiteral("moderator"),
                                   QStringLiteral("recorder"), QStringLiteral("agent")};
    return names;
}

Result<void> applyPreset(const QString& preset, LiveKitClaims& claims)
{
    VideoGrant g;
    g.room = claims.video ? claims.video->room : QString();
    g.roomJoin = true;
    if (preset == QStringLiteral("viewer")) {
        // Watches and listens; may still send chat (data), as webinar attendees do.
        g.canPublish = false;
        g.canSubscribe = true;
        g.canPublishData = true;
    } else if (preset == QStringLiteral("speaker")) {
        g.canPublish = true;
        g.canSubscribe = true;
        g.canPublishData = true;
        g.canPublishSources = {QStringLiteral("camera"), QStringLiteral("microphone"), QStringLiteral("screen_share"),
                               QStringLiteral("screen_share_audio")};
    } else if (preset == QStringLiteral("moderator")) {
        g.roomAdmin = true;
        g.canPublish = true;
        g.canSubscribe = true;
        g.canPublishData = true;
        g.canUpdateOwnMetadata = true;
    } else if (preset == QStringLiteral("recorder")) {
        // What Egress-style recorders get: subscribe only, invisible, marked as recorder.
        g.roomRecord = true;
        g.recorder = true;
        g.hidden = true;
        g.canPublish = false;
        g.canSubscribe = true;
        g.canPublishData = false;
    } else if (preset == QStringLiteral("agent")) {
        g.agent = true;
        g.canPublish = true;
        g.canSubscribe = true;
        g.canPublishData = true;
        g.canUpdateOwnMetadata = true;
        claims.kind = QStringLiteral("agent");
    } else {
        return fail(ErrorCode::InvalidValue, QT_TRANSLATE_NOOP("td::Error", "unknown preset \"%1\"; known presets: %2"),
                    preset, presetNames().join(QStringLiteral(", ")));
    }
    claims.video = g;
    return {};
}

} // namespace td::livekit
