// SPDX-License-Identifier: MIT
#pragma once

#include "core/providers/EndpointKind.h"

namespace td::zego {

/** GET ?userID=: {token}, and the UIKits' kitToken when roomID and userName are given. */
const server::EndpointKind& getEndpoint();

} // namespace td::zego
