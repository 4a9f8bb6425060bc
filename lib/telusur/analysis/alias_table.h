// AliasTable: groups of names for the same thing (Korut = Korea Utara), from aliases.tsv.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace telusur {

/// Alias groups loaded from `ALIAS<TAB>CANONICAL` lines. Every name of a group stands for all the
/// others. Matching is case-insensitive except for aliases written in capitals ("AS", "PBB"),
/// which match only when written in capitals. Immutable after loading; thread-safe to share.
class AliasTable {
  public:
    /// A group: its canonical name first, then its aliases, as written in the file.
    using Group = std::vector<std::string>;

    struct Match {
        std::size_t word_count;  ///< How many words of the input the name covers.
        const Group* group;      ///< All names of the group, canonical first.
    };

    static AliasTable load(const std::filesystem::path& path);
    static AliasTable from_text(std::string_view text, const std::string& name = "<aliases>");

    /// The longest name that starts at `words[from]` (words as typed), if any.
    std::optional<Match> match(const std::vector<std::string>& words, std::size_t from) const;

    /// The group whose member is `name` (case rules as in match), or null.
    const Group* find(std::string_view name) const;

    std::size_t group_count() const { return groups_.size(); }

  private:
    void add(const std::string& alias, const std::string& canonical);

    std::vector<Group> groups_;
    std::unordered_map<std::string, std::size_t> folded_;  // lower-cased name → group
    std::unordered_map<std::string, std::size_t> exact_;   // capitalised alias → group
    std::size_t longest_ = 1;                               // most words in a name
};

}  // namespace telusur
