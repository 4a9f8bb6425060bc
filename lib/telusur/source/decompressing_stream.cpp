#include "telusur/source/decompressing_stream.h"

#include <array>
#include <cstdio>
#include <streambuf>
#include <vector>

#include <zlib.h>
#include <zstd.h>

namespace telusur {

namespace {

constexpr std::size_t kBufferBytes = 1 << 16;

/// zlib's gz* functions read gzip (and concatenated gzip members) from a file.
class GzipBuffer : public std::streambuf {
  public:
    explicit GzipBuffer(gzFile file) : file_(file) {}
    ~GzipBuffer() override { gzclose(file_); }

  protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        const int n = gzread(file_, buffer_.data(), static_cast<unsigned>(buffer_.size()));
        if (n < 0) throw std::ios_base::failure("corrupt gzip data");
        if (n == 0) return traits_type::eof();
        setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
        return traits_type::to_int_type(*gptr());
    }

  private:
    gzFile file_;
    std::array<char, kBufferBytes> buffer_{};
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
            if (input_.pos == input_.size) {
                const auto n = std::fread(in_.data(), 1, in_.size(), file_);
                if (n == 0) return traits_type::eof();
                input_ = {in_.data(), n, 0};
            }
            ZSTD_outBuffer output{out_.data(), out_.size(), 0};
            const auto result = ZSTD_decompressStream(context_, &output, &input_);
            if (ZSTD_isError(result)) throw std::ios_base::failure(std::string("corrupt zstd data: ") + ZSTD_getErrorName(result));
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
};

/// An istream that owns its buffer.
class OwningStream : public std::istream {
  public:
    explicit OwningStream(std::unique_ptr<std::streambuf> buffer) : std::istream(buffer.get()), buffer_(std::move(buffer)) {
        exceptions(std::ios::goodbit);  // a corrupt stream shows as badbit, not as an exception
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
        return std::make_unique<OwningStream>(std::make_unique<GzipBuffer>(file));
    }
    if (compression == Compression::Zstd) {
        std::FILE* file = std::fopen(path.c_str(), "rb");
        if (file == nullptr) return nullptr;
        return std::make_unique<OwningStream>(std::make_unique<ZstdBuffer>(file));
    }
    return nullptr;
}

}  // namespace telusur
