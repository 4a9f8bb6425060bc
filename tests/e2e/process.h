// Runs one of the real binaries as a child process and captures what it printed.
#pragma once

#include <string>
#include <vector>

namespace telusur::e2e {

struct ProcessResult {
    int exit_code = -1;  ///< Exit status, or 128 + signal number if it was killed.
    std::string out;     ///< Everything written to stdout.
    std::string err;     ///< Everything written to stderr.
};

/// Runs `argv` (argv[0] is a path), feeding `input` on stdin, and waits for it.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {});

/// A child process left running (a server), with its stderr readable line by line.
class BackgroundProcess {
  public:
    explicit BackgroundProcess(const std::vector<std::string>& argv);
    ~BackgroundProcess();  ///< Kills the child if it is still running.
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

    /// The next line the child wrote on stderr, or empty after `timeout_ms` or at its end.
    std::string read_error_line(int timeout_ms);
    /// Sends `signal_number`, waits for the exit, returns the status as ProcessResult does;
    /// what is left on stderr is appended to `rest_of_stderr`.
    int stop(int signal_number, std::string* rest_of_stderr = nullptr);
    /// Waits up to `timeout_ms` for the child to exit by itself: its status as ProcessResult
    /// gives it, or -1 if it still runs then.
    int wait(int timeout_ms);
    /// Sends `signal_number` and returns at once (SIGSTOP, SIGCONT).
    void signal(int signal_number);

  private:
    int pid_ = -1;
    int err_fd_ = -1;
    std::string buffer_;
};

/// A fresh empty folder under the system temp folder, removed on destruction.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string operator/(const std::string& name) const { return path_ + "/" + name; }

  private:
    std::string path_;
};

}  // namespace telusur::e2e
