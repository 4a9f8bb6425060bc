#include "telusur/search/query_syntax.h"

#include <algorithm>
#include <vector>

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

}  // namespace

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
        std::size_t start = i;  // the letters before the colon, after a space, bracket, + or -
        while (start > 0 && query[start - 1] >= 'a' && query[start - 1] <= 'z') --start;
        const bool own_word = start == 0 || is_space(query[start - 1]) || query[start - 1] == '(' ||
                              query[start - 1] == '-' || query[start - 1] == '+';
        const auto field = query.substr(start, i - start);
        if (!own_word || std::find(kQueryFields.begin(), kQueryFields.end(), field) == kQueryFields.end()) continue;
        std::size_t value = i + 1;
        while (value < query.size() && is_space(query[value])) ++value;
        if (value == query.size() || query[value] == ')') {
            if (empty_field.empty()) empty_field = std::string(field) + ":";
            continue;
        }
        i = value - 1;  // the spaces between are dropped
    }
    return out;
}

std::optional<std::string> first_operator(std::string_view query) {
    bool quoted = false;
    std::size_t start = std::string_view::npos;
    for (std::size_t i = 0; i <= query.size(); ++i) {
        const bool letter = i < query.size() && ((query[i] >= 'A' && query[i] <= 'Z') || (query[i] >= 'a' && query[i] <= 'z'));
        if (letter) {
            if (start == std::string_view::npos) start = i;
            continue;
        }
        // A word glued to a field's colon is the field's value (`title:NEAR`), not an operator.
        const bool value = start != std::string_view::npos && start > 0 && query[start - 1] == ':';
        if (start != std::string_view::npos && !quoted && !value && is_query_operator(query.substr(start, i - start)))
            return std::string(query.substr(start, i - start));
        start = std::string_view::npos;
        if (i < query.size() && query[i] == '"') quoted = !quoted;
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
