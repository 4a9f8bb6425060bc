// ListeningSocket: the TCP socket `telusur-query --serve` accepts connections on.
#pragma once

#include <string>

namespace telusur::query {

/// A socket bound to HOST:PORT and listening, closed on destruction. Opened by
/// us rather than by the HTTP library so that a failure names its cause ("Address already in
/// use"), a second server can never share the port (SO_REUSEADDR only, no SO_REUSEPORT), and a
/// burst of clients waits in the system's full listen queue (SOMAXCONN) instead of losing SYNs.
class ListeningSocket {
  public:
    /// Throws telusur::Error "cannot listen on HOST:PORT: reason". Port 0 picks a free one.
    ListeningSocket(const std::string& host, int port);
    ~ListeningSocket();
    ListeningSocket(const ListeningSocket&) = delete;
    ListeningSocket& operator=(const ListeningSocket&) = delete;

    int fd() const { return fd_; }
    int port() const { return port_; }  ///< The port bound: the one picked when asked for 0.

  private:
    int fd_ = -1;
    int port_ = 0;
};

}  // namespace telusur::query
