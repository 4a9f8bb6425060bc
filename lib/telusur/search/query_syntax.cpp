#include "telusur/search/query_syntax.h"

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

}  // namespace telusur
