// The HTTP API's endpoints: what telusur-query --serve answers to each request, before
// libmicrohttpd sends it (http_server.cpp does the sending).
#pragma once

#include <atomic>
#include <string>
#include <string_view>

#include <microhttpd.h>

#include "connection_dispatcher.h"
#include "http_server.h"
#include "result_cache.h"
#include "searcher_pool.h"

namespace telusur::query {

/// The answer to one request, before libmicrohttpd sends it.
struct Reply {
    int status = 200;
    std::string body;
    const char* cache = nullptr;  ///< The X-Telusur-Cache header of /search, if any.
};

/// A JSON {"error": message} answer with `status`.
Reply error_reply(int status, const std::string& message);

/// What the request handlers share: the searchers, the result cache and the settings.
struct SearchService {
    const ServeOptions& options;
    SearcherPool searchers;
    ResultCache cache;
    std::atomic<int> in_flight{0};  ///< Requests begun and not yet answered, for a graceful stop.
    const ConnectionDispatcher* connections = nullptr;  ///< For /stats, once serving.
};

/// The answer to a request for `target` (path and query string, or the absolute form a proxy
/// sends) with `method`: GET /search, /article, /health and /stats; 404 and 405 otherwise.
Reply route(std::string_view target, std::string_view method, MHD_Connection* connection, SearchService& service);

}  // namespace telusur::query
