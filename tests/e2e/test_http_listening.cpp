// End-to-end tests of how `telusur-query --serve` holds its port and its connections: alone on
// the port, room for bursts, a bounded number of connections, methods and bodies it refuses,
// and a graceful stop.
#include <doctest/doctest.h>

#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

#include <nlohmann/json.hpp>

#include "http_fixture.h"

namespace telusur::e2e {

namespace {

using json = nlohmann::json;

/// Starts a connect to 127.0.0.1:`port` without waiting for it; returns the socket.
int start_connect(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int rc = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
    REQUIRE((rc == 0 || errno == EINPROGRESS));
    return fd;
}

/// How many of `sockets` have finished connecting within `timeout_ms`.
int count_connected(const std::vector<int>& sockets, int timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    std::vector<bool> done(sockets.size(), false);
    int connected = 0;
    while (connected < static_cast<int>(sockets.size()) && std::chrono::steady_clock::now() < deadline) {
        for (std::size_t i = 0; i < sockets.size(); ++i) {
            if (done[i]) continue;
            pollfd fd{sockets[i], POLLOUT, 0};
            if (::poll(&fd, 1, 0) == 1 && (fd.revents & POLLOUT) != 0) {
                done[i] = true;
                ++connected;
            }
        }
        ::usleep(10'000);
    }
    return connected;
}

/// Sends `request` on the connected socket `fd`, then closes it, and returns all that came back
/// until the server closed its side (or 10 s passed).
std::string send_and_read(int fd, const std::string& request) {
    const int flags = ::fcntl(fd, F_GETFL);
    ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    timeval timeout{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    std::string reply;
    if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
        char chunk[4096];
        for (ssize_t n; (n = ::recv(fd, chunk, sizeof chunk, 0)) > 0;) reply.append(chunk, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return reply;
}

/// send_and_read on a new connection.
std::string exchange(int port, const std::string& request) {
    const int fd = start_connect(port);
    REQUIRE(count_connected({fd}, 5000) == 1);
    return send_and_read(fd, request);
}

}  // namespace

TEST_CASE("a second server on a port already served exits 2 saying so, and leaves the first alone") {
    TempDir tmp;
    const auto db = corpus_db(tmp);
    Server first(db);
    const auto address = "127.0.0.1:" + std::to_string(first.port());
    BackgroundProcess second({kQueryBin, "--db", db, "--serve", address});
    const auto line = second.read_error_line(10000);
    CHECK(line == "telusur-query: cannot listen on " + address + ": Address already in use");
    CHECK(second.wait(10000) == 2);

    for (int i = 0; i < 8; ++i) {  // every request reaches the first server
        const auto res = first.client().Get("/health");
        REQUIRE(res);
        CHECK(res->status == 200);
    }
}

TEST_CASE("a burst of new connections is queued, not dropped, while every worker is busy") {
    TempDir tmp;
    const auto db = corpus_db(tmp);
    Server server(db);
    server.signal(SIGSTOP);  // accepts nothing: only the kernel's listen queue takes connections
    std::vector<int> sockets;
    for (int i = 0; i < 32; ++i) sockets.push_back(start_connect(server.port()));
    // A dropped SYN is retried after a second and dropped again: a short backlog shows here.
    CHECK(count_connected(sockets, 800) == 32);
    server.signal(SIGCONT);

    const std::string request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    int answered = 0;
    for (const int fd : sockets)
        if (send_and_read(fd, request).starts_with("HTTP/1.1 200")) ++answered;
    CHECK(answered == 32);
}

TEST_CASE("connections are shared evenly between the server's threads, and counted until they close") {
    TempDir tmp;
    Server server(corpus_db(tmp), {"--threads", "2"});
    std::vector<int> sockets;  // opened at once, as a pool of clients starts
    for (int i = 0; i < 8; ++i) sockets.push_back(start_connect(server.port()));
    REQUIRE(count_connected(sockets, 5000) == 8);
    const auto open_per_thread = [&] {
        const auto stats = server.client().Get("/stats");  // a ninth connection, queued behind the eight
        REQUIRE(stats);
        return json::parse(stats->body).at("open_connections_per_thread").get<std::vector<int>>();
    };
    const auto open = open_per_thread();
    REQUIRE(open.size() == 2);
    CHECK(open[0] + open[1] == 9);
    CHECK(std::abs(open[0] - open[1]) <= 1);

    for (const int fd : sockets) ::close(fd);
    auto left = open_per_thread();
    for (int i = 0; i < 100 && left.at(0) + left.at(1) > 1; ++i) {  // closes are seen a moment later
        ::usleep(20'000);
        left = open_per_thread();
    }
    CHECK(left.at(0) + left.at(1) == 1);  // the /stats connection itself
}

TEST_CASE("only GET is served, a request body over 16 KiB or headers over the memory limit are refused, all logged") {
    TempDir tmp;
    Server server(corpus_db(tmp));
    const auto post = exchange(server.port(), "POST /search?q=Kursk HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                                              "Connection: close\r\n\r\n{}");
    CHECK(post.starts_with("HTTP/1.1 405"));
    CHECK(post.find("{\"error\":") != std::string::npos);
    CHECK(post.find("\r\nAllow: GET, HEAD\r\n") != std::string::npos);  // RFC 9110 asks a 405 to list them
    // The absolute form a proxy sends is the same request (RFC 9112 §3.2.2).
    const auto absolute = exchange(server.port(), "GET http://127.0.0.1/search?q=Kursk&limit=1 HTTP/1.1\r\nHost: x\r\n"
                                                  "Connection: close\r\n\r\n");
    CHECK(absolute.starts_with("HTTP/1.1 200"));
    CHECK(absolute.find("\"query\":\"Kursk\"") != std::string::npos);
    const std::string body(20000, 'x');
    const auto big = exchange(server.port(), "GET /search?q=Kursk HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                                                 std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    CHECK(big.starts_with("HTTP/1.1 413"));
    // A body announced too large to read past is refused at once, not waited for until the
    // connection idles out (and then closed without an answer).
    const auto announced = exchange(server.port(), "GET /search?q=Kursk HTTP/1.1\r\nHost: x\r\n"
                                                   "Content-Length: 100000000\r\n\r\n");
    CHECK(announced.starts_with("HTTP/1.1 413"));
    CHECK(announced.find("{\"error\":\"request body larger than") != std::string::npos);
    const auto head = exchange(server.port(), "HEAD /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    CHECK(head.starts_with("HTTP/1.1 200"));
    CHECK(head.find("{\"status\"") == std::string::npos);  // the headers only
    const auto huge = exchange(server.port(), "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100000, 'y') +
                                                  "\r\nConnection: close\r\n\r\n");
    CHECK(huge.starts_with("HTTP/1.1 431"));  // libmicrohttpd's own answer

    std::string log;
    CHECK(server.stop(&log) == 0);
    CHECK(log.find("127.0.0.1 \"POST /search?q=Kursk\" 405 ") != std::string::npos);
    CHECK(log.find("127.0.0.1 \"GET /search?q=Kursk\" 413 ") != std::string::npos);
    CHECK(log.find("127.0.0.1 \"GET /search?q=Kursk\" 413 ") != log.rfind("127.0.0.1 \"GET /search?q=Kursk\" 413 "));
    CHECK(log.find("127.0.0.1 \"HEAD /health\" 200 ") != std::string::npos);
    CHECK(log.find("127.0.0.1 \"- /health\" 431 -\n") != std::string::npos);
}

TEST_CASE("the access log percent-encodes what a client sends raw, so no escape sequence reaches it") {
    TempDir tmp;
    Server server(corpus_db(tmp));
    // Bytes a URL may not hold raw; libmicrohttpd passes them on, and each is answered.
    const auto escape = exchange(server.port(), "GET /search?q=a\x1b[2Jb HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    CHECK(escape.starts_with("HTTP/1.1 "));
    const auto other = exchange(server.port(), "GET /he\x07\x7f\"l\xff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    CHECK(other.starts_with("HTTP/1.1 404"));

    std::string log;
    CHECK(server.stop(&log) == 0);
    CHECK(log.find("127.0.0.1 \"GET /search?q=a%1B[2Jb\" ") != std::string::npos);
    CHECK(log.find("127.0.0.1 \"GET /he%07%7F%22l%FF\" 404 ") != std::string::npos);
    const auto raw = std::find_if(log.begin(), log.end(), [](char c) { return (c < 0x20 || c >= 0x7F) && c != '\n'; });
    CHECK_MESSAGE(raw == log.end(), "a raw byte in the log at offset " << (raw - log.begin()));
}

TEST_CASE("connections that say nothing do not hold up others, and beyond --connections wait their turn") {
    TempDir tmp;
    Server server(corpus_db(tmp), {"--threads", "1", "--connections", "6"});
    std::vector<int> silent;  // a request line begun and never finished
    for (int i = 0; i < 5; ++i) {
        silent.push_back(start_connect(server.port()));
        REQUIRE(count_connected({silent.back()}, 5000) == 1);
        ::send(silent.back(), "GET /sea", 8, MSG_NOSIGNAL);
    }
    // One thread, five connections stalled on it: a sixth client is still answered.
    auto client = server.client();
    client.set_keep_alive(true);
    const auto res = client.Get("/search?q=Kursk");
    REQUIRE(res);
    CHECK(res->status == 200);

    // Six open (the client keeps its connection): a seventh waits, answered once others close.
    const int seventh = start_connect(server.port());
    REQUIRE(count_connected({seventh}, 5000) == 1);  // the kernel's listen queue took it
    const std::string request = "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    REQUIRE(::send(seventh, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size()));
    pollfd reply{seventh, POLLIN, 0};
    CHECK(::poll(&reply, 1, 500) == 0);
    for (const int fd : silent) ::close(fd);
    REQUIRE(::poll(&reply, 1, 10000) == 1);
    char answer[64] = {};
    CHECK(::recv(seventh, answer, sizeof answer - 1, 0) > 0);
    CHECK(std::string(answer).starts_with("HTTP/1.1 200"));
    ::close(seventh);
}

TEST_CASE("on SIGTERM a request already begun gets its answer, and a silent one does not hold the exit") {
    TempDir tmp;
    Server server(corpus_db(tmp), {"--threads", "1"});
    const auto begin = [&](const std::string& part) {
        const int fd = start_connect(server.port());
        REQUIRE(count_connected({fd}, 5000) == 1);
        REQUIRE(::send(fd, part.data(), part.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(part.size()));
        return fd;
    };
    // Both request lines are in; neither request is complete (no blank line after the headers).
    const int begun = begin("GET /search?q=Kursk HTTP/1.1\r\nHost: x\r\n");
    const int silent = begin("GET /health HTTP/1.1\r\nHost: x\r\n");
    ::usleep(300'000);  // for the server to read them
    server.signal(SIGTERM);
    ::usleep(300'000);
    // No new connections now; the begun request is still answered, in full.
    const auto reply = send_and_read(begun, "Connection: close\r\n\r\n");
    CHECK(reply.starts_with("HTTP/1.1 200"));
    const auto body = reply.find("\r\n\r\n");
    REQUIRE(body != std::string::npos);
    CHECK(json::parse(reply.substr(body + 4)).at("hits").size() > 0);

    // The silent client is given up on after the grace period (5 s) at most: exit 0, both logged.
    std::string log;
    CHECK(server.stop(&log) == 0);
    CHECK(log.find("127.0.0.1 \"GET /search?q=Kursk\" 200 ") != std::string::npos);
    CHECK(log.find("telusur-query: stopped") != std::string::npos);
    ::close(silent);
}

}  // namespace telusur::e2e
