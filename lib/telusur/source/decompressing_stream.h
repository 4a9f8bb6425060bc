// Streaming decompression of .gz (zlib) and .zst (zstd) inputs, as a std::istream.
#pragma once

#include <filesystem>
#include <istream>
#include <memory>

namespace telusur {

enum class Compression { None, Gzip, Zstd };

/// The compression a file name announces: ".gz" → Gzip, ".zst" → Zstd, else None.
Compression compression_of(const std::filesystem::path& path);

/// Opens `path` and decompresses it on the fly, a buffer at a time, so memory stays bounded
/// whatever the file's size. Returns null if the file cannot be opened. A corrupt stream sets
/// badbit on the returned stream.
std::unique_ptr<std::istream> open_decompressing(const std::filesystem::path& path, Compression compression);

}  // namespace telusur
