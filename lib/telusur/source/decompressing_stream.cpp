#include "telusur/source/decompressing_stream.h"

#include <array>
#include <cstdio>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

namespace telusur {

namespace {

constexpr std::size_t kBufferBytes = 1 << 16;

/// zlib's gz* functions read gzip (and concatenated gzip members) from a file.
class GzipBuffer : public std::streambuf {
  public:
    GzipBuffer(gzFile file, std::string path) : file_(file), path_(std::move(path)) {}
    ~GzipBuffer() override { gzclose(file_); }

  protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        const int n = gzread(file_, buffer_.data(), static_cast<unsigned>(buffer_.size()));
        int status = Z_OK;
        std::string_view message = gzerror(file_, &status);
        if (n < 0) {
            if (message.starts_with(path_ + ": ")) message.remove_prefix(path_.size() + 2);  // the caller names the file
            throw DecompressionError((status == Z_ERRNO ? "read error: " : "corrupt gzip data: ") + std::string(message));
        }
        // Without a gzip header zlib passes the bytes through as they are ("transparent"
        // reading): a file named .gz that is not gzip is reported, not read as text. An empty
        // file has no header either; a gzip stream of no text has one, and is simply empty.
        if (!started_ && gzdirect(file_) == 1)
            throw DecompressionError(n == 0 ? "not gzip data (empty file)" : "not gzip data");
        started_ = true;
        if (n == 0) {
            // zlib reports a cut-off stream as an end of file with Z_BUF_ERROR, so that a file
            // still being written can be read on: here it means the file is incomplete.
            if (status == Z_BUF_ERROR) throw DecompressionError("gzip data ends early (truncated file?)");
            return traits_type::eof();
        }
        setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
        return traits_type::to_int_type(*gptr());
    }

  private:
    gzFile file_;
    std::string path_;  // as zlib's messages spell it
    std::array<char, kBufferBytes> buffer_{};
    bool started_ = false;
};

/// zstd's streaming decoder over a FILE*.
class ZstdBuffer : public std::streambuf {
  public:
    explicit ZstdBuffer(std::FILE* file)
        : file_(file), context_(ZSTD_createDCtx()), in_(ZSTD_DStreamInSize()), out_(ZSTD_DStreamOutSize()) {}
    ~ZstdBuffer() override {
        ZSTD_freeDCtx(context_);
        std::fclose(file_);
    }

  protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        for (;;) {
            // zstd holds back the last input byte while it has output left to give.
            if (input_.pos == input_.size) {
                const auto n = std::fread(in_.data(), 1, in_.size(), file_);
                if (n == 0) {
                    if (std::ferror(file_)) throw DecompressionError("read error");
                    if (!started_) throw DecompressionError("not zstd data (empty file)");
                    if (frame_open_) throw DecompressionError("zstd data ends early (truncated file?)");
                    return traits_type::eof();
                }
                input_ = {in_.data(), n, 0};
            }
            ZSTD_outBuffer output{out_.data(), out_.size(), 0};
            const auto result = ZSTD_decompressStream(context_, &output, &input_);
            if (ZSTD_isError(result)) {
                if (!started_ && ZSTD_getErrorCode(result) == ZSTD_error_prefix_unknown)
                    throw DecompressionError("not zstd data");
                throw DecompressionError(std::string("corrupt zstd data: ") + ZSTD_getErrorName(result));
            }
            started_ = true;
            frame_open_ = result != 0;  // 0: a frame is complete and flushed
            if (output.pos > 0) {
                setg(out_.data(), out_.data(), out_.data() + output.pos);
                return traits_type::to_int_type(*gptr());
            }
        }
    }

  private:
    std::FILE* file_;
    ZSTD_DCtx* context_;
    std::vector<char> in_;
    std::vector<char> out_;
    ZSTD_inBuffer input_{nullptr, 0, 0};
    bool started_ = false;
    bool frame_open_ = false;
};

/// An istream that owns its buffer.
class OwningStream : public std::istream {
  public:
    explicit OwningStream(std::unique_ptr<std::streambuf> buffer) : std::istream(buffer.get()), buffer_(std::move(buffer)) {
        // With badbit in the mask, the C++ library sets badbit and rethrows the buffer's own
        // exception, so the reader learns what is wrong with the data, not only that it is bad.
        exceptions(std::ios::badbit);
    }

  private:
    std::unique_ptr<std::streambuf> buffer_;
};

bool ends_with(const std::string& text, const char* suffix) {
    const std::string s(suffix);
    return text.size() >= s.size() && text.compare(text.size() - s.size(), s.size(), s) == 0;
}

}  // namespace

Compression compression_of(const std::filesystem::path& path) {
    const auto name = path.filename().string();
    if (ends_with(name, ".gz")) return Compression::Gzip;
    if (ends_with(name, ".zst")) return Compression::Zstd;
    return Compression::None;
}

std::unique_ptr<std::istream> open_decompressing(const std::filesystem::path& path, Compression compression) {
    if (compression == Compression::Gzip) {
        gzFile file = gzopen(path.c_str(), "rb");
        if (file == nullptr) return nullptr;
        return std::make_unique<OwningStream>(std::make_unique<GzipBuffer>(file, path.string()));
    }
    if (compression == Compression::Zstd) {
        std::FILE* file = std::fopen(path.c_str(), "rb");
        if (file == nullptr) return nullptr;
        return std::make_unique<OwningStream>(std::make_unique<ZstdBuffer>(file));
    }
    return nullptr;
}

}  // namespace telusur
