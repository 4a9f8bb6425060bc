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

/// Decompresses what `source` gives, a buffer at a time, so memory stays bounded whatever its
/// size; gzip may hold several members one after another (`cat a.gz b.gz`). The compressed
/// bytes come from `source` (owned), so a source that can stop while it waits (StoppableInput
/// on a FIFO) stops the decompression too: it then ends as a cut-off stream would. Data that is
/// not in the format, corrupt or cut off throws `DecompressionError` from the read that meets
/// it, and leaves the stream bad; an error of `source` passes through.
std::unique_ptr<std::istream> decompressing(std::unique_ptr<std::istream> source, Compression compression);

/// `decompressing` over the file `path`. Returns null if the file cannot be opened (errno set).
std::unique_ptr<std::istream> open_decompressing(const std::filesystem::path& path, Compression compression);

}  // namespace telusur
