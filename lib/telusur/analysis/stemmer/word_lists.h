// Word lists and word-pair tables: the plain-text formats of the stemmer's data files.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace telusur {

/// Hash that accepts std::string and std::string_view alike, so lookups by string_view do not
/// allocate (C++20 heterogeneous lookup in unordered containers).
struct TransparentStringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

/// A set of words searchable by string_view.
using WordSet = std::unordered_set<std::string, TransparentStringHash, std::equal_to<>>;
/// A word → word table searchable by string_view.
using WordMap = std::unordered_map<std::string, std::string, TransparentStringHash, std::equal_to<>>;

/// The words of a list, one per line (`#` comments, blank lines ignored), normalised as the
/// analysis chain normalises tokens, so that "Jakarta" in a list matches the token "jakarta".
/// Throws DataError naming `source` and the line for a line of more than one word.
std::vector<std::string> parse_word_list(std::string_view text, std::string_view source);

/// The pairs of a two-column table `word<TAB>word` (`#` comments, blank lines ignored), both
/// words normalised. Throws DataError naming `source` and the line when a line is not two words.
std::vector<std::pair<std::string, std::string>> parse_word_pairs(std::string_view text,
                                                                  std::string_view source);

}  // namespace telusur
