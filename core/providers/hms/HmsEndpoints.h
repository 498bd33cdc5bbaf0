// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/EndpointKind.h"

namespace td::hms {

/** GET ?room_id=&user_id=&role=: {token, roomId, userId, role}, what the 100ms client's join() needs. */
const server::EndpointKind& getEndpoint();

} // namespace td::hms
