// Compressed inputs as they come: gzip and zstd streams of any bytes decompress or throw
// DecompressionError; never a crash, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "telusur/source/decompressing_stream.h"

namespace {

const std::filesystem::path& input_file() {
    static const auto path =
        std::filesystem::temp_directory_path() / ("telusur-fuzz-decompress-" + std::to_string(::getpid()));
    return path;
}

void read_all(telusur::Compression compression) {
    const auto in = telusur::open_decompressing(input_file(), compression);
    if (!in) std::abort();
    char buffer[4096];
    try {
        while (in->read(buffer, sizeof buffer) || in->gcount() > 0) {
        }
    } catch (const telusur::DecompressionError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    {
        std::ofstream out(input_file(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    read_all(telusur::Compression::Gzip);
    read_all(telusur::Compression::Zstd);
    std::filesystem::remove(input_file());
    return 0;
}
