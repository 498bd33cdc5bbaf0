// SPDX-License-Identifier: MIT
#pragma once

#include "core/Error.h"
#include "core/credentials/Profile.h"
#include "core/mint/PlanMinter.h"
#include "core/server/ServerConfig.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace td::server {

/**
 * What an endpoint signs with, from a stored profile and its secrets by field name (as readProfileSecrets returns
 * them). The CLI and the desktop app build their ProfileResolver on this.
 */
Result<EndpointCredentials> credentialsFromProfile(const credentials::Profile& profile,
                                                   const QHash<QString, QByteArray>& secrets);

/**
 * The endpoint's credentials as a profile and secrets, prepared by the provider module: the endpoints mint through
 * the same entry point as the CLI, the desktop app, batch and matrix.
 */
Result<mint::PlanMinter> endpointMinter(const EndpointCredentials& credentials);

} // namespace td::server
