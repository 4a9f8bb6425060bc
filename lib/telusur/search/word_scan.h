// Word scan: finding words and letter pairs in UTF-8 text fast, as the index splits words
// (letters, digits, marks; Ma'ruf, 2.500 and 1,5 whole), with ASCII, most of Indonesian news,
// classified by table. What snippets need to look into a hit's body without classifying each
// character by Unicode tables.
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

/// Bytes of the separator at `text[at]` that joins the word ending there to the next one, as the
/// index keeps them one term (xapian_word_parts): an apostrophe (' or ’) or & between letters,
/// a . or , between digits; 0 for any other character. `last` is where the word's last
/// character starts.
std::size_t joiner_length(std::string_view text, std::size_t last, std::size_t at);

/// Whether `c` may start a joiner (a byte test, so most word ends cost no call).
inline bool may_join(unsigned char c) { return c == '\'' || c == '.' || c == ',' || c == '&' || c == 0xE2; }

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
/// on, split as the index splits them (letters, digits, marks, and the joiners of
/// joiner_length: Ma'ruf, 2.500), until `visit` returns false. `ascii`: the word is all ASCII.
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
        while (true) {
            std::size_t last = i;  // where the word's last character starts
            for (i += length; i < text.size(); i += length) {
                const auto c = static_cast<unsigned char>(text[i]);
                if (c < 0x80) {  // the common case, without a call
                    if (!word_scan_detail::kAsciiWordChar[c]) break;
                    last = i;
                    length = 1;
                    continue;
                }
                std::tie(is_word, length) = word_scan_detail::word_char_at(text, i);
                if (!is_word) break;
                last = i;
                ascii = false;
            }
            if (i >= text.size() || !word_scan_detail::may_join(static_cast<unsigned char>(text[i]))) break;
            const auto joiner = word_scan_detail::joiner_length(text, last, i);
            if (joiner == 0) break;
            ascii = ascii && joiner == 1;
            i += joiner;
            std::tie(is_word, length) = word_scan_detail::word_char_at(text, i);
            ascii = ascii && length == 1;
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
/// nor a joiner (such a byte is never inside a word or a UTF-8 sequence), or the start of the
/// text. Scanning words from there finds the word around `i`, or the first word after it.
std::size_t boundary_before(std::string_view text, std::size_t i);

/// The byte offsets, sorted, where a word holding one of `needles` (lower case) may be: where
/// the rarest pair of each needle occurs in the ASCII-lower-cased text, and each lead byte
/// beyond ASCII (whose words Xapian lower-cases by its own tables).
std::vector<std::size_t> candidate_offsets(std::string_view text, const std::vector<std::string_view>& needles);

/// The two adjacent bytes of `text` least likely to occur in Indonesian news (by a rough order
/// of letter frequency); `text` itself when shorter. A word that holds `text` holds this pair.
std::string_view rarest_pair(std::string_view text);

}  // namespace telusur
