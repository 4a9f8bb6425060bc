#include "http_routes.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>

#include <xapian.h>

#include "http_request.h"
#include "options.h"
#include "output.h"
#include "telusur/error.h"
#include "telusur/search/article_lookup.h"
#include "telusur/search/searcher.h"

namespace telusur::query {

namespace {

Reply json_reply(int status, const Json& body) { return {status, dump_json(body), nullptr}; }

/// The answer to `request`: from the cache when the same request was answered at the current
/// revision, else searched (and cached).
Reply find_answer(SearchService& service, const SearchRequest& request, std::chrono::steady_clock::time_point started) {
    if (!service.cache.enabled()) {
        const auto results = service.searchers.lease()->search(request);
        return {200, SerializedResults(results, kHitFields).with_elapsed(results.elapsed_ms), "off"};
    }
    // A hit needs no searcher, so it never waits behind searches in progress; it reports the
    // time it took now, not that of the search it reuses.
    if (auto cached = service.cache.find(service.searchers.latest_version(), request)) {
        const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - started;
        return {200, cached->with_elapsed(elapsed.count()), "hit"};
    }
    auto searcher = service.searchers.lease();
    const auto results = searcher->search(request);
    auto document = std::make_shared<const SerializedResults>(results, kHitFields);
    // The version after the search: Searcher::search may have reopened on a concurrent commit.
    service.cache.insert(database_version(searcher->database()), request, document);
    return {200, document->with_elapsed(results.elapsed_ms), "miss"};
}

Reply handle_search(const Params& params, SearchService& service) {
    const auto started = std::chrono::steady_clock::now();
    try {
        return find_answer(service, parse_search_request(params), started);
    } catch (const BadRequest& e) {
        return error_reply(400, e.message);
    } catch (const QueryError& e) {
        return error_reply(400, e.what());
    } catch (const Error& e) {  // the database cannot be searched as it is (gone, rebuilt by another stemmer)
        return error_reply(503, e.what());
    }
}

Reply handle_stats(SearchService& service) try {
    const auto searcher = service.searchers.lease();
    const auto& db = searcher->database();
    std::error_code ec;
    const auto modified = std::filesystem::last_write_time(std::filesystem::path(service.options.db) / "iamglass", ec);
    const auto seconds = ec ? 0 : std::chrono::duration_cast<std::chrono::seconds>(
                                      std::chrono::file_clock::to_sys(modified).time_since_epoch()).count();
    return json_reply(200, Json{{"documents", db.get_doccount()},
                                {"term_occurrences", db.get_total_length()},
                                {"average_length", db.get_avlength()},
                                {"last_modified_unix", seconds},
                                {"open_connections_per_thread", service.connections != nullptr
                                                                    ? service.connections->open_per_loop()
                                                                    : std::vector<std::size_t>{}}});
} catch (const Error& e) {  // the database cannot be reopened
    return error_reply(503, e.what());
}

/// GET /article?id=ID: the article whole, as --show --format json prints it; 404 when the
/// database holds no such id.
Reply handle_article(const Params& params, SearchService& service) {
    try {
        const auto id = parse_article_id(params);
        auto searcher = service.searchers.lease();
        std::optional<ArticleView> view;
        try {
            view = find_article(searcher->database(), id);
        } catch (const Xapian::DatabaseModifiedError&) {  // a writer committed between our reads
            searcher->reopen();
            view = find_article(searcher->database(), id);
        }
        if (!view) return error_reply(404, "no article with id '" + id + "' (ids as the hits of /search give them)");
        return {200, article_document(*view), nullptr};
    } catch (const BadRequest& e) {
        return error_reply(400, e.message);
    } catch (const QueryError& e) {  // an id that is not UTF-8
        return error_reply(400, e.what());
    } catch (const Error& e) {  // the database cannot be reopened
        return error_reply(503, e.what());
    }
}

/// "ok" while the database can be read: one stat(2) of its version file when nothing changed.
Reply handle_health(SearchService& service) {
    try {
        service.searchers.latest_version();
        return json_reply(200, Json{{"status", "ok"}});
    } catch (const Error& e) {
        return json_reply(503, Json{{"status", "unavailable"}, {"error", e.what()}});
    }
}

/// The path of a request target, also of the absolute form a proxy sends ("http://host/search";
/// RFC 9112 §3.2.2: a server must accept it).
std::string_view path_of(std::string_view target) {
    for (std::string_view scheme : {"http://", "https://"}) {
        if (!target.starts_with(scheme)) continue;
        const auto path = target.find('/', scheme.size());
        return path == std::string_view::npos ? "/" : target.substr(path);
    }
    return target;
}

}  // namespace

Reply error_reply(int status, const std::string& message) { return json_reply(status, Json{{"error", message}}); }

Reply route(std::string_view target, std::string_view method, MHD_Connection* connection, SearchService& service) {
    const auto path = path_of(target);
    if (path != "/search" && path != "/article" && path != "/health" && path != "/stats")
        return error_reply(404, "not found");
    if (method != "GET" && method != "HEAD") return error_reply(405, "only GET and HEAD are served");
    if (path == "/health") return handle_health(service);
    if (path == "/stats") return handle_stats(service);
    if (path == "/article") return handle_article(Params(connection), service);
    return handle_search(Params(connection), service);
}


}  // namespace telusur::query
