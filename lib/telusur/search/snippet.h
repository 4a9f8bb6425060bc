// Snippet: the passage of a hit shown to the user, with the matching words marked.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace telusur {

/// A run of snippet text, highlighted when it is a word that matched the query.
struct SnippetPart {
    std::string text;
    bool highlighted = false;
    bool operator==(const SnippetPart&) const = default;
};

using Snippet = std::vector<SnippetPart>;

/// Marker bytes passed to Xapian's snippet generator; they never occur in indexed text.
inline constexpr std::string_view kHighlightStart = "\x01";
inline constexpr std::string_view kHighlightEnd = "\x02";

/// Turns the output of Xapian::MSet::snippet (XML-escaped, with the markers above) into parts.
Snippet parse_xapian_snippet(std::string_view marked);

/// The snippet as plain text, highlights wrapped in `before` and `after`.
std::string render_snippet(const Snippet& snippet, std::string_view before, std::string_view after);

}  // namespace telusur
