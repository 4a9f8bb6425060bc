#include "telusur/source/utf16_stream.h"

#include <algorithm>
#include <array>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include <unicode/ucnv.h>

#include "telusur/source/decoding_buffer.h"

namespace telusur {

namespace {

using detail::DecodingBuffer;
using detail::OwningStream;

constexpr std::size_t kInBytes = 1 << 16;
// Each UTF-16 unit (2 bytes) becomes at most 3 bytes of UTF-8, and a surrogate pair (4 bytes)
// 4; the margin holds a U+FFFD and ICU's own rounding.
constexpr std::size_t kOutBytes = kInBytes / 2 * 3 + 64;

/// ICU converters, closed with their owner.
struct Converter {
    explicit Converter(const char* name) {
        UErrorCode status = U_ZERO_ERROR;
        handle = ucnv_open(name, &status);
        if (U_FAILURE(status)) throw std::bad_alloc();  // ICU's built-in converters fail only for memory
    }
    ~Converter() { ucnv_close(handle); }
    Converter(const Converter&) = delete;
    Converter& operator=(const Converter&) = delete;
    UConverter* handle = nullptr;
};

/// Looks at the first two bytes, then either decodes UTF-16 or copies bytes as they come.
class Utf16Buffer : public DecodingBuffer {
  public:
    explicit Utf16Buffer(std::unique_ptr<std::istream> source)
        : DecodingBuffer(std::move(source), kInBytes, kOutBytes) {}

  protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (!looked_) look_at_start();
        for (;;) {
            if (pending_ > 0) {  // the first bytes of text that is not UTF-16
                const auto n = std::exchange(pending_, 0);
                std::copy_n(start_.data(), n, out_.data());
                return give(n);
            }
            if (from_ == nullptr) {
                const auto n = refill();
                if (n == 0) return traits_type::eof();
                std::copy_n(in_.data(), n, out_.data());
                return give(n);
            }
            if (next_ == end_ && !ended_) {
                const auto n = refill();
                next_ = in_.data();
                end_ = next_ + n;
                ended_ = n == 0;
            }
            if (next_ == end_ && ended_ && flushed_) return traits_type::eof();
            char* target = out_.data();
            UErrorCode status = U_ZERO_ERROR;
            ucnv_convertEx(to_->handle, from_->handle, &target, out_.data() + out_.size(), &next_, end_,
                           pivot_.data(), &pivot_source_, &pivot_target_, pivot_.data() + pivot_.size(), false,
                           ended_, &status);
            if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR)  // never with ICU's callback; no loop
                throw std::runtime_error(std::string("cannot decode UTF-16: ") + u_errorName(status));
            // Flushing, ICU's default callback writes U+FFFD for a last odd byte.
            if (ended_ && status != U_BUFFER_OVERFLOW_ERROR) flushed_ = true;
            const auto produced = static_cast<std::size_t>(target - out_.data());
            if (produced > 0) return give(produced);
        }
    }

  private:
    void look_at_start() {
        looked_ = true;
        while (pending_ < 2) {
            const auto n = detail::read_some(*source_, start_.data() + pending_, 2 - pending_);
            if (n == 0) break;
            pending_ += n;
        }
        const std::string_view start(start_.data(), pending_);
        const char* name = start == "\xFF\xFE" ? "UTF-16LE" : start == "\xFE\xFF" ? "UTF-16BE" : nullptr;
        if (name == nullptr) return;
        pending_ = 0;
        from_ = std::make_unique<Converter>(name);
        to_ = std::make_unique<Converter>("UTF-8");
        pivot_source_ = pivot_target_ = pivot_.data();
    }

    bool looked_ = false;
    std::array<char, 2> start_{};
    std::size_t pending_ = 0;  // bytes of start_ not yet given
    std::unique_ptr<Converter> from_, to_;  // null: not UTF-16, bytes pass through
    std::array<UChar, 1024> pivot_{};
    UChar* pivot_source_ = nullptr;
    UChar* pivot_target_ = nullptr;
    const char* next_ = nullptr;  // the undecoded bytes of in_
    const char* end_ = nullptr;
    bool ended_ = false;    // the source has no more bytes
    bool flushed_ = false;  // ICU was told so and gave all it held
};

}  // namespace

std::unique_ptr<std::istream> decoding_utf16(std::unique_ptr<std::istream> source) {
    return std::make_unique<OwningStream>(std::make_unique<Utf16Buffer>(std::move(source)));
}

std::optional<std::string> utf16_as_utf8(std::string_view bytes) {
    if (!bytes.starts_with("\xFF\xFE") && !bytes.starts_with("\xFE\xFF")) return std::nullopt;
    const auto in = decoding_utf16(std::make_unique<std::istringstream>(std::string(bytes)));
    std::ostringstream out;
    out << in->rdbuf();
    return std::move(out).str();
}

}  // namespace telusur
