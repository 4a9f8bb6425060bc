// Word scan: finding words and letter pairs in UTF-8 text fast, as Xapian splits words
// (letters, digits, marks), with ASCII, most of Indonesian news, classified by table. What
// snippets need to look into a hit's body without classifying each character by Unicode tables.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace telusur {

namespace word_scan_detail {

/// ASCII letters and digits: most of the bytes of Indonesian news, classified by one lookup.
inline constexpr auto kAsciiWordChar = [] {
    std::array<bool, 128> table{};
    for (int c = 0; c < 128; ++c) table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return table;
}();

/// The code point at `text[i]` (a lead byte of at least 0x80) and its length in bytes; ill-formed
/// bytes count as one non-word byte.
std::pair<unsigned, std::size_t> decode(std::string_view text, std::size_t i);

/// Whether a code point beyond ASCII is a word character (Xapian's classification).
bool is_wordchar(unsigned code);

/// Whether the code point at `text[i]` is a word character, and its length in bytes: ASCII by
/// table, the rest as Xapian classifies it (letters, digits, marks).
inline std::pair<bool, std::size_t> word_char_at(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return {kAsciiWordChar[c], 1};
    const auto [code, length] = decode(text, i);
    return {code != 0 && is_wordchar(code), length};
}

}  // namespace word_scan_detail

/// Calls `visit(start, end, ascii)` for each word of `text` from byte `from` (a word boundary)
/// on, split as Xapian does (letters, digits, marks), until `visit` returns false.
template <class Visit>
void for_each_word(std::string_view text, std::size_t from, Visit&& visit) {
    for (std::size_t i = from; i < text.size();) {
        auto [is_word, length] = word_scan_detail::word_char_at(text, i);
        if (!is_word) {
            i += length;
            continue;
        }
        const std::size_t start = i;
        bool ascii = length == 1;
        for (i += length; i < text.size(); i += length) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c < 0x80) {  // the common case, without a call
                if (!word_scan_detail::kAsciiWordChar[c]) break;
                length = 1;
                continue;
            }
            std::tie(is_word, length) = word_scan_detail::word_char_at(text, i);
            if (!is_word) break;
            ascii = false;
        }
        if (!visit(start, i, ascii)) return;
    }
}

/// Lower-cases the ASCII letters of `text` in place, other bytes as they are (without a branch,
/// so that the compiler vectorises it over a whole body).
inline void lower_ascii(std::string& text) {
    for (auto& c : text) c = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26) * ('a' - 'A'));
}

/// The last word boundary at or before `i`: just after an ASCII byte that is no word character
/// (such a byte is never inside a word or a UTF-8 sequence), or the start of the text. Scanning
/// words from there finds the word around `i`, or the first word after it.
std::size_t boundary_before(std::string_view text, std::size_t i);

/// The byte offsets, sorted, where a word holding one of `needles` (lower case) may be: where
/// the rarest pair of each needle occurs in the ASCII-lower-cased text, and each lead byte
/// beyond ASCII (whose words Xapian lower-cases by its own tables).
std::vector<std::size_t> candidate_offsets(std::string_view text, const std::vector<std::string_view>& needles);

/// The two adjacent bytes of `text` least likely to occur in Indonesian news (by a rough order
/// of letter frequency); `text` itself when shorter. A word that holds `text` holds this pair.
std::string_view rarest_pair(std::string_view text);

}  // namespace telusur
