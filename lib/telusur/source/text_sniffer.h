// Recognising files that are not UTF-8 text at all, from their first bytes, so that a reader
// says what the file is instead of reporting every line of it as a bad record.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace telusur {

/// Why a file whose first bytes are `start` cannot be read as UTF-8 text: UTF-16 (a byte-order
/// mark, as many Windows tools write) or compressed data (gzip, zstd, xz, bzip2), worded with
/// what to do about it. nullopt when it may be text.
std::optional<std::string> not_text_reason(std::string_view start);

}  // namespace telusur
