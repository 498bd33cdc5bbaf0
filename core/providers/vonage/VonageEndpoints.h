// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/EndpointKind.h"

namespace td::vonage {

/** GET ?session_id=[&role=][&data=]: {token, applicationId, sessionId}, what the Vonage client's initSession needs. */
const server::EndpointKind& vonageEndpoint();
/** GET ?session_id=[&role=][&data=]: {token, apiKey, sessionId}, what OT.initSession needs. */
const server::EndpointKind& openTokEndpoint();

} // namespace td::vonage
