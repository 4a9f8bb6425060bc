#include "telusur/search/query_syntax.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "telusur/ascii_case.h"

namespace telusur {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// The top-level items of `query`: split at white space outside quotes and brackets.
std::vector<std::string_view> top_level_items(std::string_view query) {
    std::vector<std::string_view> items;
    bool quoted = false;
    int depth = 0;
    std::size_t start = std::string_view::npos;
    for (std::size_t i = 0; i <= query.size(); ++i) {
        const bool end = i == query.size();
        const char c = end ? ' ' : query[i];
        if (!end && c == '"') quoted = !quoted;
        if (!quoted && c == '(') ++depth;
        if (!quoted && c == ')' && depth > 0) --depth;
        const bool splits = end || (is_space(c) && !quoted && depth == 0);
        if (splits) {
            if (start != std::string_view::npos) items.push_back(query.substr(start, i - start));
            start = std::string_view::npos;
        } else if (start == std::string_view::npos) {
            start = i;
        }
    }
    return items;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// The ASCII letters ending at the colon at byte `colon` of `query` when they stand as their own
/// word (after a space, a bracket, + or -, or at the start): a field name, known or not; empty
/// otherwise (10:30, detik.com/a:b).
std::string_view name_before_colon(std::string_view query, std::size_t colon) {
    std::size_t start = colon;
    while (start > 0 && is_ascii_letter(query[start - 1])) --start;
    const bool own_word = start == 0 || is_space(query[start - 1]) || query[start - 1] == '(' ||
                          query[start - 1] == '-' || query[start - 1] == '+';
    return own_word ? query.substr(start, colon - start) : std::string_view{};
}

bool is_known_field(std::string_view name) {
    return std::any_of(kQueryFields.begin(), kQueryFields.end(), [name](std::string_view field) {
        return field.size() == name.size() &&
               std::equal(field.begin(), field.end(), name.begin(), [](char a, char b) { return a == ascii_lower(b); });
    });
}

/// The known field whose name ends at the colon at byte `colon` of `query`, standing as its own
/// word, in any letter case (Title:, TITLE:); empty if none.
std::string_view known_field_before(std::string_view query, std::size_t colon) {
    const auto name = name_before_colon(query, colon);
    return is_known_field(name) ? name : std::string_view{};
}

/// Whether the byte `c` can start or continue a word (ASCII letters and digits, any byte of a
/// character beyond ASCII).
bool is_word_byte(char c) {
    return is_ascii_letter(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80;
}

/// The item that ends just before byte `end`: a phrase when it ends with a quote, else the
/// characters back to a space or bracket.
std::string_view item_before(std::string_view query, std::size_t end) {
    std::size_t start = end;
    if (start > 0 && query[start - 1] == '"') {
        const auto open = start >= 2 ? query.rfind('"', start - 2) : std::string_view::npos;
        start = open == std::string_view::npos ? 0 : open;
    }
    while (start > 0 && !is_space(query[start - 1]) && query[start - 1] != '(') --start;
    return query.substr(start, end - start);
}

}  // namespace

std::optional<std::string> foreign_syntax(std::string_view query) {
    const auto item_end = [query](std::size_t from) { return std::min(query.find_first_of(" \t\n\r)", from), query.size()); };
    bool quoted = false;
    for (std::size_t i = 0; i < query.size(); ++i) {
        const char c = query[i];
        if (c == '"') quoted = !quoted;
        if (quoted || i + 1 == query.size()) continue;
        const char next = query[i + 1];
        const bool starts_item = i == 0 || is_space(query[i - 1]) || query[i - 1] == '(';
        if ((c == '+' || c == '-') && starts_item && (next == '+' || next == '-') && next != c) {
            return "'" + std::string(query.substr(i, item_end(i) - i)) + "': an item takes + (must have) or - (must not), not both";
        }
        if (c == ':' && (next == '+' || next == '-') && i + 2 < query.size() && !is_space(query[i + 2])) {
            if (const auto field = known_field_before(query, i); !field.empty()) {
                const auto end = item_end(i);
                const auto value = query.substr(i + 2, end - i - 2);
                return "'" + std::string(query.substr(i - field.size(), end - i + field.size())) + "': write " + next +
                       std::string(field) + ":" + std::string(value) + (next == '-' ? " to exclude it" : " to require it");
            }
        }
        // A filter's value is matched whole: "place:Jak*" would look for the place "jak*".
        if (c == ':' && !quoted) {
            const auto field = known_field_before(query, i);
            const auto end = item_end(i);
            if (!field.empty() && field != "title" && end > i + 1 && query[end - 1] == '*')
                return "'" + std::string(query.substr(i - field.size(), end - i + field.size())) +
                       "': a filter matches a whole value; * only ends words searched";
        }
        // Xapian reads an unknown "judul:banjir" as the phrase "judul banjir", which finds nothing.
        if (c == ':' && (is_word_byte(next) || next == '"' || next == '(')) {
            if (const auto name = name_before_colon(query, i); name.size() >= 2 && !is_known_field(name))
                return "'" + std::string(query.substr(i - name.size(), item_end(i) - i + name.size())) +
                       "': no field named '" + std::string(name) +
                       "'; the fields are title, source, person, place, org and date";
        }
        // A wildcard only ends a word (kebakar*): Xapian reads "ban*ir" as ban* OR ir, and drops
        // the * of "*banjir".
        if (c == '*' && is_word_byte(next)) {
            const bool inside = i > 0 && is_word_byte(query[i - 1]);
            std::size_t start = i;
            while (start > 0 && !is_space(query[start - 1]) && query[start - 1] != '(' && query[start - 1] != '"')
                --start;
            return "'" + std::string(query.substr(start, item_end(i) - start)) + "': " +
                   (inside ? "* only ends a word, as in kebakar*"
                           : "a word cannot start with *; * only ends one, as in kebakar*");
        }
        // Lucene's fuzzy or proximity `~2` and boost `^2` after a word, a phrase or a bracket:
        // Xapian would search the number as one more word.
        if ((c == '~' || c == '^') && i > 0 && !is_space(query[i - 1]) && query[i - 1] != '(' && is_digit(next)) {
            std::size_t end = i + 1;
            while (end < query.size() && (is_digit(query[end]) || query[end] == '.')) ++end;
            if (end < query.size() && !is_space(query[end]) && query[end] != ')') continue;  // 10^3x: text
            const auto item = std::string(item_before(query, i)) + std::string(query.substr(i, end - i));
            if (c == '^') return "'" + item + "': boosting (^) is not supported";
            return "'" + item + "': fuzzy and proximity searches (~) are not supported; a misspelt word gets a " +
                   "\"did you mean\", and NEAR finds words within 10 of each other";
        }
    }
    return std::nullopt;
}

std::optional<std::string> only_excluded(std::string_view query) {
    const auto items = top_level_items(query);
    if (items.empty()) return std::nullopt;
    std::string positive;
    for (const auto item : items) {
        // "- rudal" is no exclusion for Xapian either: a lone dash is punctuation.
        if (item.size() < 2 || item[0] != '-' || item[1] == '-') return std::nullopt;
        if (!positive.empty()) positive += " OR ";
        positive += item.substr(1);
    }
    return positive;
}

std::string attach_field_values(std::string_view query, std::string& empty_field) {
    std::string out;
    out.reserve(query.size());
    bool quoted = false;
    for (std::size_t i = 0; i < query.size(); ++i) {
        const char c = query[i];
        out += c;
        if (c == '"') quoted = !quoted;
        if (quoted || c != ':') continue;
        const auto field = known_field_before(query, i);
        if (field.empty()) continue;
        // Title: and TITLE: are title: (Xapian's prefixes are case-sensitive).
        for (std::size_t k = out.size() - 1 - field.size(); k + 1 < out.size(); ++k) out[k] = ascii_lower(out[k]);
        std::size_t value = i + 1;
        while (value < query.size() && is_space(query[value])) ++value;
        // "source: OR gempa": the operator is no value, and attached it would be searched as one.
        const auto next_word = query.substr(value, std::min(query.find_first_of(" \t\n\r)", value), query.size()) - value);
        if (value == query.size() || query[value] == ')' || (value > i + 1 && is_query_operator(next_word))) {
            if (empty_field.empty()) empty_field = std::string(field) + ":";
            continue;
        }
        i = value - 1;  // the spaces between are dropped
    }
    return out;
}

std::optional<std::string> leading_not_with_words(std::string_view query) {
    const auto items = top_level_items(query);
    if (items.size() < 3 || items[0] != "NOT") return std::nullopt;
    // Operators say how the words after NOT go together ("NOT rudal NEAR tentara"): as typed.
    if (std::any_of(items.begin() + 1, items.end(), is_query_operator)) return std::nullopt;
    std::string rest;
    for (std::size_t i = 2; i < items.size(); ++i) rest += (rest.empty() ? "" : " ") + std::string(items[i]);
    const auto excluded = std::string(items[1]);
    return "'NOT " + excluded + " " + rest + "' would exclude every word after NOT: write '" + rest + " NOT " + excluded +
           "' to search " + rest + " without " + excluded + ", or 'NOT (" + excluded + " " + rest + ")' to exclude them all";
}

namespace {

/// Where the operator words (AND, OR, NOT, XOR, NEAR, ADJ) of `query` are, outside quotes: the
/// offset and length of each, in order.
std::vector<std::pair<std::size_t, std::size_t>> operator_words(std::string_view query) {
    std::vector<std::pair<std::size_t, std::size_t>> found;
    bool quoted = false;
    std::size_t start = std::string_view::npos;
    for (std::size_t i = 0; i <= query.size(); ++i) {
        const bool letter = i < query.size() && ((query[i] >= 'A' && query[i] <= 'Z') || (query[i] >= 'a' && query[i] <= 'z'));
        if (letter) {
            if (start == std::string_view::npos) start = i;
            continue;
        }
        // A word glued to a field's colon is the field's value (`title:NEAR`), not an operator.
        if (start != std::string_view::npos && !quoted && !is_field_value(query, start) &&
            is_query_operator(query.substr(start, i - start)))
            found.emplace_back(start, i - start);
        start = std::string_view::npos;
        if (i < query.size() && query[i] == '"') quoted = !quoted;
    }
    return found;
}

}  // namespace

std::optional<std::string> first_operator(std::string_view query) {
    const auto words = operator_words(query);
    if (words.empty()) return std::nullopt;
    return std::string(query.substr(words.front().first, words.front().second));
}

std::string bracket_proximity(std::string_view query) {
    std::vector<std::pair<std::size_t, char>> inserts;  // offset, bracket
    const auto words = operator_words(query);
    const auto is_proximity = [query](const std::pair<std::size_t, std::size_t>& w) {
        const auto word = query.substr(w.first, w.second);
        return word == "NEAR" || word == "ADJ";
    };
    const auto item_start = [query](std::size_t end) {  // of the item ending before `end`'s spaces
        while (end > 0 && is_space(query[end - 1])) --end;
        auto start = end;
        while (start > 0 && !is_space(query[start - 1]) && query[start - 1] != '(') --start;
        return std::pair(start, end);
    };
    const auto item_end = [query](std::size_t from) {  // of the item starting after `from`'s spaces
        while (from < query.size() && is_space(query[from])) ++from;
        auto end = from;
        while (end < query.size() && !is_space(query[end]) && query[end] != ')') ++end;
        return std::pair(from, end);
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!is_proximity(words[i])) continue;
        const auto [left, left_end] = item_start(words[i].first);
        // A phrase, a bracket or a sign is left to the parser, which refuses or excludes it.
        if (left == left_end || query[left] == '+' || query[left] == '-' || query[left_end - 1] == ')' ||
            query[left_end - 1] == '"')
            continue;
        std::size_t end = 0;
        bool simple = true;
        for (; i < words.size() && is_proximity(words[i]); ++i) {
            const auto [right, right_end] = item_end(words[i].first + words[i].second);
            simple = simple && right < right_end && query[right] != '(' && query[right] != '"';
            end = right_end;
            if (i + 1 >= words.size() || item_end(end).first != words[i + 1].first) break;
        }
        const bool bracketed = left > 0 && query[left - 1] == '(' && end < query.size() && query[end] == ')';
        if (!simple || bracketed) continue;
        inserts.emplace_back(left, '(');
        inserts.emplace_back(end, ')');
    }
    std::string out;
    std::size_t copied = 0;
    for (const auto& [at, bracket] : inserts) {
        out.append(query.substr(copied, at - copied)).push_back(bracket);
        copied = at;
    }
    return out.append(query.substr(copied));
}

std::optional<std::string> proximity_as_and(std::string_view query) {
    std::string out(query);
    bool any = false;
    const auto words = operator_words(query);
    for (auto it = words.rbegin(); it != words.rend(); ++it) {  // from the end: offsets before stay valid
        const auto word = query.substr(it->first, it->second);
        if (word != "NEAR" && word != "ADJ") continue;
        out.replace(it->first, it->second, "AND");
        any = true;
    }
    if (!any) return std::nullopt;
    return out;
}

std::optional<std::string> mixed_proximity(std::string_view query) {
    const auto words = operator_words(query);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const auto first = query.substr(words[i].first, words[i].second);
        const auto second = query.substr(words[i + 1].first, words[i + 1].second);
        if ((first != "NEAR" && first != "ADJ") || (second != "NEAR" && second != "ADJ") || first == second) continue;
        // Only one word between them: the two operators share it, so they are one run.
        auto from = words[i].first + words[i].second;
        auto to = words[i + 1].first;
        while (from < to && is_space(query[from])) ++from;
        while (to > from && is_space(query[to - 1])) --to;
        const auto word = query.substr(from, to - from);
        if (word.empty() || std::any_of(word.begin(), word.end(), is_space)) continue;
        return "bad query syntax: NEAR and ADJ cannot join the same run of words ('" + std::string(first) + " " +
               std::string(word) + " " + std::string(second) + "'): use one of them, or AND";
    }
    return std::nullopt;
}

bool has_stray_closing_bracket(std::string_view query) {
    bool quoted = false;
    int depth = 0;
    for (const char c : query) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '(') ++depth;
        if (c == ')' && depth-- == 0) return true;
    }
    return false;
}

std::optional<std::string> first_exclusion(std::string_view query) {
    bool quoted = false;
    for (std::size_t i = 0; i + 1 < query.size(); ++i) {
        if (query[i] == '"') quoted = !quoted;
        if (quoted || query[i] != '-') continue;
        const bool starts_item = i == 0 || is_space(query[i - 1]) || query[i - 1] == '(';
        const char next = query[i + 1];
        if (!starts_item || is_space(next) || next == '-' || next == ')') continue;
        std::size_t end = i + 1;
        bool inner_quote = false;
        int depth = 0;
        for (; end < query.size(); ++end) {
            const char c = query[end];
            if (c == '"') inner_quote = !inner_quote;
            if (inner_quote) continue;
            if (c == '(') ++depth;
            if (c == ')' && depth-- == 0) break;
            if (is_space(c) && depth <= 0) break;
        }
        return std::string(query.substr(i, end - i));
    }
    return std::nullopt;
}

}  // namespace telusur
