#include "telusur/search/snippet.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <tuple>

#include <xapian.h>
#if defined(__SSE2__)
#include <emmintrin.h>  // 16 bytes compared at once: every x86-64 has SSE2
#endif

namespace telusur {

namespace {

/// A word of the text that matched a query term: where it is, which term and its weight.
struct Match {
    std::size_t start = 0;
    std::size_t end = 0;
    int term = 0;  // index into the query's terms: written forms first, then stems
    double weight = 0;
};

/// ASCII letters and digits: most of the bytes of Indonesian news, classified by one lookup.
constexpr auto kAsciiWordChar = [] {
    std::array<bool, 128> table{};
    for (int c = 0; c < 128; ++c) table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return table;
}();

/// The code point at `text[i]` (a lead byte of at least 0x80) and its length in bytes; ill-formed
/// bytes (stored text is validated, but be safe) count as one non-word byte.
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

/// A query term as the scan compares it: a handful of terms, so a linear search by length and
/// bytes beats hashing every word of the text.
struct Term {
    std::string text;
    double weight = 0;
};

std::vector<Term> terms_of(const std::unordered_map<std::string, double>& weights) {
    std::vector<Term> terms;
    for (const auto& [text, weight] : weights) terms.push_back({text, weight});
    return terms;
}

int find_term(const std::vector<Term>& terms, std::string_view word) {
    for (std::size_t i = 0; i < terms.size(); ++i)
        if (terms[i].text == word) return static_cast<int>(i);
    return -1;
}

/// Whether the code point at `text[i]` is a word character, and its length in bytes: ASCII by
/// table, the rest as Xapian classifies it (letters, digits, marks).
std::pair<bool, std::size_t> word_char_at(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return {kAsciiWordChar[c], 1};
    const auto [code, length] = decode(text, i);
    return {code != 0 && Xapian::Unicode::is_wordchar(code), length};
}

/// Calls `visit(start, end, ascii)` for each word of `text` from byte `from` (a word boundary)
/// on, split as Xapian does (letters, digits, marks), until `visit` returns false.
template <class Visit>
void for_each_word(std::string_view text, std::size_t from, Visit&& visit) {
    for (std::size_t i = from; i < text.size();) {
        auto [is_word, length] = word_char_at(text, i);
        if (!is_word) {
            i += length;
            continue;
        }
        const std::size_t start = i;
        bool ascii = length == 1;
        for (i += length; i < text.size(); i += length) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c < 0x80) {  // the common case, without a call
                if (!kAsciiWordChar[c]) break;
                length = 1;
                continue;
            }
            std::tie(is_word, length) = word_char_at(text, i);
            if (!is_word) break;
            ascii = false;
        }
        if (!visit(start, i, ascii)) return;
    }
}

/// The last word boundary at or before `i`: just after an ASCII byte that is no word character
/// (such a byte is never inside a word or a UTF-8 sequence), or the start of the text.
std::size_t boundary_before(std::string_view text, std::size_t i) {
    while (i > 0) {
        const auto c = static_cast<unsigned char>(text[i - 1]);
        if (c < 0x80 && !kAsciiWordChar[c]) break;
        --i;
    }
    return i;
}

/// Texts are scanned in blocks of this many bytes: a branch-free test of a whole block, which
/// the compiler vectorises, and a byte-by-byte look only into the few blocks that pass it.
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

/// The byte offsets where a word that may match can be: each occurrence of a needle in the
/// ASCII-lower-cased text and each lead byte beyond ASCII (whose words Xapian lower-cases by
/// its own tables), sorted.
std::vector<std::size_t> candidate_offsets(std::string_view text, const std::vector<std::string_view>& needles) {
    std::string lowered(text);
    for (auto& c : lowered)  // without a branch, so that the compiler vectorises it
        c = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26) * ('a' - 'A'));
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

/// The words of `text` that match a query term, as written (lower-cased) or through their stem.
/// A body has hundreds of words and a query a handful: with `stem_needles`, only the words
/// around a needle or a written term are looked at, found by a substring search.
std::vector<Match> find_matches(std::string_view text, const SnippetQuery& query) {
    const auto words = terms_of(query.words);
    const auto stems = terms_of(query.stems);
    const bool stemming = !stems.empty() && query.stem;
    std::vector<Match> matches;
    std::string lower;  // the current word, lower-cased
    const auto examine = [&](std::size_t start, std::size_t end, bool ascii) {
        const auto written = text.substr(start, end - start);
        if (ascii) {
            lower.assign(written);
            for (auto& c : lower)
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        } else {
            lower = Xapian::Unicode::tolower(std::string(written));
        }
        Match match{start, end, -1, 0};
        if (const int t = find_term(words, lower); t >= 0) {
            match.term = t;
            match.weight = words[t].weight;
        }
        if (stemming) {
            if (const int t = find_term(stems, query.stem(lower)); t >= 0 && stems[t].weight > match.weight) {
                match.term = static_cast<int>(words.size()) + t;
                match.weight = stems[t].weight;
            }
        }
        if (match.term >= 0) matches.push_back(match);
    };
    if (stemming && !query.stem_needles) {
        for_each_word(text, 0, [&](std::size_t start, std::size_t end, bool ascii) { return examine(start, end, ascii), true; });
        return matches;
    }
    std::vector<std::string_view> needles;
    for (const auto& term : words) needles.push_back(term.text);
    if (stemming)
        for (const auto& needle : *query.stem_needles) needles.push_back(needle);
    std::size_t examined = 0;  // the end of the last word looked at
    for (const auto offset : candidate_offsets(text, needles)) {
        if (offset < examined) continue;
        for_each_word(text, boundary_before(text, offset), [&](std::size_t start, std::size_t end, bool ascii) {
            if (start > offset) return false;  // the offset is no word character
            if (end <= offset) return true;
            examine(start, end, ascii);
            examined = end;
            return false;
        });
    }
    return matches;
}

/// The first and last match (indices into `matches`) of the window of at most `length` bytes
/// with the highest score; nullopt when nothing matched.
std::optional<std::pair<std::size_t, std::size_t>> best_window(const std::vector<Match>& matches, std::size_t length) {
    constexpr double kRepeat = 0.1;  // a term seen again in the window adds a tenth of its weight
    std::optional<std::pair<std::size_t, std::size_t>> best;
    double best_score = -1;
    std::vector<int> seen;
    for (std::size_t a = 0; a < matches.size(); ++a) {
        seen.clear();
        double score = 0;
        std::size_t last = a;
        for (std::size_t b = a; b < matches.size(); ++b) {
            const auto& match = matches[b];
            if (match.end - matches[a].start > length) break;
            const bool repeat = std::find(seen.begin(), seen.end(), match.term) != seen.end();
            if (!repeat) seen.push_back(match.term);
            score += repeat ? kRepeat * match.weight : match.weight;
            last = b;
        }
        if (score > best_score) {
            best_score = score;
            best = std::pair{a, last};
        }
    }
    return best;
}

/// Appends `text` as one plain part, white space runs shown as one space.
void append_plain(Snippet& snippet, std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (space) {
            if (out.empty() || out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    if (out.empty()) return;
    if (!snippet.empty() && !snippet.back().highlighted) {
        auto& previous = snippet.back().text;
        if (!previous.empty() && previous.back() == ' ' && out.front() == ' ') out.erase(0, 1);
        previous += out;
    } else {
        snippet.push_back({std::move(out), false});
    }
}

}  // namespace

Snippet make_snippet(std::string_view text, std::size_t length, const SnippetQuery& query) {
    Snippet snippet;
    if (length == 0) return snippet;
    const auto matches = find_matches(text, query);

    // The words shown: the best window with about a quarter of the room left before it for
    // context, from the first word starting in that room, as many words as `length` holds.
    std::size_t from = 0;
    if (const auto window = best_window(matches, length)) {
        const auto start = matches[window->first].start;
        const auto room_before = (length - (matches[window->second].end - start)) / 4;
        from = start - std::min(start, room_before);
    }
    constexpr auto kNone = std::string_view::npos;
    std::size_t begin = kNone;
    std::size_t end = kNone;
    bool too_long = false;
    for_each_word(text, boundary_before(text, from), [&](std::size_t start, std::size_t stop, bool) {
        if (start < from) return true;
        if (begin == kNone) begin = start;
        if (stop - begin > length) {
            too_long = end == kNone;  // the first word alone is longer than the snippet
            return false;
        }
        end = stop;
        return true;
    });
    if (begin == kNone || too_long) return snippet;

    // A full stop, comma or closing quote right after the last word belongs to it.
    while (end < text.size() && end - begin < length && std::string_view(".,;:!?\")'").find(text[end]) != std::string_view::npos)
        ++end;
    if (begin > 0) snippet.push_back({"…", false});
    auto copied = begin;
    for (const auto& match : matches) {
        if (match.start < begin || match.end > end) continue;
        append_plain(snippet, text.substr(copied, match.start - copied));
        snippet.push_back({std::string(text.substr(match.start, match.end - match.start)), true});
        copied = match.end;
    }
    append_plain(snippet, text.substr(copied, end - copied));
    if (end < text.size()) append_plain(snippet, "…");
    return snippet;
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

std::string render_snippet(const Snippet& snippet, std::string_view before, std::string_view after) {
    std::string out;
    for (const auto& part : snippet) {
        if (part.highlighted) out += before;
        out += part.text;
        if (part.highlighted) out += after;
    }
    return out;
}

}  // namespace telusur
