// Reading a file that is one article (.txt, .html): the id check and the bounded read they share.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace telusur {

/// Throws InputError naming `name` when `id`, the article id made of a file's name, holds a
/// control character or is not UTF-8: ids are shown and passed to scripts as they are.
void check_file_id(const std::string& name, const std::string& id);

/// The text of `path`: its bytes, read in chunks so that a file (or a FIFO) larger than
/// `max_bytes` is never held whole, and decoded to UTF-8 when they are UTF-16 with a byte-order
/// mark (utf16_as_utf8); any other bytes as they are. Throws InputError for a file that cannot be
/// opened or read, is too large, or holds compressed data (not_text_reason); nullopt when `stop`
/// (may be null) is set while a FIFO waits for data.
std::optional<std::string> read_whole_file(const std::filesystem::path& path, std::size_t max_bytes,
                                           const std::atomic<bool>* stop);

}  // namespace telusur
