// UTF-8 validity checks for everything a reader accepts.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace telusur {

/// Byte offset of the first ill-formed UTF-8 sequence in `text`, or nullopt when it is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// `text` with each byte of an ill-formed UTF-8 sequence written as `\xE9`: a file name in
/// Latin-1 (café.txt) shown in a message, which would otherwise print as a replacement
/// character, or break a program that reads the message as UTF-8.
std::string escape_invalid_utf8(std::string_view text);

/// `text` cut to at most `max_bytes`, backed up to a whole character, and "…" after it when cut:
/// a field or a name quoted in a message.
std::string shortened(std::string_view text, std::size_t max_bytes);

/// 1-based line number of byte offset `offset` in `text`.
std::size_t line_of_offset(std::string_view text, std::size_t offset);

}  // namespace telusur
