// The HTTP/1.1 JSON API of `telusur-query --serve`.
#pragma once

#include <cstddef>
#include <string>

#include "telusur/language_data.h"

namespace telusur::query {

struct ServeOptions {
    std::string db;
    std::string host = "127.0.0.1";  ///< Loopback unless told otherwise.
    int port = 8080;                 ///< 0 picks a free port (printed on stderr).
    std::size_t threads = 0;         ///< Event loops, each searching on its own database handle; 0 = one per core.
    std::size_t connections = 512;   ///< Connections open at once; more wait until one closes.
    std::size_t cache_size = 1024;   ///< Search results kept for repeated requests (0 = off).
};

/// Parses "[HOST:]PORT" (an IPv6 HOST in brackets or not); throws telusur::Error on a malformed address.
ServeOptions parse_listen_address(const std::string& address);

/// Serves until SIGINT or SIGTERM, then answers the requests begun (5 s at most) and returns 0.
///   GET /search?q=&limit=&offset=&facet=&filter=&since=&until=&sort=&format=json
///       → the --format json document (facet and filter repeatable)
///   GET /health → {"status":"ok"};  GET /stats → documents, terms, last modified, connections
/// Bad parameters give 400, unknown paths 404, other methods than GET and HEAD 405, a body over
/// 16 KiB 413, all with a JSON {"error": …} body.
/// /search answers carry `X-Telusur-Cache: hit|miss|off`. One access-log line per request goes
/// to stderr. Throws Error if it cannot listen.
int serve(const ServeOptions& options, const LanguageData& data);

}  // namespace telusur::query
