// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/EndpointKind.h"

namespace td::stream {

/** GET ?user_id=[&call_cids=type:id,…][&role=]: {token, apiKey, userId}, what StreamVideoClient needs. */
const server::EndpointKind& getEndpoint();

} // namespace td::stream
