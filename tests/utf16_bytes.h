// UTF-16 bytes for tests, as Windows tools write them: a byte-order mark, then the text.
#pragma once

#include <string>
#include <string_view>

#include <unicode/unistr.h>

namespace telusur::testing {

enum class ByteOrder { Little, Big };

/// `utf8` as UTF-16 in `order`, after its byte-order mark when `mark` (the default).
inline std::string utf16_bytes(std::string_view utf8, ByteOrder order = ByteOrder::Little, bool mark = true) {
    const auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::string out = !mark ? "" : order == ByteOrder::Little ? "\xFF\xFE" : "\xFE\xFF";
    for (int32_t i = 0; i < text.length(); ++i) {
        const char16_t unit = text.charAt(i);
        const char low = static_cast<char>(unit & 0xFF), high = static_cast<char>(unit >> 8);
        out += order == ByteOrder::Little ? low : high;
        out += order == ByteOrder::Little ? high : low;
    }
    return out;
}

}  // namespace telusur::testing
