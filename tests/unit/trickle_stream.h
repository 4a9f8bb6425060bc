// An input stream that gives one byte per read, as a slow pipe may: every read boundary of a
// reader under test falls inside a line, a character or a compressed block somewhere.
#pragma once

#include <istream>
#include <streambuf>
#include <string>

namespace telusur::test {

class TrickleStream : public std::istream {
  public:
    explicit TrickleStream(std::string bytes) : std::istream(&buffer_), buffer_(std::move(bytes)) {}

  private:
    class Buffer : public std::streambuf {
      public:
        explicit Buffer(std::string bytes) : bytes_(std::move(bytes)) {}

      protected:
        int_type underflow() override {
            if (at_ >= bytes_.size()) return traits_type::eof();
            setg(&bytes_[at_], &bytes_[at_], &bytes_[at_] + 1);
            ++at_;
            return traits_type::to_int_type(*gptr());
        }

      private:
        std::string bytes_;
        std::size_t at_ = 0;
    };
    Buffer buffer_;
};

}  // namespace telusur::test
