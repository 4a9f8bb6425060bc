// StopwordList: the words that get no stemmed term and are dropped from queries.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_set>

namespace telusur {

/// A set of normalised stopwords. Immutable after loading; safe to share between threads.
class StopwordList {
  public:
    StopwordList() = default;
    /// Loads one word per line (`#` comments, blank lines ignored); throws DataError.
    static StopwordList load(const std::filesystem::path& path);
    /// Builds a list from the text of a stopword file; `source` names it in errors.
    static StopwordList from_text(std::string_view text, std::string_view source = "<stopwords>");

    /// Whether `word` (already normalised) is a stopword.
    bool contains(std::string_view word) const { return words_.count(std::string(word)) > 0; }
    std::size_t size() const { return words_.size(); }

  private:
    std::unordered_set<std::string> words_;
};

}  // namespace telusur
