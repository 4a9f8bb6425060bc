// ASCII case folding, for names and formats that are ASCII by definition (file extensions,
// month abbreviations): no locale, no Unicode tables.
#pragma once

#include <string>

namespace telusur {

/// `c` in lower case if it is an ASCII capital, else unchanged (UTF-8 bytes included).
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// `text` with its ASCII capitals in lower case.
inline std::string ascii_lowercase(std::string text) {
    for (auto& c : text) c = ascii_lower(c);
    return text;
}

}  // namespace telusur
