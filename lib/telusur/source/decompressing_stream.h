// Streaming decompression of .gz (zlib) and .zst (zstd) inputs, as a std::istream.
#pragma once

#include <filesystem>
#include <istream>
#include <memory>
#include <stdexcept>

namespace telusur {

enum class Compression { None, Gzip, Zstd };

/// The compression a file name announces: ".gz" → Gzip, ".zst" → Zstd, else None.
Compression compression_of(const std::filesystem::path& path);

/// What is wrong with compressed data: not gzip or zstd at all, corrupt, or cut off.
class DecompressionError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Opens `path` and decompresses it on the fly, a buffer at a time, so memory stays bounded
/// whatever the file's size. Returns null if the file cannot be opened. Data that is not in
/// the format, corrupt or cut off throws `DecompressionError` from the read that meets it, and
/// leaves the stream bad.
std::unique_ptr<std::istream> open_decompressing(const std::filesystem::path& path, Compression compression);

}  // namespace telusur
