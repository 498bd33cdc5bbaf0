// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/server/ServerConfig.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace td::server {

/** Reads the contract's fields from a request: query items for GET, the JSON body where the type takes POST. */
Result<RequestFields> readFields(const EndpointKind& type, const QByteArray& method,
                                 const QList<QPair<QString, QString>>& query, const QByteArray& body);

/** Applies the endpoint's policy and mints, through its type. Pure and thread-safe: RS256 endpoints run it on a
 *  worker thread. */
HandlerResponse handleTokenRequest(const Endpoint& endpoint, const RequestFields& fields, const Clock& clock);

/** True when minting for this endpoint is slow enough (RSA) to run off the network thread. */
bool signsWithRsa(const Endpoint& endpoint);

} // namespace td::server
