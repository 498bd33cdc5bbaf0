// SPDX-License-Identifier: MIT
#pragma once

#include "core/Clock.h"
#include "core/server/ServerConfig.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

namespace td::server {

/** The request fields a client sent, by contract name (query items or JSON members). */
using RequestFields = QHash<QString, QJsonValue>;

/** What a handler answers; the server adds CORS and writes it. */
struct HandlerResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    // For the request log (never the token):
    QString identity;
    QString room;
    QString grantsSummary;
    QString reason; // why it was refused
};

/** JSON {"error": message} with a status. */
HandlerResponse errorResponse(int status, const QString& message);
/** The answer to a request that failed with `error`: httpStatus() of its code; a 500 does not say why. */
HandlerResponse errorResponse(const Error& error);

/** Reads the contract's fields from a request: query items for GET, the JSON body for livekit-standard. */
Result<RequestFields> readFields(EndpointType type, const QByteArray& method,
                                 const QList<QPair<QString, QString>>& query, const QByteArray& body);

/** Applies the endpoint's policy and mints. Pure and thread-safe: RS256 endpoints run it on a worker thread. */
HandlerResponse handleTokenRequest(const Endpoint& endpoint, const RequestFields& fields, const Clock& clock);

/** True when minting for this endpoint is slow enough (RSA) to run off the network thread. */
bool signsWithRsa(const Endpoint& endpoint);

} // namespace td::server
