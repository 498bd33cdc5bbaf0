// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/EndpointKind.h"

namespace td::jitsi {

/** GET ?room=&user_id=: {token, room, roomPath}, for JaaS and self-hosted Jitsi profiles alike. */
const server::EndpointKind& getEndpoint();

} // namespace td::jitsi
