// UTF-8 validity checks for everything a reader accepts.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace telusur {

/// Byte offset of the first ill-formed UTF-8 sequence in `text`, or nullopt when it is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// 1-based line number of byte offset `offset` in `text`.
std::size_t line_of_offset(std::string_view text, std::size_t offset);

}  // namespace telusur
