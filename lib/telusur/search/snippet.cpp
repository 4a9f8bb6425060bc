#include "telusur/search/snippet.h"

#include <algorithm>
#include <array>
#include <optional>

#include <xapian.h>

namespace telusur {

namespace {

/// One word of the text: where it is and, if it matched, which query term and its weight.
struct Word {
    std::size_t start = 0;
    std::size_t end = 0;
    int term = -1;  // index into the query's terms, -1 when the word did not match
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

/// Splits `text` into words as Xapian does (letters, digits, marks; ASCII by table) and marks
/// each word that matches a query term, as written (lower-cased) or through its stem. Word
/// terms are numbered first, stem terms after them.
std::vector<Word> scan_words(std::string_view text, const SnippetQuery& query) {
    const auto words = terms_of(query.words);
    const auto stems = terms_of(query.stems);
    const bool stemming = !stems.empty() && query.stem;
    std::vector<Word> out;
    std::string lower;  // the current word, lower-cased as it is read
    bool ascii = true;
    constexpr auto kNone = std::string_view::npos;
    std::size_t start = kNone;
    const auto end_word = [&](std::size_t end) {
        Word word{start, end};
        if (!ascii) lower = Xapian::Unicode::tolower(std::string(text.substr(start, end - start)));
        if (const int i = find_term(words, lower); i >= 0) {
            word.term = i;
            word.weight = words[i].weight;
        }
        if (stemming) {
            if (const int i = find_term(stems, query.stem(lower)); i >= 0 && stems[i].weight > word.weight) {
                word.term = static_cast<int>(words.size()) + i;
                word.weight = stems[i].weight;
            }
        }
        out.push_back(word);
        lower.clear();
        ascii = true;
        start = kNone;
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (kAsciiWordChar[c]) {
                if (start == kNone) start = i;
                lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            } else if (start != kNone) {
                end_word(i);
            }
            ++i;
            continue;
        }
        const auto [code, length] = decode(text, i);
        if (code != 0 && Xapian::Unicode::is_wordchar(code)) {
            if (start == kNone) start = i;
            ascii = false;
        } else if (start != kNone) {
            end_word(i);
        }
        i += length;
    }
    if (start != kNone) end_word(text.size());
    return out;
}

/// The first and last matched word (indices into `words`) of the window of at most `length`
/// bytes with the highest score; nullopt when no word matched.
std::optional<std::pair<std::size_t, std::size_t>> best_window(const std::vector<Word>& words, std::size_t length) {
    constexpr double kRepeat = 0.1;  // a term seen again in the window adds a tenth of its weight
    std::vector<std::size_t> matched;
    for (std::size_t i = 0; i < words.size(); ++i)
        if (words[i].term >= 0) matched.push_back(i);
    if (matched.empty()) return std::nullopt;
    std::optional<std::pair<std::size_t, std::size_t>> best;
    double best_score = -1;
    std::vector<int> seen;
    for (std::size_t a = 0; a < matched.size(); ++a) {
        seen.clear();
        double score = 0;
        std::size_t last = matched[a];
        for (std::size_t b = a; b < matched.size(); ++b) {
            const auto& word = words[matched[b]];
            if (word.end - words[matched[a]].start > length) break;
            const bool repeat = std::find(seen.begin(), seen.end(), word.term) != seen.end();
            if (!repeat) seen.push_back(word.term);
            score += repeat ? kRepeat * word.weight : word.weight;
            last = matched[b];
        }
        if (score > best_score) {
            best_score = score;
            best = std::pair{matched[a], last};
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
    const auto words = scan_words(text, query);
    if (words.empty()) return snippet;

    // The words shown: from `first` to `last`, at most `length` bytes, holding the best window
    // with about a quarter of the room left before it for context.
    std::size_t first = 0;
    if (const auto window = best_window(words, length)) {
        const auto span = words[window->second].end - words[window->first].start;
        const auto room_before = (length - span) / 4;
        first = window->first;
        while (first > 0 && words[window->first].start - words[first - 1].start <= room_before) --first;
    }
    std::size_t last = first;
    while (last + 1 < words.size() && words[last + 1].end - words[first].start <= length) ++last;
    if (words[last].end - words[first].start > length) return snippet;  // one word longer than the snippet

    const auto begin = words[first].start;
    auto end = words[last].end;
    // A full stop, comma or closing quote right after the last word belongs to it.
    while (end < text.size() && end - begin < length && std::string_view(".,;:!?\")'").find(text[end]) != std::string_view::npos)
        ++end;
    if (begin > 0) snippet.push_back({"…", false});
    auto copied = begin;
    for (auto i = first; i <= last; ++i) {
        if (words[i].term < 0) continue;
        append_plain(snippet, text.substr(copied, words[i].start - copied));
        snippet.push_back({std::string(text.substr(words[i].start, words[i].end - words[i].start)), true});
        copied = words[i].end;
    }
    append_plain(snippet, text.substr(copied, end - copied));
    if (end < text.size()) append_plain(snippet, "…");
    return snippet;
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
