#include "telusur/source/decompressing_stream.h"

#include <new>
#include <streambuf>
#include <string>
#include <vector>

#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#include "telusur/ascii_case.h"
#include "telusur/source/decoding_buffer.h"
#include "telusur/source/stoppable_input.h"

namespace telusur {

namespace {

using detail::DecodingBuffer;
using detail::OwningStream;

constexpr std::size_t kBufferBytes = 1 << 16;

/// zlib's inflate, reading gzip members one after another.
class GzipBuffer : public DecodingBuffer {
  public:
    explicit GzipBuffer(std::unique_ptr<std::istream> source)
        : DecodingBuffer(std::move(source), kBufferBytes, kBufferBytes) {
        if (inflateInit2(&stream_, 15 + 16) != Z_OK) throw std::bad_alloc();  // 16: gzip only
    }
    ~GzipBuffer() override { inflateEnd(&stream_); }

  protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        for (;;) {
            if (stream_.avail_in == 0) {
                const auto n = refill();
                if (n == 0) {
                    if (!started_) throw DecompressionError("not gzip data (empty file)");
                    if (member_open_) throw DecompressionError("gzip data ends early (truncated file?)");
                    return traits_type::eof();
                }
                stream_.next_in = reinterpret_cast<Bytef*>(in_.data());
                stream_.avail_in = static_cast<uInt>(n);
            }
            if (!member_open_) {  // the first member, or bytes after the end of one
                if (members_ > 0) inflateReset(&stream_);
                member_open_ = true;
                ++members_;
            }
            stream_.next_out = reinterpret_cast<Bytef*>(out_.data());
            stream_.avail_out = static_cast<uInt>(out_.size());
            const int status = inflate(&stream_, Z_NO_FLUSH);
            if (status == Z_STREAM_END) member_open_ = false;
            else if (status == Z_MEM_ERROR) throw std::bad_alloc();
            else if (status != Z_OK && status != Z_BUF_ERROR) throw data_error();
            if (const auto produced = out_.size() - stream_.avail_out; produced > 0) return give(produced);
        }
    }

  private:
    DecompressionError data_error() const {
        const std::string message = stream_.msg != nullptr ? stream_.msg : "invalid data";
        // gzip's header is checked first: a file that does not begin with one is not gzip at all.
        if (message == "incorrect header check")
            return DecompressionError(members_ == 1 ? "not gzip data" : "bytes after the end of the gzip data are not gzip");
        return DecompressionError("corrupt gzip data: " + message);
    }

    z_stream stream_{};
    bool member_open_ = false;
    int members_ = 0;
};

/// zstd's streaming decoder, which reads frames one after another by itself.
class ZstdBuffer : public DecodingBuffer {
  public:
    explicit ZstdBuffer(std::unique_ptr<std::istream> source)
        : DecodingBuffer(std::move(source), ZSTD_DStreamInSize(), ZSTD_DStreamOutSize()), context_(ZSTD_createDCtx()) {
        if (context_ == nullptr) throw std::bad_alloc();
    }
    ~ZstdBuffer() override { ZSTD_freeDCtx(context_); }

  protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        for (;;) {
            // zstd holds back the last input byte while it has output left to give.
            if (input_.pos == input_.size) {
                const auto n = refill();
                if (n == 0) {
                    if (!started_) throw DecompressionError("not zstd data (empty file)");
                    if (frame_open_) throw DecompressionError("zstd data ends early (truncated file?)");
                    return traits_type::eof();
                }
                input_ = {in_.data(), n, 0};
            }
            ZSTD_outBuffer output{out_.data(), out_.size(), 0};
            const auto result = ZSTD_decompressStream(context_, &output, &input_);
            if (ZSTD_isError(result)) {
                if (!decoded_ && ZSTD_getErrorCode(result) == ZSTD_error_prefix_unknown)
                    throw DecompressionError("not zstd data");
                throw DecompressionError(std::string("corrupt zstd data: ") + ZSTD_getErrorName(result));
            }
            decoded_ = true;
            frame_open_ = result != 0;  // 0: a frame is complete and flushed
            if (output.pos > 0) return give(output.pos);
        }
    }

  private:
    ZSTD_DCtx* context_;
    ZSTD_inBuffer input_{nullptr, 0, 0};
    bool decoded_ = false;  // a call of the decoder succeeded
    bool frame_open_ = false;
};

bool ends_with(const std::string& text, const char* suffix) {
    const std::string s(suffix);
    return text.size() >= s.size() && text.compare(text.size() - s.size(), s.size(), s) == 0;
}

}  // namespace

Compression compression_of(const std::filesystem::path& path) {
    // Archives made on Windows or by old tools name files in capitals (BERITA.JSONL.GZ).
    const auto name = ascii_lowercase(path.filename().string());
    if (ends_with(name, ".gz")) return Compression::Gzip;
    if (ends_with(name, ".zst")) return Compression::Zstd;
    return Compression::None;
}

std::unique_ptr<std::istream> decompressing(std::unique_ptr<std::istream> source, Compression compression) {
    if (compression == Compression::Gzip) return std::make_unique<OwningStream>(std::make_unique<GzipBuffer>(std::move(source)));
    if (compression == Compression::Zstd) return std::make_unique<OwningStream>(std::make_unique<ZstdBuffer>(std::move(source)));
    return source;
}

std::unique_ptr<std::istream> open_decompressing(const std::filesystem::path& path, Compression compression) {
    const int fd = open_for_reading(path);
    if (fd < 0) return nullptr;
    return decompressing(std::make_unique<StoppableInput>(fd, true, nullptr), compression);
}

}  // namespace telusur
