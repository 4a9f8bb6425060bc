// Gazetteer: known names of places, organisations and people, and the word lists the entity
// extractor's rules need (roles, common capitalised words, name cues), from stemmer-data/gazetteers/.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace telusur {

/// What a named entity is.
enum class EntityKind { Person, Place, Org };

/// "person", "place", "org".
std::string_view to_string(EntityKind kind);

/// How a single word steers the name rules (stemmer-data/gazetteers/name-cues.tsv).
enum class NameCue {
    None,
    OrgHead,       ///< starts an organisation name: "Kementerian", "Badan", "Partai", "PT"
    FacilityHead,  ///< starts a building, venue or event name, not an entity: "Stadion", "Piala"
    AdminPrefix,   ///< administrative unit before a place name, dropped from it: "Kota", "Kabupaten"
    GeoHead,       ///< geographic feature, kept in the place name: "Pulau", "Laut", "Selat"
    SpeechBefore,  ///< reporting word before a speaker: "kata", "ujar" ("…," kata Rohman)
    SpeechAfter,   ///< reporting verb after a speaker: "mengatakan", "menjelaskan"
    Apposition,    ///< descriptor after "Name,": "warga", "pedagang", "seorang"
    Connector,     ///< lower-case word inside a name: "bin", "van", "dan" (in org names)
};

/// The data loaded from a gazetteer folder. Files (UTF-8, `#` starts a comment):
///   - `places.tsv`, `orgs.tsv`, `people.tsv`: `NAME` or `NAME<TAB>CANONICAL` per line; the
///     canonical name (default: NAME itself) is what the extractor reports. A NAME written in
///     capitals ("KPU", "BI") matches only in capitals; other names match any case as long as
///     each capitalised word of NAME is capitalised in the text (so "medan tempur" is not Medan).
///   - `roles.txt`: titles and roles that precede a person's name, one phrase per line, any case;
///     `ROLE<TAB>rank` marks ranks and honorifics ("AKP", "Bapak").
///   - `common-capitalised.txt`: words that are capitalised in text but never part of a name
///     (days, months, pronouns, sentence starters, portfolio words of ministries), any case.
///   - `name-cues.tsv`: `WORD<TAB>CUE`, CUE one of org-head facility admin geo speech-before
///     speech-after apposition connector (see NameCue).
/// Immutable after loading; thread-safe to share.
class Gazetteer {
  public:
    struct Entry {
        EntityKind kind;
        std::string name;  ///< canonical name as reported
    };

    struct Match {
        std::size_t word_count;  ///< words of the input the name covers
        const Entry* entry;
    };

    /// The files above, in the order of Texts.
    static constexpr std::array<std::string_view, 6> kFileNames{
        "places.tsv", "orgs.tsv", "people.tsv", "roles.txt", "common-capitalised.txt", "name-cues.tsv"};

    /// How load() reads a file: read_data_file, unless a caller that also hashes the files gives
    /// its own reader, so that each is read once.
    using FileReader = std::function<std::string(const std::filesystem::path&)>;

    /// Loads every file above from `dir`; throws DataError naming the file and line at fault.
    static Gazetteer load(const std::filesystem::path& dir, const FileReader& read = {});

    /// The texts of the six files, for tests (any may be empty).
    struct Texts {
        std::string_view places{}, orgs{}, people{}, roles{}, common{}, cues{};
    };
    static Gazetteer from_texts(const Texts& texts);

    /// The longest known name starting at `words[from]`. `folded` holds fold_word() of each word.
    std::optional<Match> match(std::span<const std::string> words, std::span<const std::string> folded,
                               std::size_t from) const;
    /// Same, folding `words` itself (slower; for tests and one-off lookups).
    std::optional<Match> match(const std::vector<std::string>& words, std::size_t from) const;

    /// The entry whose name (as written in a file, or canonical) is exactly `name`, case-insensitive.
    const Entry* find(std::string_view name) const;

    /// Number of words of the longest role phrase starting at `folded[from]`, or 0.
    std::size_t match_role(std::span<const std::string> folded, std::size_t from) const;

    /// Whether the role `folded[from, from + length)` is a rank or honorific ("AKP", "Bapak"),
    /// which stands directly before a personal name, unlike an office ("Ketua", "Menko").
    bool is_rank(std::span<const std::string> folded, std::size_t from, std::size_t length) const;

    /// Whether a folded word is in common-capitalised.txt.
    bool is_common(std::string_view folded_word) const { return common_.contains(std::string(folded_word)); }

    /// The cue of a folded word, or NameCue::None.
    NameCue cue(std::string_view folded_word) const;

    std::size_t name_count() const { return entries_.size(); }
    std::size_t role_count() const { return role_count_; }

    /// The fold used for every comparison: NFKC case folding (Normalizer).
    static std::string fold_word(std::string_view word);

  private:
    struct Name {
        std::vector<std::string> words;  // as written in the file
        std::size_t entry;
    };
    static Gazetteer build(const Texts& texts, const std::string& prefix);
    void add_names(std::string_view text, EntityKind kind, const std::string& file);

    std::vector<Entry> entries_;
    std::unordered_map<std::string, std::vector<Name>> names_;  // folded words joined by ' ' → names
    std::unordered_set<std::string> first_words_;               // folded first word of every name
    std::unordered_map<std::string, std::size_t> by_name_;      // folded full name → entry
    std::size_t longest_ = 1;

    std::unordered_map<std::string, bool> roles_;  // folded phrase → is a rank or honorific
    std::unordered_set<std::string> role_first_words_;
    std::size_t longest_role_ = 1;
    std::size_t role_count_ = 0;

    std::unordered_set<std::string> common_;
    std::unordered_map<std::string, NameCue> cues_;
};

}  // namespace telusur
