// Shared helper of the HTTP end-to-end tests: a real `telusur-query --serve` on 127.0.0.1.
#pragma once

#include <algorithm>
#include <csignal>
#include <string>
#include <vector>

#include <httplib.h>

#include "cli_fixture.h"

namespace telusur::e2e {

/// Starts the server on `db` on an ephemeral port and learns the port from its first line.
class Server {
  public:
    explicit Server(const std::string& db, std::vector<std::string> extra = {})
        : process_([&] {
              std::vector<std::string> argv{kQueryBin, "--db", db, "--serve", "127.0.0.1:0"};
              if (std::find(extra.begin(), extra.end(), "--threads") == extra.end()) extra.insert(extra.end(), {"--threads", "4"});
              argv.insert(argv.end(), extra.begin(), extra.end());
              return argv;
          }()) {
        const auto line = process_.read_error_line(10000);
        const auto at = line.rfind(':');
        REQUIRE_MESSAGE(line.find("http://127.0.0.1:") != std::string::npos, line);
        port_ = std::stoi(line.substr(at + 1));
    }
    int port() const { return port_; }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_connection_timeout(5, 0);
        c.set_read_timeout(10, 0);
        return c;
    }
    /// SIGSTOP, SIGCONT: a server too busy to accept, then back.
    void signal(int signal_number) { process_.signal(signal_number); }
    int stop(std::string* log) { return process_.stop(SIGTERM, log); }

  private:
    BackgroundProcess process_;
    int port_ = 0;
};

/// corpus/ indexed into `tmp`/db, for a test that changes its database.
inline std::string corpus_db(TempDir& tmp) {
    REQUIRE(index_into(tmp / "db", {kCorpusDir}).exit_code == 0);
    return tmp / "db";
}

}  // namespace telusur::e2e
