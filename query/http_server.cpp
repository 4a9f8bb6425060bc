#include "http_server.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <pthread.h>
#include <string_view>
#include <sys/socket.h>
#include <thread>

#include <httplib.h>

#include "options.h"
#include "output.h"
#include "request.h"
#include "result_cache.h"
#include "searcher_pool.h"
#include "telusur/error.h"
#include "telusur/search/searcher.h"

namespace telusur::query {

namespace {

constexpr std::size_t kMaxLimit = 100;
constexpr std::size_t kMaxOffset = 10000;
constexpr std::size_t kMaxRequestBytes = 16 * 1024;
constexpr std::size_t kKeepAliveRequests = 100;

/// A 400 with a message, raised by parameter parsing.
struct BadRequest {
    std::string message;
};

std::size_t number_param(const httplib::Request& req, const char* name, std::size_t fallback, std::size_t max) {
    if (!req.has_param(name)) return fallback;
    const auto text = req.get_param_value(name);
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        throw BadRequest{std::string("parameter '") + name + "' must be a whole number"};
    if (value > max) throw BadRequest{std::string("parameter '") + name + "' is at most " + std::to_string(max)};
    return value;
}

void send_body(httplib::Response& res, int status, std::string body) {
    res.status = status;
    res.set_content(std::move(body), "application/json; charset=utf-8");
}

void send_json(httplib::Response& res, int status, const Json& body) { send_body(res, status, dump_json(body)); }

void send_error(httplib::Response& res, int status, const std::string& message) {
    send_json(res, status, Json{{"error", message}});
}

/// What the request handlers share: the searchers, the result cache and the settings.
struct SearchService {
    const ServeOptions& options;
    SearcherPool searchers;
    ResultCache cache;
};

SearchRequest parse_search_request(const httplib::Request& req) {
    SearchRequest request;
    if (!req.has_param("q")) throw BadRequest{"missing parameter 'q'"};
    request.query = req.get_param_value("q");
    if (request.query.size() > kMaxQueryBytes) throw BadRequest{"parameter 'q' is longer than " + std::to_string(kMaxQueryBytes) + " bytes"};
    request.limit = number_param(req, "limit", 10, kMaxLimit);
    request.offset = number_param(req, "offset", 0, kMaxOffset);
    if (req.has_param("format") && req.get_param_value("format") != "json") throw BadRequest{"parameter 'format' must be json"};
    if (req.has_param("sort")) request.sort = parse_sort(req.get_param_value("sort"));
    for (std::size_t i = 0; i < req.get_param_value_count("facet"); ++i)
        request.facets.push_back(req.get_param_value("facet", i));
    for (std::size_t i = 0; i < req.get_param_value_count("filter"); ++i)
        request.filters.push_back(req.get_param_value("filter", i));
    if (req.has_param("since")) request.since = req.get_param_value("since");
    if (req.has_param("until")) request.until = req.get_param_value("until");
    request.facet_limit = number_param(req, "facet_limit", 10, 1000);
    request.collapse = !(req.has_param("collapse") && req.get_param_value("collapse") == "0");
    return request;
}

/// A search's answer, the time it took and where it came from: the X-Telusur-Cache header.
struct Answer {
    std::shared_ptr<const SerializedResults> document;
    double elapsed_ms = 0;
    const char* cache;  ///< "hit", "miss" or "off".
};

/// The answer to `request`: from the cache when the same request was answered at the current
/// revision, else searched (and cached).
Answer find_answer(SearchService& service, const SearchRequest& request,
                   std::chrono::steady_clock::time_point started) {
    if (!service.cache.enabled()) {
        const auto results = service.searchers.lease()->search(request);
        return {std::make_shared<const SerializedResults>(results, kHitFields), results.elapsed_ms, "off"};
    }
    // A hit needs no searcher, so it never waits behind searches in progress; it reports the
    // time it took now, not that of the search it reuses.
    if (auto cached = service.cache.find(service.searchers.latest_revision(), request)) {
        const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - started;
        return {std::move(cached), elapsed.count(), "hit"};
    }
    auto searcher = service.searchers.lease();
    const auto results = searcher->search(request);
    auto document = std::make_shared<const SerializedResults>(results, kHitFields);
    // The revision after the search: Searcher::search may have reopened on a concurrent commit.
    service.cache.insert(searcher->database().get_revision(), request, document);
    return {std::move(document), results.elapsed_ms, "miss"};
}

void handle_search(const httplib::Request& req, httplib::Response& res, SearchService& service) {
    const auto started = std::chrono::steady_clock::now();
    try {
        const auto answer = find_answer(service, parse_search_request(req), started);
        res.set_header("X-Telusur-Cache", answer.cache);
        send_body(res, 200, answer.document->with_elapsed(answer.elapsed_ms));
    } catch (const BadRequest& e) {
        send_error(res, 400, e.message);
    } catch (const QueryError& e) {
        send_error(res, 400, e.what());
    } catch (const Error& e) {  // the database cannot be searched as it is (gone, rebuilt by another stemmer)
        send_error(res, 503, e.what());
    }
}

void handle_stats(httplib::Response& res, SearchService& service) try {
    const auto searcher = service.searchers.lease();
    const auto& db = searcher->database();
    std::error_code ec;
    const auto modified = std::filesystem::last_write_time(std::filesystem::path(service.options.db) / "iamglass", ec);
    const auto seconds = ec ? 0 : std::chrono::duration_cast<std::chrono::seconds>(
                                      std::chrono::file_clock::to_sys(modified).time_since_epoch()).count();
    send_json(res, 200, Json{{"documents", db.get_doccount()},
                             {"term_occurrences", db.get_total_length()},
                             {"average_length", db.get_avlength()},
                             {"last_modified_unix", seconds}});
} catch (const Error& e) {  // the database cannot be reopened
    send_error(res, 503, e.what());
}

/// "ok" while the database can be read: one stat(2) of its version file when nothing changed.
void handle_health(httplib::Response& res, SearchService& service) {
    try {
        service.searchers.latest_revision();
        send_json(res, 200, Json{{"status", "ok"}});
    } catch (const Error& e) {
        send_json(res, 503, Json{{"status", "unavailable"}, {"error", e.what()}});
    }
}

/// One line per request in a single write(2), so lines of concurrent requests never interleave
/// without a lock of ours; std::cerr wrote each piece separately and needed one.
void log_request(const httplib::Request& req, const httplib::Response& res) {
    std::string line = req.remote_addr;
    line.append(" \"").append(req.method).append(" ").append(req.target).append("\" ");
    line.append(std::to_string(res.status)).append(" ").append(std::to_string(res.body.size())).append("\n");
    std::fwrite(line.data(), 1, line.size(), stderr);  // stderr is unbuffered: one write
}

/// Binds and listens, and returns the port. cpp-httplib 0.11 (Debian 12) would set SO_REUSEPORT,
/// so that a second server started on the same port runs without a word and takes half the
/// requests, and it listens with a backlog of 5, so that a burst of new connections loses SYNs
/// and each lost one waits a second for the client's retry. So the socket gets SO_REUSEADDR only
/// (a restart need not wait for old connections to time out), and is listened on again with the
/// system's maximum backlog (Linux updates the backlog of a listening socket in place).
int listen_on(httplib::Server& server, const ServeOptions& options) {
    int listening = -1;
    server.set_socket_options([&listening](int sock) {
        const int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        listening = sock;  // the last socket tried is the one bound, if any is
    });
    errno = 0;
    const int port = options.port == 0 ? server.bind_to_any_port(options.host)
                                       : (server.bind_to_port(options.host, options.port) ? options.port : -1);
    if (port < 0) {
        const int reason = errno;  // bind(2)'s, left by cpp-httplib's clean-up: close and freeaddrinfo keep it
        throw Error("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                    (reason != 0 ? std::string(": ") + std::strerror(reason) : std::string()));
    }
    if (::listen(listening, SOMAXCONN) != 0)
        throw Error("cannot listen on " + options.host + ":" + std::to_string(port) + ": " + std::strerror(errno));
    return port;
}

}  // namespace

ServeOptions parse_listen_address(const std::string& address) {
    ServeOptions options;
    std::string port = address;
    if (const auto colon = address.rfind(':'); colon != std::string::npos) {
        options.host = address.substr(0, colon);
        port = address.substr(colon + 1);
        if (options.host.empty()) throw Error("bad --serve address '" + address + "': empty host");
    }
    int value = -1;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || end != port.data() + port.size() || value < 0 || value > 65535)
        throw Error("bad --serve address '" + address + "': expected [HOST:]PORT with PORT 0-65535");
    options.port = value;
    return options;
}

int serve(const ServeOptions& options, const LanguageData& data) {
    // More searches at once than cores only share the CPU, and cost more of it (measured in
    // bench/results/http-load.md): one per core unless told otherwise.
    const std::size_t searchers = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    // Opening the searchers first fails before listening if the database is unusable.
    SearchService service{options, SearcherPool(options.db, data, searchers), ResultCache(options.cache_size)};

    // Signals are taken by one thread with sigwait, so the handler may call Server::stop().
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    httplib::Server server;
    // cpp-httplib gives a keep-alive connection one pool thread for as long as it stays open, so
    // the pool is sized for connections; the searcher pool bounds the searches themselves.
    server.new_task_queue = [&options] { return new httplib::ThreadPool(options.connections); };
    // cpp-httplib 0.11 closes a keep-alive connection after 5 requests by default: a reconnect
    // costs more than many a search, and a connection beyond the pool size waits for one to close.
    server.set_keep_alive_max_count(kKeepAliveRequests);
    server.set_tcp_nodelay(true);  // small JSON answers: do not wait for Nagle's 40 ms
    server.set_payload_max_length(kMaxRequestBytes);
    server.set_read_timeout(5, 0);
    server.set_write_timeout(5, 0);
    server.set_logger(log_request);
    server.Get("/search", [&](const httplib::Request& req, httplib::Response& res) { handle_search(req, res, service); });
    server.Get("/health", [&](const httplib::Request&, httplib::Response& res) { handle_health(res, service); });
    server.Get("/stats", [&](const httplib::Request&, httplib::Response& res) { handle_stats(res, service); });
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty()) send_error(res, res.status, res.status == 404 ? "not found" : "request failed");
    });
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string message = "internal error";
        try {
            std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            message = e.what();
        } catch (...) {
        }
        send_error(res, 500, message);
    });

    const int port = listen_on(server, options);
    std::cerr << "telusur-query: serving " << options.db << " on http://" << options.host << ':' << port << '\n'
              << std::flush;

    std::thread stopper([&server, &signals] {
        int received = 0;
        sigwait(&signals, &received);
        server.stop();
    });
    server.listen_after_bind();
    // listen_after_bind returns only after stop(); if it failed on its own, wake the stopper.
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    std::cerr << "telusur-query: stopped\n";
    return 0;
}

}  // namespace telusur::query
