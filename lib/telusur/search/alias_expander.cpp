#include "telusur/search/alias_expander.h"

#include <utility>
#include <vector>

#include "telusur/search/query_syntax.h"
#include "telusur/search/word_scan.h"

namespace telusur {

namespace {

/// Whether the character at `q[i]` is part of a word, and its length in bytes: letters, digits
/// and marks as Xapian splits words, so that "«Korut»" or "Korut—Kursk" hold the name Korut.
std::pair<bool, std::size_t> word_char_at(std::string_view q, std::size_t i) {
    if (q[i] == '_') return {true, 1};
    return word_scan_detail::word_char_at(q, i);
}

/// A word of the query that may start or continue a name.
struct Word {
    std::size_t start;
    std::size_t end;
};

bool only_blanks(std::string_view text) { return text.find_first_not_of(" \t") == std::string_view::npos; }

/// Words outside quotes, not field names or values, in runs that names may span. Nor the words
/// on either side of NEAR or ADJ: the parser takes only single words there, not a group.
std::vector<std::vector<Word>> candidate_runs(std::string_view q) {
    std::vector<std::vector<Word>> runs(1);
    bool in_quotes = false;
    bool proximity_operand = false;  // the next word follows NEAR or ADJ
    std::size_t i = 0;
    while (i < q.size()) {
        const auto c = static_cast<unsigned char>(q[i]);
        if (c == '"') {
            in_quotes = !in_quotes;
            runs.emplace_back();
            ++i;
            continue;
        }
        if (const auto [is_word, length] = word_char_at(q, i); !is_word) {
            if (c != ' ' && c != '\t') runs.emplace_back();
            i += length;
            continue;
        }
        // A word: letters and digits, with inner hyphens and apostrophes ("bangsa-bangsa").
        const std::size_t start = i;
        while (i < q.size()) {
            if (const auto [is_word, length] = word_char_at(q, i); is_word) {
                i += length;
            } else if ((q[i] == '-' || q[i] == '\'') && i + 1 < q.size() && word_char_at(q, i + 1).first) {
                ++i;
            } else {
                break;
            }
        }
        const auto word = q.substr(start, i - start);
        const bool proximity = word == "NEAR" || word == "ADJ";
        if (proximity && !runs.back().empty() && only_blanks(q.substr(runs.back().back().end, start - runs.back().back().end)))
            runs.back().pop_back();  // the operand before
        const bool operand = std::exchange(proximity_operand, proximity);
        // "Korut*" is a prefix, not the alias.
        if (in_quotes || is_field_name(q, i) || is_field_value(q, start) || is_query_operator(word) || operand ||
            is_wildcard(q, i)) {
            runs.emplace_back();
            continue;
        }
        const bool joins =
            !runs.back().empty() && only_blanks(q.substr(runs.back().back().end, start - runs.back().back().end));
        if (!joins) runs.emplace_back();
        runs.back().push_back({start, i});
    }
    return runs;
}

std::string group_query(const AliasTable::Group& group) {
    std::string out = "(";
    for (std::size_t k = 0; k < group.size(); ++k) {
        if (k > 0) out += " OR ";
        const bool phrase = group[k].find(' ') != std::string::npos;
        out += phrase ? "\"" + group[k] + "\"" : group[k];
    }
    return out + ")";
}

}  // namespace

std::string expand_aliases(std::string_view query, const AliasTable& aliases) {
    std::string out;
    std::size_t copied = 0;
    for (const auto& run : candidate_runs(query)) {
        std::vector<std::string> words;
        for (const auto& w : run) words.emplace_back(query.substr(w.start, w.end - w.start));
        for (std::size_t k = 0; k < run.size();) {
            const auto match = aliases.match(words, k);
            if (!match) {
                ++k;
                continue;
            }
            const auto& first = run[k];
            const auto& last = run[k + match->word_count - 1];
            out.append(query.substr(copied, first.start - copied));
            // Xapian takes "(" as a bracket only after a space, another bracket or a +/-: a name
            // pasted as "#Korut" or "@jokowi" would turn the group into a syntax error.
            if (first.start > 0 && std::string_view(" \t(+-").find(query[first.start - 1]) == std::string_view::npos)
                out += ' ';
            out += group_query(*match->group);
            copied = last.end;
            k += match->word_count;
        }
    }
    out.append(query.substr(copied));
    return out;
}

}  // namespace telusur
