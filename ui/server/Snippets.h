// SPDX-License-Identifier: MIT
#pragma once

#include "core/server/ServerConfig.h"

#include <QString>

namespace td::ui {

/** What a snippet calls: the server's base URL, an endpoint, and the bearer key (or its mask) when keys apply. */
struct SnippetRequest {
    QString baseUrl; // "http://127.0.0.1:8787"
    QString path;    // "/getToken"
    const server::EndpointKind* type = &server::healthEndpoint();
    QString bearerKey; // empty: no Authorization header
};

/** A one-line `curl` that calls the endpoint with sample fields its contract takes. */
QString curlCommand(const SnippetRequest& request);

/** A browser `fetch()` of the endpoint that reads the answer the way the contract gives it. */
QString fetchSnippet(const SnippetRequest& request);

} // namespace td::ui
