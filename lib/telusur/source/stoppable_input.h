// StoppableInput: reading a pipe or FIFO that may send nothing for a long time, yet ending as
// soon as the run is asked to stop.
#pragma once

#include <atomic>
#include <filesystem>
#include <istream>
#include <memory>

namespace telusur {

/// An input stream over a file descriptor. On a pipe, FIFO or terminal it waits for data in
/// short polls, checking `stop` between them: a read that would block forever (a FIFO nobody
/// writes to, a feed gone quiet) ends at end of file with stopped() true once `stop` is set,
/// where a plain read would ignore SIGTERM until data came. Regular files are read directly.
/// A read error throws std::system_error and leaves the stream bad.
class StoppableInput : public std::istream {
  public:
    /// Reads `fd`, closed at the end when `owned`. `stop` may be null (never stops).
    StoppableInput(int fd, bool owned, const std::atomic<bool>* stop);
    ~StoppableInput() override;
    StoppableInput(const StoppableInput&) = delete;
    StoppableInput& operator=(const StoppableInput&) = delete;

    /// True when the stream ended because `stop` was set, not at the end of its data.
    bool stopped() const;

  private:
    class Buffer;
    std::unique_ptr<Buffer> buffer_;
};

/// Opens `path` for reading without waiting for a FIFO's writer to appear (open(2) of a FIFO
/// blocks until one does): the wait happens in StoppableInput, where it can be stopped.
/// Returns the descriptor, or -1 with errno set.
int open_for_reading(const std::filesystem::path& path);

}  // namespace telusur
