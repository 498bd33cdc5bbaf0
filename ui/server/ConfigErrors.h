// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"

#include <QString>

namespace td::ui {

/** Where a ServerConfig::parse error belongs on the Server page, and its words for that place. */
struct ConfigErrorPlace {
    enum class Target { General, Endpoints, Endpoint, Policy, Listen, Origins, Keys };
    Target target = Target::General;
    int endpoint = -1; // Endpoint and Policy: which one
    QString text;      // "Max TTL: a duration such as 10m or 1h, or seconds"
};

/**
 * Reads the field path of a config error ("endpoints[1].policy.maxTtl") and says which control the error is about,
 * with the field named as the page labels it and the error in the user's language.
 */
ConfigErrorPlace placeConfigError(const Error& error);

} // namespace td::ui
