// Whether a text holds nothing but white space: an empty body, title, id or line.
#pragma once

#include <string_view>

namespace telusur {

/// True when `text` is empty or only ASCII white space (space, tab, line breaks, form feed,
/// vertical tab).
inline bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

}  // namespace telusur
