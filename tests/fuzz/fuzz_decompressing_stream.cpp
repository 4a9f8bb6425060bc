// Compressed inputs as they come: gzip and zstd streams of any bytes decompress or throw
// DecompressionError; never a crash, a hang or unbounded memory. Besides the raw input, the
// target compresses field 0 itself, then cuts the stream short or changes one byte at the
// place fields 1 and 2 name: so the fuzzer reaches the corrupt middles and cut-off ends of
// real streams (a broken download), and an untouched stream must give back exactly field 0.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <unistd.h>

#include <zlib.h>
#include <zstd.h>

#include "telusur/source/decompressing_stream.h"

#include "fuzz_fields.h"

namespace {

const std::filesystem::path& input_file() {
    static const auto path =
        std::filesystem::temp_directory_path() / ("telusur-fuzz-decompress-" + std::to_string(::getpid()));
    return path;
}

/// Everything the stream gives, or nullopt when it throws DecompressionError.
std::optional<std::string> decompress(const std::string& bytes, telusur::Compression compression) {
    {
        std::ofstream out(input_file(), std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    const auto in = telusur::open_decompressing(input_file(), compression);
    if (!in) std::abort();
    std::string text;
    char buffer[4096];
    try {
        while (in->read(buffer, sizeof buffer) || in->gcount() > 0) text.append(buffer, static_cast<std::size_t>(in->gcount()));
    } catch (const telusur::DecompressionError&) {
        return std::nullopt;
    }
    return text;
}

std::string zstd_of(const std::string& text) {
    std::string out(ZSTD_compressBound(text.size()), '\0');
    const auto size = ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 1);
    if (ZSTD_isError(size)) std::abort();
    out.resize(size);
    return out;
}

std::string gzip_of(const std::string& text) {
    z_stream stream{};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) std::abort();
    std::string out(deflateBound(&stream, text.size()) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    if (deflate(&stream, Z_FINISH) != Z_STREAM_END) std::abort();
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

/// `stream` cut before `at`, or with the byte there changed by `change` (0: untouched).
std::string damaged(std::string stream, std::size_t at, unsigned change, bool cut) {
    if (stream.empty()) return stream;
    at %= stream.size();
    if (cut) return stream.substr(0, at);
    stream[at] = static_cast<char>(static_cast<unsigned char>(stream[at]) ^ change);
    return stream;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string raw(reinterpret_cast<const char*>(data), size);
    decompress(raw, telusur::Compression::Gzip);
    decompress(raw, telusur::Compression::Zstd);

    const telusur::fuzz::Fields fields(data, size);
    const auto text = fields.field(0);
    const auto place = fields.field(1);
    std::size_t at = 0;
    for (const char c : place) at = at * 256 + static_cast<unsigned char>(c);
    const auto change = static_cast<unsigned>(fields.number(2, 256));
    const bool cut = fields.number(3, 2) == 1;
    for (const auto compression : {telusur::Compression::Gzip, telusur::Compression::Zstd}) {
        const auto stream = compression == telusur::Compression::Gzip ? gzip_of(text) : zstd_of(text);
        const auto got = decompress(damaged(stream, at, change, cut), compression);
        if (change == 0 && !cut && got != text) std::abort();  // a whole stream reads back whole
        if (got && got->size() > text.size() + 4096) std::abort();
    }
    std::filesystem::remove(input_file());
    return 0;
}
