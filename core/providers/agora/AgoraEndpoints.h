// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/EndpointKind.h"

namespace td::agora {

/** GET ?channel=&uid= (or &account=)[&role=]: {token, appId, channel, uid}, what the client's join() needs. */
const server::EndpointKind& getEndpoint();

} // namespace td::agora
