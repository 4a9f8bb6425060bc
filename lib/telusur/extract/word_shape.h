// The shape of a word as written: its first letter and whether it is an acronym. Shared by the
// gazetteer (matching names as written in its files) and the name rules (reading the text).
#pragma once

#include <cstdint>
#include <string_view>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace telusur {

/// The first Unicode code point of UTF-8 `word`; 0 for an empty word.
inline UChar32 first_code_point(std::string_view word) {
    if (word.empty()) return 0;
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
    return c;
}

/// "KPU", "BI", "DPR": two or more letters, none lower case.
inline bool is_acronym(std::string_view word) {
    int letters = 0;
    for (const char c : word) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') ++letters;
    }
    return letters >= 2;
}

}  // namespace telusur
