// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/EndpointKind.h"

namespace td::livekit {

/** GET ?room=&identity=: the token as text, as the LiveKit examples' token servers answer. */
const server::EndpointKind& getEndpoint();
/** POST with LiveKit's standard token-endpoint body; answers {server_url, participant_token}. */
const server::EndpointKind& standardEndpoint();

} // namespace td::livekit
