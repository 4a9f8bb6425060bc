#include "telusur/search/word_scan.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string>

#include <xapian.h>
#if defined(__SSE2__)
#include <emmintrin.h>  // 16 bytes compared at once: every x86-64 has SSE2
#endif

namespace telusur {

namespace word_scan_detail {

std::pair<unsigned, std::size_t> decode(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (length == 1 || i + length > text.size()) return {0, 1};
    unsigned code = lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) return {0, 1};
        code = (code << 6) | (next & 0x3F);
    }
    return {code, length};
}

bool is_wordchar(unsigned code) { return Xapian::Unicode::is_wordchar(code); }

namespace {

bool is_ascii_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/// Whether the character at `text[i]` is a letter, as u_isalpha says in xapian_word_parts.
bool is_letter_at(std::string_view text, std::size_t i) {
    if (i >= text.size()) return false;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return is_ascii_letter(c);
    const auto [code, length] = decode(text, i);
    if (code == 0) return false;
    const auto category = Xapian::Unicode::get_category(code);
    return category >= Xapian::Unicode::UPPERCASE_LETTER && category <= Xapian::Unicode::OTHER_LETTER;
}

}  // namespace

std::size_t joiner_length(std::string_view text, std::size_t last, std::size_t at) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c == '.' || c == ',')
        return at + 1 < text.size() && is_ascii_digit(static_cast<unsigned char>(text[last])) &&
                       is_ascii_digit(static_cast<unsigned char>(text[at + 1]))
                   ? 1
                   : 0;
    const std::size_t length = c == '\'' || c == '&' ? 1 : text.substr(at, 3) == "\u2019" ? 3 : 0;
    if (length == 0) return 0;
    return is_letter_at(text, last) && is_letter_at(text, at + length) ? length : 0;
}

}  // namespace word_scan_detail

namespace {

/// Texts are scanned in blocks of this many bytes: each block tested at once (SSE2, or a loop
/// the compiler vectorises), and looked into byte by byte only where it holds something.
constexpr std::size_t kBlock = 64;

/// Bit k set where `block[k]` is `first` and `block[k + 1]` is `second`, for k < kBlock (reads
/// kBlock + 1 bytes).
std::uint64_t pairs_in_block(const char* block, char first, char second) {
    std::uint64_t found = 0;
#if defined(__SSE2__)
    const auto firsts = _mm_set1_epi8(first);
    const auto seconds = _mm_set1_epi8(second);
    for (std::size_t k = 0; k < kBlock; k += 16) {
        const auto here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + k));
        const auto next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + k + 1));
        const auto both = _mm_and_si128(_mm_cmpeq_epi8(here, firsts), _mm_cmpeq_epi8(next, seconds));
        found |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(both))) << k;
    }
#else
    for (std::size_t k = 0; k < kBlock; ++k)
        found |= static_cast<std::uint64_t>((block[k] == first) & (block[k + 1] == second)) << k;
#endif
    return found;
}

/// Appends to `offsets` where the two bytes `pair` occur in `text`. (std::string::find and
/// glibc's memmem each spent more time than the rest of a snippet.)
void find_pairs(std::string_view text, std::string_view pair, std::vector<std::size_t>& offsets) {
    if (text.size() < 2) return;
    const char first = pair[0];
    const char second = pair[1];
    const auto last = text.size() - 2;  // the last offset a pair can start at
    for (std::size_t block = 0; block <= last; block += kBlock) {
        const auto stop = std::min(block + kBlock, last + 1);
        if (stop - block < kBlock) {
            for (std::size_t i = block; i < stop; ++i)
                if (text[i] == first && text[i + 1] == second) offsets.push_back(i);
            break;
        }
        for (auto found = pairs_in_block(text.data() + block, first, second); found != 0; found &= found - 1)
            offsets.push_back(block + std::countr_zero(found));
    }
}

}  // namespace

std::size_t boundary_before(std::string_view text, std::size_t i) {
    while (i > 0) {
        const auto c = static_cast<unsigned char>(text[i - 1]);
        if (c < 0x80 && !word_scan_detail::kAsciiWordChar[c] && !word_scan_detail::may_join(c)) break;
        --i;
    }
    return i;
}

std::vector<std::size_t> candidate_offsets(std::string_view text, const std::vector<std::string_view>& needles) {
    std::string lowered(text);
    lower_ascii(lowered);
    std::vector<std::size_t> offsets;
    for (const auto needle : needles) {
        // A word that holds the needle holds its rarest pair: look for that.
        if (const auto pair = rarest_pair(needle); pair.size() == 2) {
            find_pairs(lowered, pair, offsets);
        } else if (pair.size() == 1) {
            for (auto at = lowered.find(pair[0]); at != std::string::npos; at = lowered.find(pair[0], at + 1))
                offsets.push_back(at);
        }
    }
    for (std::size_t block = 0; block < text.size(); block += kBlock) {
        const auto stop = std::min(block + kBlock, text.size());
        unsigned char any = 0;
        for (std::size_t i = block; i < stop; ++i) any |= static_cast<unsigned char>(text[i]);
        if (any < 0x80) continue;
        for (std::size_t i = block; i < stop; ++i)
            if (static_cast<unsigned char>(text[i]) >= 0xC0) offsets.push_back(i);
    }
    std::sort(offsets.begin(), offsets.end());
    return offsets;
}

std::string_view rarest_pair(std::string_view text) {
    if (text.size() < 2) return text;
    // A rough order of letters in Indonesian news, most common first; anything else is rarer.
    constexpr std::string_view kByFrequency = "aniekrtsumdlgpbhoycjwfvzxq";
    const auto rank = [&](char c) { return std::min(kByFrequency.find(c), kByFrequency.size()); };
    std::size_t best = 0;
    for (std::size_t i = 1; i + 1 < text.size(); ++i)
        if (rank(text[i]) + rank(text[i + 1]) > rank(text[best]) + rank(text[best + 1])) best = i;
    return text.substr(best, 2);
}

}  // namespace telusur
