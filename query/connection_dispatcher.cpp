#include "connection_dispatcher.h"

#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "telusur/error.h"

namespace telusur::query {

ConnectionDispatcher::ConnectionDispatcher(int listening_fd, std::size_t loops, std::size_t limit)
    : listening_fd_(listening_fd), wake_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)), limit_(limit) {
    if (wake_fd_ < 0) throw Error("cannot start the HTTP server: eventfd failed");
    // Polled before each accept: a client gone in between must not block the accepting thread.
    ::fcntl(listening_fd_, F_SETFL, ::fcntl(listening_fd_, F_GETFL) | O_NONBLOCK);
    for (std::size_t i = 0; i < loops; ++i) {
        loops_.push_back(std::make_unique<Loop>());
        loops_.back()->dispatcher = this;
    }
}

ConnectionDispatcher::~ConnectionDispatcher() {
    stop();
    ::close(wake_fd_);
}

void ConnectionDispatcher::notify(void* context, MHD_Connection*, void**, MHD_ConnectionNotificationCode code) {
    if (code != MHD_CONNECTION_NOTIFY_CLOSED) return;
    auto& loop = *static_cast<Loop*>(context);
    loop.dispatcher->closed(loop);
}

void ConnectionDispatcher::closed(Loop& loop) {
    {
        // Under the lock, so the acceptor cannot miss the signal between its check and its wait.
        const std::lock_guard lock(mutex_);
        loop.open.fetch_sub(1);
    }
    room_.notify_one();
}

void ConnectionDispatcher::start(const std::vector<MHD_Daemon*>& daemons) {
    for (std::size_t i = 0; i < loops_.size() && i < daemons.size(); ++i) loops_[i]->daemon = daemons[i];
    acceptor_ = std::thread([this] { accept_loop(); });
}

void ConnectionDispatcher::stop() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    room_.notify_one();
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(wake_fd_, &one, sizeof one);
    if (acceptor_.joinable()) acceptor_.join();
}

std::vector<std::size_t> ConnectionDispatcher::open_per_loop() const {
    std::vector<std::size_t> open;
    for (const auto& loop : loops_) open.push_back(loop->open.load());
    return open;
}

std::size_t ConnectionDispatcher::open_in_all() const {
    std::size_t total = 0;
    for (const auto& loop : loops_) total += loop->open.load();
    return total;
}

ConnectionDispatcher::Loop& ConnectionDispatcher::least_busy() {
    Loop* best = loops_.front().get();
    for (const auto& loop : loops_)
        if (loop->open.load() < best->open.load()) best = loop.get();
    return *best;
}

void ConnectionDispatcher::accept_loop() {
    while (true) {
        {
            std::unique_lock lock(mutex_);
            room_.wait(lock, [this] { return stopping_ || open_in_all() < limit_; });
            if (stopping_) return;
        }
        pollfd waits[2] = {{listening_fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
        if (::poll(waits, 2, -1) < 0) continue;  // EINTR
        if (waits[1].revents != 0) return;
        sockaddr_storage address{};
        socklen_t size = sizeof address;
        const int fd = ::accept4(listening_fd_, reinterpret_cast<sockaddr*>(&address), &size, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            // Out of descriptors or memory: the connection stays queued; try again shortly
            // rather than spin on a socket that stays readable. Else (the client left): go on.
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            continue;
        }
        auto& loop = least_busy();
        loop.open.fetch_add(1);  // counted now: the next connection, maybe a moment later, goes elsewhere
        // libmicrohttpd owns (and closes) the socket either way. A refusal here comes before the
        // connection started, so no close will be reported for it.
        if (MHD_add_connection(loop.daemon, fd, reinterpret_cast<sockaddr*>(&address), size) != MHD_YES) closed(loop);
    }
}

}  // namespace telusur::query
