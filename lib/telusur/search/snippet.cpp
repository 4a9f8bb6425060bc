#include "telusur/search/snippet.h"

#include <algorithm>
#include <optional>

#include <xapian.h>

#include "telusur/search/word_scan.h"

namespace telusur {

namespace {

/// A word of the text that matched a query term: where it is, which term and its weight.
struct Match {
    std::size_t start = 0;
    std::size_t end = 0;
    int term = 0;  // index into the query's terms: written forms first, then stems
    int word = -1;  // the written form it is, if any: index into the query's words
    double weight = 0;
};

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

bool is_ascii_word_byte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x80 && word_scan_detail::kAsciiWordChar[byte];
}

/// The ASCII hyphenated word the word at [start, end) is a part of (undang-undang around either
/// undang), lower-cased; empty when the word stands alone.
std::string hyphenated_around(std::string_view text, std::size_t start, std::size_t end) {
    auto first = start;  // back over each "word-" before the part
    while (first >= 2 && text[first - 1] == '-' && is_ascii_word_byte(text[first - 2])) {
        --first;
        while (first > 0 && is_ascii_word_byte(text[first - 1])) --first;
    }
    auto last = end;  // forward over each "-word" after it
    while (last + 1 < text.size() && text[last] == '-' && is_ascii_word_byte(text[last + 1])) {
        ++last;
        while (last < text.size() && is_ascii_word_byte(text[last])) ++last;
    }
    if (first == start && last == end) return {};
    std::string word(text.substr(first, last - first));
    lower_ascii(word);
    return word;
}

/// The words of `text` that match a query term, as written (lower-cased) or through their stem.
/// A body has hundreds of words and a query a handful: with `stem_needles`, only the words
/// around a needle or a written term are looked at, found by a substring search.
std::vector<Match> find_matches(std::string_view text, const SnippetQuery& query, const std::vector<Term>& words) {
    const auto stems = terms_of(query.stems);
    const bool stemming = !stems.empty() && query.stem;
    std::vector<Match> matches;
    std::string lower;  // the current word, lower-cased
    std::string around;  // the hyphenated word of the last part looked at, and its whole stem
    std::optional<std::string> around_stem;
    const auto examine = [&](std::size_t start, std::size_t end, bool ascii) {
        const auto written = text.substr(start, end - start);
        if (ascii) {
            lower.assign(written);
            lower_ascii(lower);
        } else {
            lower = Xapian::Unicode::tolower(std::string(written));
            // The index has Ma’ruf as ma'ruf (the Normalizer's apostrophe).
            for (auto at = lower.find("\u2019"); at != std::string::npos; at = lower.find("\u2019", at + 1))
                lower.replace(at, 3, "'");
        }
        Match match{start, end, -1, -1, 0};
        if (const int t = find_term(words, lower); t >= 0) {
            match.term = t;
            match.word = t;
            match.weight = words[t].weight;
        }
        if (stemming) {
            // Matched through its stem, it is that query word, whatever the form: repeats in
            // other forms fold into it. Matched as written too (the form typed), it weighs both,
            // as in the ranking.
            if (query.whole_stem) {
                if (auto word = hyphenated_around(text, start, end); word != around) {
                    around_stem = word.empty() ? std::nullopt : query.whole_stem(word);
                    around = std::move(word);
                }
            }
            if (const int t = find_term(stems, around_stem ? *around_stem : query.stem(lower)); t >= 0) {
                match.term = static_cast<int>(words.size()) + t;
                match.weight += stems[t].weight;
            }
        }
        if (match.term >= 0) matches.push_back(match);
    };
    if (stemming && !query.stem_needles) {
        for_each_word(text, 0, [&](std::size_t start, std::size_t end, bool ascii) {
            examine(start, end, ascii);
            return true;
        });
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

/// The query's phrases as indices into `words`; a phrase with a word not among them (which no
/// text can match) is left out.
std::vector<std::vector<int>> phrase_indices(const SnippetQuery& query, const std::vector<Term>& words) {
    std::vector<std::vector<int>> phrases;
    for (const auto& phrase : query.phrases) {
        std::vector<int> indices;
        for (const auto& word : phrase) {
            const int t = find_term(words, word);
            if (t < 0) break;
            indices.push_back(t);
        }
        if (indices.size() == phrase.size() && !indices.empty()) phrases.push_back(std::move(indices));
    }
    return phrases;
}

/// Drops the matches of words the query holds only inside phrases (and that matched no stem)
/// where the text has no whole phrase around them. The words of a phrase are consecutive words
/// of the text: punctuation between them is no break, as in the index, whose positions count
/// words only.
void keep_whole_phrases(std::string_view text, const SnippetQuery& query, const std::vector<Term>& words,
                        std::vector<Match>& matches) {
    if (query.phrase_only.empty() || matches.empty()) return;
    const auto adjacent = [&](const Match& a, const Match& b) {
        bool adjacent = true;
        for_each_word(text, a.end, [&](std::size_t start, std::size_t, bool) {
            adjacent = start >= b.start;
            return false;
        });
        return adjacent;
    };
    std::vector<bool> in_phrase(matches.size(), false);
    for (const auto& phrase : phrase_indices(query, words))
        for (std::size_t i = 0; i + phrase.size() <= matches.size(); ++i) {
            bool whole = true;
            for (std::size_t k = 0; whole && k < phrase.size(); ++k)
                whole = matches[i + k].word == phrase[k] && (k == 0 || adjacent(matches[i + k - 1], matches[i + k]));
            if (whole) std::fill_n(in_phrase.begin() + static_cast<std::ptrdiff_t>(i), phrase.size(), true);
        }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < matches.size(); ++i) {
        const auto& match = matches[i];
        const bool bound = match.term == match.word && query.phrase_only.count(words[match.word].text) > 0;
        if (!bound || in_phrase[i]) matches[kept++] = match;
    }
    matches.resize(kept);
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

/// Where the first word of `text` starts; npos without one.
std::size_t first_word(std::string_view text) {
    auto first = std::string_view::npos;
    for_each_word(text, 0, [&](std::size_t start, std::size_t, bool) {
        first = start;
        return false;
    });
    return first;
}

/// `begin` moved back over the opening brackets and quotes right before it: ( [ " ' “ ‘.
std::size_t with_opening_marks(std::string_view text, std::size_t begin) {
    while (begin > 0) {
        if (std::string_view("([\"'").find(text[begin - 1]) != std::string_view::npos) {
            --begin;
        } else if (begin >= 3 && (text.substr(begin - 3, 3) == "\u201C" || text.substr(begin - 3, 3) == "\u2018")) {
            begin -= 3;
        } else {
            break;
        }
    }
    return begin;
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
    const auto words = terms_of(query.words);
    auto matches = find_matches(text, query, words);
    keep_whole_phrases(text, query, words, matches);

    // The words shown: the best window with about a quarter of the room left before it for
    // context, from the first word starting in that room, as many words as `length` holds.
    std::size_t from = 0;
    if (const auto window = best_window(matches, length)) {
        const auto start = matches[window->first].start;
        const auto room_before = (length - (matches[window->second].end - start)) / 4;
        from = start - std::min(start, room_before);
        // Near the end of the text, the room the rest leaves goes before the window.
        from = std::min(from, text.size() > length ? text.size() - length : 0);
    }
    constexpr auto kNone = std::string_view::npos;
    std::size_t begin = kNone;
    std::size_t end = kNone;
    bool too_long = false;
    bool at_text_start = false;
    for_each_word(text, boundary_before(text, from), [&](std::size_t start, std::size_t stop, bool) {
        if (start < from) return true;
        if (begin == kNone) {
            // The text's own start is shown as it is ("(Antara) Banjir…", a quote opening the
            // body), not marked as a cut; elsewhere an opening bracket or quote goes with its word.
            at_text_start = start == first_word(text);
            const auto opened = at_text_start ? text.find_first_not_of(" \t\r\n") : with_opening_marks(text, start);
            begin = stop - opened <= length ? opened : start;
        }
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
    if (!at_text_start) snippet.push_back({"…", false});
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
