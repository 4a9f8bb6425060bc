// End-to-end tests of how `telusur-query --serve` holds its port: alone, and with room for bursts.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

#include "http_fixture.h"

namespace telusur::e2e {

namespace {

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
    for (const int fd : sockets) {
        const int flags = ::fcntl(fd, F_GETFL);
        ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
        timeval timeout{10, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
            char reply[64] = {};
            if (::recv(fd, reply, sizeof reply - 1, MSG_WAITALL) > 0 &&
                std::string(reply).starts_with("HTTP/1.1 200"))
                ++answered;
        }
        ::close(fd);
    }
    CHECK(answered == 32);
}

}  // namespace telusur::e2e
