// Trimming lines of stemmer-data files: the one definition every loader shares.
#pragma once

#include <string_view>

namespace telusur {

/// `text` without leading and trailing spaces, tabs and carriage returns.
inline std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

}  // namespace telusur
