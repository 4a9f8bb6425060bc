// RootDictionary: the Indonesian root words (kata dasar) the confix stemmer strips down to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <filesystem>
#include <string_view>
#include <vector>

#include "telusur/analysis/stemmer/word_lists.h"

namespace telusur {

/// A set of lower-case root words, each with its productivity. The stemmer accepts an analysis
/// only when what remains after stripping affixes is in here, and leaves a word that is itself
/// in here unchanged.
///
/// A list line is `word` or `word<TAB>N`: N is the root's productivity, the number of affix
/// classes it is known to take (hunspell's flags; 0 when not given). When two analyses of a word
/// both reach a root, the more productive root is the likelier (mengurangi → kurang, 10 classes,
/// not urang, none). Immutable once built; safe to share between threads.
class RootDictionary {
  public:
    RootDictionary() = default;

    /// Every word of `lists`, minus every word of `removals`. Each file is a word list (one word
    /// per line, `#` comments), its words normalised as tokens are. Throws DataError naming a
    /// file that cannot be read, or the file and line of an entry that is not a list line.
    static RootDictionary load(const std::vector<std::filesystem::path>& lists,
                               const std::vector<std::filesystem::path>& removals = {});

    /// The same from in-memory word-list texts (for tests and tools), named "<roots N>" and
    /// "<removals N>" in errors.
    static RootDictionary from_text(const std::vector<std::string_view>& lists,
                                    const std::vector<std::string_view>& removals = {});

    /// Whether `word` is a root.
    bool contains(std::string_view word) const { return words_.find(word) != words_.end(); }
    /// The productivity of `word`: 0 when not a root or when unknown.
    int productivity(std::string_view word) const {
        const auto it = words_.find(word);
        return it == words_.end() ? 0 : it->second;
    }
    /// The number of roots.
    std::size_t size() const { return words_.size(); }
    /// A hash of every root and its productivity, whatever the order they were read in.
    std::uint64_t fingerprint() const;

  private:
    void add_list(std::string_view text, std::string_view source);
    void remove_list(std::string_view text, std::string_view source);

    std::unordered_map<std::string, std::uint8_t, TransparentStringHash, std::equal_to<>> words_;
};

}  // namespace telusur
