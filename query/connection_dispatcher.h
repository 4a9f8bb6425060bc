// ConnectionDispatcher: hands each new connection of `telusur-query --serve` to an event loop.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <microhttpd.h>

namespace telusur::query {

/// Accepts connections on a listening socket and gives each to the libmicrohttpd event loop
/// with the fewest open, at most `limit` open in all (more wait in the listen queue).
///
/// Why not libmicrohttpd's own thread pool: its loops race for the listening socket and the
/// winner accepts a run of connections, so 32 clients split 18/14 and those of the busier loop
/// waited a fifth longer (bench/results/http-load.md). A loop is a core: the split
/// has to be even for the latency to be.
///
/// Usage: construct with the number of loops; start each loop's daemon with
/// `MHD_USE_NO_LISTEN_SOCKET | MHD_USE_ITC` and `MHD_OPTION_NOTIFY_CONNECTION,
/// &ConnectionDispatcher::notify, dispatcher.context(i)`; then `start` with the daemons.
class ConnectionDispatcher {
  public:
    ConnectionDispatcher(int listening_fd, std::size_t loops, std::size_t limit);
    ~ConnectionDispatcher();  ///< Stops accepting; the daemons are the caller's to stop after.
    ConnectionDispatcher(const ConnectionDispatcher&) = delete;
    ConnectionDispatcher& operator=(const ConnectionDispatcher&) = delete;

    /// The `MHD_OPTION_NOTIFY_CONNECTION` context of loop `i`.
    void* context(std::size_t i) { return loops_[i].get(); }
    /// libmicrohttpd's connection callback: counts the connections each loop closes.
    static void notify(void* context, MHD_Connection*, void** socket_context, MHD_ConnectionNotificationCode code);

    /// Starts accepting, one daemon per loop, in the order of `context`.
    void start(const std::vector<MHD_Daemon*>& daemons);
    /// Accepts no more connections (they wait in the listen queue); those open stay with their loops.
    void stop();

    /// Connections open on each loop (handed to it and not yet closed), in loop order.
    std::vector<std::size_t> open_per_loop() const;

  private:
    struct Loop {
        ConnectionDispatcher* dispatcher = nullptr;
        MHD_Daemon* daemon = nullptr;
        std::atomic<std::size_t> open{0};
    };

    void accept_loop();
    Loop& least_busy();
    std::size_t open_in_all() const;
    void closed(Loop& loop);

    int listening_fd_;
    int wake_fd_;  ///< An eventfd that stop() writes to end the wait for connections.
    std::size_t limit_;
    std::vector<std::unique_ptr<Loop>> loops_;
    std::mutex mutex_;
    std::condition_variable room_;  ///< Signalled when a connection closes or on stop.
    bool stopping_ = false;
    std::thread acceptor_;
};

}  // namespace telusur::query
