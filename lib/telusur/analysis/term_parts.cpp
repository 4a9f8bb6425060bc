#include "telusur/analysis/term_parts.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace telusur {

namespace {

/// Xapian's notion of a word character: letters, marks, numbers and connector punctuation.
bool is_word_char(UChar32 c) {
    constexpr uint32_t kWordCategories =
        U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK | U_GC_NL_MASK | U_GC_NO_MASK | U_GC_PC_MASK;
    return (U_GET_GC_MASK(c) & kWordCategories) != 0;
}

struct CodePoint {
    UChar32 c;
    int32_t start;
    int32_t end;
};

}  // namespace

std::vector<std::string> xapian_word_parts(std::string_view token) {
    std::vector<CodePoint> cps;
    const auto* s = reinterpret_cast<const uint8_t*>(token.data());
    const auto n = static_cast<int32_t>(token.size());
    for (int32_t i = 0; i < n;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        cps.push_back({c, start, i});
    }

    std::vector<std::string> parts;
    std::string current;
    for (std::size_t k = 0; k < cps.size(); ++k) {
        const UChar32 c = cps[k].c;
        const auto bytes = token.substr(static_cast<std::size_t>(cps[k].start),
                                        static_cast<std::size_t>(cps[k].end - cps[k].start));
        if (is_word_char(c)) {
            current += bytes;
            continue;
        }
        const bool between = !current.empty() && k + 1 < cps.size() && k > 0;
        if (between) {
            const UChar32 prev = cps[k - 1].c;
            const UChar32 next = cps[k + 1].c;
            const bool letters = u_isalpha(prev) && u_isalpha(next);
            const bool digits = u_isdigit(prev) && u_isdigit(next);
            if ((letters && (c == '\'' || c == '&')) || (digits && (c == '.' || c == ','))) {
                current += bytes;
                continue;
            }
        }
        if (!current.empty()) parts.push_back(std::move(current));
        current.clear();
    }
    if (!current.empty()) parts.push_back(std::move(current));
    return parts;
}

}  // namespace telusur
