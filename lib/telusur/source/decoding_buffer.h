// Internal to lib/telusur/source: the stream-buffer plumbing the decoding streams share
// (decompression, UTF-16). Not part of the library's interface.
#pragma once

#include <algorithm>
#include <istream>
#include <memory>
#include <streambuf>
#include <vector>

namespace telusur::detail {

/// Up to `size` bytes of what `source` holds now, waiting only when it holds nothing, so a
/// pipe's data is decoded as it comes, not once a whole buffer has arrived. 0 at its end.
inline std::size_t read_some(std::istream& source, char* out, std::size_t size) {
    using traits = std::streambuf::traits_type;
    std::streambuf& buffer = *source.rdbuf();
    if (traits::eq_int_type(buffer.sgetc(), traits::eof())) return 0;
    const auto available = std::max<std::streamsize>(buffer.in_avail(), 1);
    return static_cast<std::size_t>(buffer.sgetn(out, std::min(available, static_cast<std::streamsize>(size))));
}

/// Encoded bytes in, text out: the buffers every decoder has. A subclass's underflow() fills
/// out_ from in_ and hands it over with give().
class DecodingBuffer : public std::streambuf {
  protected:
    explicit DecodingBuffer(std::unique_ptr<std::istream> source, std::size_t in_bytes, std::size_t out_bytes)
        : source_(std::move(source)), in_(in_bytes), out_(out_bytes) {}

    /// Reads the next encoded bytes into in_; 0 at the source's end.
    std::size_t refill() {
        const auto n = read_some(*source_, in_.data(), in_.size());
        started_ |= n > 0;
        return n;
    }
    int_type give(std::size_t produced) {
        setg(out_.data(), out_.data(), out_.data() + produced);
        return traits_type::to_int_type(*gptr());
    }

    std::unique_ptr<std::istream> source_;
    std::vector<char> in_;
    std::vector<char> out_;
    bool started_ = false;  // some encoded byte was read
};

/// An istream that owns its buffer.
class OwningStream : public std::istream {
  public:
    explicit OwningStream(std::unique_ptr<std::streambuf> buffer)
        : std::istream(buffer.get()), buffer_(std::move(buffer)) {
        // With badbit in the mask, the C++ library sets badbit and rethrows the buffer's own
        // exception, so the reader learns what is wrong with the data, not only that it is bad.
        exceptions(std::ios::badbit);
    }

  private:
    std::unique_ptr<std::streambuf> buffer_;
};

}  // namespace telusur::detail
