// Snippet: the passage of a hit shown to the user, with the matching words marked.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace telusur {

/// A run of snippet text, highlighted when it is a word that matched the query.
struct SnippetPart {
    std::string text;
    bool highlighted = false;
    bool operator==(const SnippetPart&) const = default;
};

using Snippet = std::vector<SnippetPart>;

/// What a snippet looks for: the query's words as indexed (lower case: names, and the forms
/// typed) and its stems, each with the weight the query gives it. A word of the text matches as
/// written or through its stem; matched both ways, it weighs both.
struct SnippetQuery {
    std::unordered_map<std::string, double> words;
    std::unordered_map<std::string, double> stems;
    /// The stem of a lower-case word (the indexer's stemmer, or one that skips words that
    /// cannot stem to the query: see SnippetStemmer).
    std::function<std::string(const std::string&)> stem;
    /// Optional: lower-case strings of which every word that may stem to one of `stems` holds
    /// one as written (SnippetStemmer::needles). Then only words holding one of them or a written
    /// term, and words beyond ASCII, are looked at. Unset: every word of the text is stemmed.
    std::optional<std::vector<std::string>> stem_needles;
    /// Optional: the stem of a hyphenated word taken as one word, when it is a word of its own
    /// (ConfixStemmer::whole_word_stem), as the indexer stems it. A part of such a word matches
    /// only through it: `undang-undang` highlights both parts, `diundang` neither.
    std::function<std::optional<std::string>(const std::string&)> whole_stem;
    /// The query's phrases, each its words in order (terms of `words`), and the words the query
    /// holds only inside phrases: such a word matches only where the text has a whole phrase
    /// around it ("Korea" of the phrase "Korea Utara" is no match in "Korea Selatan").
    std::vector<std::vector<std::string>> phrases;
    std::unordered_set<std::string> phrase_only;
};

/// The passage of `text` of at most `length` bytes holding the most query weight (each query
/// term counted once at full weight, repeats a little), with its matched words highlighted and
/// some words of context before the first. Without a match, the start of the text. Words are
/// never cut; runs of white space show as one space; "…" marks where the text goes on.
///
/// Xapian's MSet::snippet does the same job but splits and classifies every character of the
/// whole text through its Unicode tables: it was half of a search's time (see
/// bench/results/search-latency.md). Here ASCII, most of Indonesian news, takes a fast path.
Snippet make_snippet(std::string_view text, std::size_t length, const SnippetQuery& query);

/// The snippet as plain text, highlights wrapped in `before` and `after`.
std::string render_snippet(const Snippet& snippet, std::string_view before, std::string_view after);

}  // namespace telusur
