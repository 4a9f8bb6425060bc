#include "telusur/source/utf8.h"

#include <algorithm>
#include <unicode/utf8.h>

namespace telusur {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < length) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);  // ICU's validating decoder: c < 0 on an ill-formed sequence
        if (c < 0) return static_cast<std::size_t>(start);
    }
    return std::nullopt;
}

std::string escape_invalid_utf8(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    std::string out;
    out.reserve(text.size());
    int32_t i = 0;
    while (i < length) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c >= 0) {
            out.append(text.substr(start, i - start));
            continue;
        }
        for (int32_t at = start; at < i; ++at)
            out.append("\\x").append(1, kHex[s[at] >> 4]).append(1, kHex[s[at] & 15]);
    }
    return out;
}

std::size_t line_of_offset(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

std::string shortened(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    auto cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    return std::string(text.substr(0, cut)) + "…";
}

}  // namespace telusur
