// UTF-8 validity checks for everything a reader accepts.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace telusur {

/// Byte offset of the first ill-formed UTF-8 sequence in `text`, or nullopt when it is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// Whether `text` starts with a UTF-16 byte-order mark (FF FE or FE FF), as text saved by many
/// Windows tools does: such a file is refused with a message that says so, not as binary data.
bool starts_as_utf16(std::string_view text);

/// 1-based line number of byte offset `offset` in `text`.
std::size_t line_of_offset(std::string_view text, std::size_t offset);

}  // namespace telusur
