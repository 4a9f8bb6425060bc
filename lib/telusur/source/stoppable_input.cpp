#include "telusur/source/stoppable_input.h"

#include <array>
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <streambuf>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace telusur {

namespace {

constexpr std::size_t kBufferBytes = 1 << 16;
/// How long a wait for data lasts before `stop` is looked at again: a stop is seen within it.
constexpr int kPollMilliseconds = 100;

}  // namespace

class StoppableInput::Buffer : public std::streambuf {
  public:
    Buffer(int fd, bool owned, const std::atomic<bool>* stop) : fd_(fd), owned_(owned), stop_(stop) {
        struct stat info {};
        waits_ = ::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode);
    }
    ~Buffer() override {
        if (owned_) ::close(fd_);
    }
    bool stopped() const { return stopped_; }

  protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        for (;;) {
            if (stopped_ || (waits_ && !wait_for_data())) return traits_type::eof();
            const auto n = ::read(fd_, buffer_.data(), buffer_.size());
            if (n > 0) {
                setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
                return traits_type::to_int_type(*gptr());
            }
            if (n == 0) return traits_type::eof();
            // A FIFO opened without waiting, or a descriptor another program made non-blocking.
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
            throw std::system_error(errno, std::generic_category(), "read error");
        }
    }

  private:
    /// Waits until `fd_` has data or its end; false (and stopped) if `stop` is set meanwhile.
    bool wait_for_data() {
        for (;;) {
            if (stop_ != nullptr && stop_->load(std::memory_order_relaxed)) {
                stopped_ = true;
                return false;
            }
            pollfd ready{fd_, POLLIN, 0};
            const int n = ::poll(&ready, 1, kPollMilliseconds);
            if (n > 0) return true;  // data, the writer gone (POLLHUP) or an error: read(2) tells
            if (n < 0 && errno != EINTR) throw std::system_error(errno, std::generic_category(), "read error");
        }
    }

    int fd_;
    bool owned_;
    const std::atomic<bool>* stop_;
    bool waits_ = true;  // not a regular file: poll before reading
    bool stopped_ = false;
    std::array<char, kBufferBytes> buffer_{};
};

StoppableInput::StoppableInput(int fd, bool owned, const std::atomic<bool>* stop)
    : std::istream(nullptr), buffer_(std::make_unique<Buffer>(fd, owned, stop)) {
    rdbuf(buffer_.get());
    exceptions(std::ios::badbit);  // a read error reaches the reader with its reason
}

StoppableInput::~StoppableInput() = default;

bool StoppableInput::stopped() const { return buffer_->stopped(); }

int open_for_reading(const std::filesystem::path& path) {
    return ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
}

}  // namespace telusur
