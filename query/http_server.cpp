#include "http_server.h"

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <charconv>
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <netinet/in.h>
#include <pthread.h>
#include <string_view>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

#include <microhttpd.h>

#include "connection_dispatcher.h"
#include "http_routes.h"
#include "listening_socket.h"
#include "result_cache.h"
#include "searcher_pool.h"

namespace telusur::query {

namespace {

constexpr std::size_t kMaxBodyBytes = 16 * 1024;  // every endpoint is a GET: a body is only read past
// A body beyond kMaxBodyBytes is still read to its end, up to this, so that the client gets its
// 413 (closing on unread bytes resets the connection and loses the answer); beyond, it is cut off.
constexpr std::size_t kMaxDiscardedBytes = 1024 * 1024;
constexpr unsigned kIdleSeconds = 5;               // a connection silent this long is closed
constexpr auto kShutdownGrace = std::chrono::seconds(5);

/// One request, from its request line to its answer: libmicrohttpd's per-request context.
struct Exchange {
    std::string target;  ///< As sent (path and query string), for the access log.
    bool begun = false;  ///< The handler has seen the headers.
    std::size_t body_bytes = 0;
    // What the access log says of the answer; empty method: libmicrohttpd refused the request
    // before the handler saw it (headers too large, malformed) or the client left first.
    std::string method;
    int status = 0;
    std::size_t answer_bytes = 0;
};

void* begin_exchange(void* service, const char* uri, MHD_Connection*) try {
    auto* exchange = new Exchange;
    exchange->target = uri != nullptr ? uri : "";
    static_cast<SearchService*>(service)->in_flight.fetch_add(1);
    return exchange;
} catch (...) {  // out of memory: the handler then refuses the request
    return nullptr;
}

std::string client_address(MHD_Connection* connection) {
    const auto* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    char text[INET6_ADDRSTRLEN] = "-";
    if (info != nullptr && info->client_addr != nullptr) {
        const auto* address = info->client_addr;
        if (address->sa_family == AF_INET)
            ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text, sizeof text);
        else if (address->sa_family == AF_INET6)
            ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text, sizeof text);
    }
    return text;
}

/// A request's method or target as the access log shows it: each byte a URL may not hold raw
/// (control characters, space, quote, non-ASCII) percent-encoded, so that a client can neither
/// write escape sequences to the terminal reading the log nor make a line that parses otherwise.
std::string loggable(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte > 0x20 && byte < 0x7F && c != '"') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        }
    }
    return out;
}

/// One line per request, once it is over, in a single write(2), so lines of concurrent requests
/// never interleave. A request libmicrohttpd answered itself (431: headers too large) shows
/// its status with "-" for the method and size; one with no answer at all shows "-" for both.
void log_request(MHD_Connection* connection, const Exchange& exchange) {
    std::string line = client_address(connection);
    const bool ours = !exchange.method.empty();
    line.append(" \"").append(ours ? loggable(exchange.method) : "-").append(" ");
    line.append(loggable(exchange.target)).append("\" ");
    int status = exchange.status;
    if (!ours) {
        const auto* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_HTTP_STATUS);
        status = info != nullptr ? static_cast<int>(info->http_status) : 0;
    }
    line.append(status != 0 ? std::to_string(status) : "-").append(" ");
    line.append(ours ? std::to_string(exchange.answer_bytes) : "-").append("\n");
    // One write(2), not stdio's: the server's threads queued for the lock of stderr's FILE. A
    // line this short goes into a pipe or a file whole, never interleaved with another.
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, line.data(), line.size());
}

void end_exchange(void* service, MHD_Connection* connection, void** context, MHD_RequestTerminationCode) {
    auto* exchange = static_cast<Exchange*>(*context);
    if (exchange == nullptr) return;
    *context = nullptr;
    try {
        log_request(connection, *exchange);
    } catch (...) {  // out of memory: the line is lost, nothing may unwind into libmicrohttpd
    }
    delete exchange;
    static_cast<SearchService*>(service)->in_flight.fetch_sub(1);
}

MHD_Result send_reply(MHD_Connection* connection, Reply reply) {
    auto* body = new std::string(std::move(reply.body));
    auto* response = MHD_create_response_from_buffer_with_free_callback_cls(
        body->size(), body->data(), [](void* text) { delete static_cast<std::string*>(text); }, body);
    if (response == nullptr) {
        delete body;
        return MHD_NO;  // out of memory: the connection is closed
    }
    MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json; charset=utf-8");
    if (reply.cache != nullptr) MHD_add_response_header(response, "X-Telusur-Cache", reply.cache);
    // RFC 9110: a 405 lists the methods the resource takes.
    if (reply.status == 405) MHD_add_response_header(response, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    const auto queued = MHD_queue_response(connection, static_cast<unsigned>(reply.status), response);
    MHD_destroy_response(response);
    return queued;
}

/// The length of body the request's headers announce; 0 without one (or a chunked body, whose
/// length comes as it is read).
std::uint64_t declared_body_bytes(MHD_Connection* connection) {
    const char* value = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (value == nullptr) return 0;
    std::uint64_t bytes = 0;
    const std::string_view text(value);
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), bytes);
    if (ec == std::errc::result_out_of_range) return UINT64_MAX;
    return ec == std::errc() && end == text.data() + text.size() ? bytes : 0;  // libmicrohttpd refuses the rest
}

Reply body_too_large() {
    return error_reply(413, "request body larger than " + std::to_string(kMaxBodyBytes) + " bytes");
}

/// libmicrohttpd's access handler: called once when the headers are in, then once per piece of
/// body, then once more; the answer is queued on the last call (a response queued earlier
/// would make libmicrohttpd close a keep-alive connection after it).
MHD_Result handle(void* cls, MHD_Connection* connection, const char* url, const char* method, const char*,
                  const char*, size_t* upload_size, void** context) try {
    auto& service = *static_cast<SearchService*>(cls);
    if (*context == nullptr) return MHD_NO;  // begin_exchange ran out of memory
    auto& exchange = *static_cast<Exchange*>(*context);
    Reply reply;
    if (!exchange.begun) {
        exchange.begun = true;
        // A body declared too large to read past is refused before it comes: waiting for it
        // would hold the client until the idle timeout and then close without an answer.
        if (declared_body_bytes(connection) <= kMaxDiscardedBytes) return MHD_YES;
        reply = body_too_large();
        exchange.method = method;
        exchange.status = reply.status;
        exchange.answer_bytes = reply.body.size();
        return send_reply(connection, std::move(reply));
    }
    if (*upload_size > 0) {  // read past, answered at its end
        exchange.body_bytes += *upload_size;
        *upload_size = 0;
        return exchange.body_bytes <= kMaxDiscardedBytes ? MHD_YES : MHD_NO;
    }
    if (exchange.body_bytes > kMaxBodyBytes) {
        reply = body_too_large();
    } else {
        try {
            reply = route(url, method, connection, service);
        } catch (const std::exception& e) {
            reply = error_reply(500, e.what());
        } catch (...) {
            reply = error_reply(500, "internal error");
        }
    }
    exchange.method = method;
    exchange.status = reply.status;
    exchange.answer_bytes = reply.body.size();
    return send_reply(connection, std::move(reply));
} catch (...) {  // out of memory: nothing may unwind into libmicrohttpd's C; the connection is closed
    return MHD_NO;
}

}  // namespace

ServeOptions parse_listen_address(const std::string& address) {
    ServeOptions options;
    std::string port = address;
    if (const auto colon = address.rfind(':'); colon != std::string::npos) {
        options.host = address.substr(0, colon);
        port = address.substr(colon + 1);
        // [::1]:8080, as a URL writes an IPv6 address (::1:8080 is taken too: the port is last).
        if (options.host.size() > 2 && options.host.front() == '[' && options.host.back() == ']')
            options.host = options.host.substr(1, options.host.size() - 2);
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
    const std::size_t threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    // Opening the searchers first fails before listening if the database is unusable. One per
    // server thread: a lease never waits.
    SearchService service{options, SearcherPool(options.db, data, threads), ResultCache(options.cache_size)};
    ListeningSocket listening(options.host, options.port);

    // Blocked before the server's threads start, so that they inherit the mask and only sigwait
    // below takes SIGINT and SIGTERM.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    // `threads` event loops, each with an even share of the connections, each searching in turn
    // for the requests that are ready: no thread per connection and no hand-over between threads
    // (bench/results/http-load.md measured 27 % less CPU per request than cpp-httplib's model).
    ConnectionDispatcher dispatcher(listening.fd(), threads, options.connections);
    service.connections = &dispatcher;
    std::vector<MHD_Daemon*> loops;
    const auto stop_loops = [&loops] {
        for (auto* loop : loops) MHD_stop_daemon(loop);
    };
    // The dispatcher keeps to --connections. libmicrohttpd counts a connection until it has
    // cleaned it up, after telling the dispatcher it closed: its own limit leaves room for those.
    const auto loop_limit = static_cast<unsigned>(2 * options.connections);
    for (std::size_t i = 0; i < threads; ++i) {
        auto* loop = MHD_start_daemon(
            MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_TURBO | MHD_USE_NO_LISTEN_SOCKET, 0,
            nullptr, nullptr, &handle, &service, MHD_OPTION_CONNECTION_LIMIT, loop_limit,
            MHD_OPTION_CONNECTION_TIMEOUT, kIdleSeconds, MHD_OPTION_URI_LOG_CALLBACK, &begin_exchange, &service,
            MHD_OPTION_NOTIFY_COMPLETED, &end_exchange, &service, MHD_OPTION_NOTIFY_CONNECTION,
            &ConnectionDispatcher::notify, dispatcher.context(i), MHD_OPTION_END);
        if (loop == nullptr) {
            stop_loops();
            throw Error("cannot start the HTTP server on " + options.host + ":" + std::to_string(listening.port()));
        }
        loops.push_back(loop);
    }
    dispatcher.start(loops);
    const bool ipv6 = options.host.find(':') != std::string::npos;
    std::cerr << "telusur-query: serving " << options.db << " on http://" << (ipv6 ? "[" : "") << options.host
              << (ipv6 ? "]" : "") << ':' << listening.port()
              << '\n'
              << std::flush;

    int received = 0;
    sigwait(&signals, &received);
    // Graceful: no new connections, the requests begun get their answers (for a few seconds at
    // most), then the idle keep-alive connections are closed.
    dispatcher.stop();
    const auto deadline = std::chrono::steady_clock::now() + kShutdownGrace;
    while (service.in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    stop_loops();
    std::cerr << "telusur-query: stopped\n";
    return 0;
}

}  // namespace telusur::query
