// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/providers/livekit/LiveKitGrants.h"

#include <QStringList>

namespace td::livekit {

/** viewer, speaker, moderator, recorder, agent: the roles a meeting usually needs. */
const QStringList& presetNames();

/**
 * Replaces the video grant (keeping its room) and, for "agent", the kind, with what the role needs; other claims
 * stay as they are. Unknown names are an error that lists the known ones.
 */
Result<void> applyPreset(const QString& preset, LiveKitClaims& claims);

} // namespace td::livekit
