// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/EndpointKind.h"

namespace td::twilio {

/** GET ?identity=&room=: {token, identity, room}, what Twilio Video's connect() needs. */
const server::EndpointKind& getEndpoint();

} // namespace td::twilio
