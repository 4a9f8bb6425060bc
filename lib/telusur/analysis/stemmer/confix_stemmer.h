// ConfixStemmer: telusur's Indonesian stemmer, dictionary-backed confix stripping.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "telusur/analysis/stemmer/root_dictionary.h"
#include "telusur/analysis/stemmer/word_lists.h"

namespace telusur {

/// Why the stemmer returned what it returned.
enum class StemReason {
    Dictionary,  ///< A root was found after stripping affixes, or the word itself is a root.
    Exception,   ///< Taken from stem-exceptions.tsv or informal.tsv.
    Protected,   ///< In the protected list (keywords, place names): returned unchanged.
    Fallback,    ///< No analysis reaches a root: returned unchanged.
    NotAWord,    ///< Empty, digits, non-Latin letters, stray hyphens: returned unchanged.
};

/// A stem and the reason for it.
struct StemResult {
    std::string stem;
    StemReason reason;

    bool operator==(const StemResult&) const = default;
};

/// Everything the stemmer consults besides its affix rules.
struct StemmerLexicon {
    std::shared_ptr<const RootDictionary> roots;  ///< Roots (kata dasar); required.
    WordSet protected_words;                      ///< Never stemmed.
    WordMap exceptions;                           ///< Irregular word → its root, returned as is.
    WordMap informal;                             ///< Colloquial word → standard word, which is then stemmed.
};

/// Strips Indonesian affixes down to a root found in the dictionary, in the Nazief–Adriani /
/// Enhanced Confix Stripping family: particles (-lah -kah -tah -pun), possessives (-ku -mu
/// -nya), derivational suffixes (-i -kan -an, loanword -isasi -isme), up to three stacked
/// prefixes (di- ke- se- ber- ter- per- pe- meN- peN-) with their morphophonemics, and
/// reduplication (anak-anak, berlari-lari, sayur-mayur).
///
/// Unlike first-match stemmers it generates every analysis whose root is in the dictionary and
/// keeps the most plausible one: fewest affixes, then longest root, then no restored letter,
/// then fewest prefixes (berikan → beri, not ikan; penyelidikan → selidik, not lidi).
///
/// `stem()` sees one lower-case word without context. Names that are capitalised in running
/// text must be kept unstemmed by the caller (only the caller sees the capital letter);
/// names and keywords listed in the protected list are kept here.
///
/// Immutable after construction: `stem()` is const and safe to call from many threads. It
/// does no caching; IndonesianStemmer adds a per-instance cache.
class ConfixStemmer {
  public:
    struct Options {
        /// Also analyse colloquial morphology (N-/nge- prefixes, -in, e for a, dropped h,
        /// elongated letters) for words with no standard analysis.
        bool informal = true;
    };

    /// Words longer than this are returned unchanged as Fallback: no Indonesian word is that
    /// long, and it bounds the work spent on garbage tokens.
    static constexpr std::size_t kMaxWordLength = 40;
    /// A root found by stripping has at least this many letters (two-letter entries such as
    /// "ab" or "ba" would otherwise swallow ordinary words).
    static constexpr std::size_t kMinRootLength = 3;

    /// `lexicon.roots` must not be null.
    explicit ConfixStemmer(StemmerLexicon lexicon);
    ConfixStemmer(StemmerLexicon lexicon, Options options);

    /// The stem of one lower-case word (as the Normalizer produces it). Never throws for any
    /// input; anything that is not a plain Latin-letter word comes back unchanged.
    StemResult stem(std::string_view lowercase_word) const;

    /// The stem of a hyphenated word that is a word of its own, named whole in the exceptions
    /// (stem-exceptions.tsv) or the protected words: `undang-undang` (a law) is not `undang`
    /// (invite), nor `rata-rata` (average) `rata` (flat). Found as written, with a clitic after
    /// a last hyphen, or through the one stem its two halves share (perundang-undangan,
    /// undang-undangnya → undang-undang). nullopt for any other word: its parts are stemmed one
    /// by one, as the indexer and the query parser split it.
    std::optional<std::string> whole_word_stem(std::string_view lowercase_word) const;

    const RootDictionary& roots() const { return *lexicon_.roots; }
    /// The words the exception and informal tables map outright (gak → tidak): the only words
    /// whose stem need not be spelled inside them.
    std::vector<std::string> irregular_words() const;
    const Options& options() const { return options_; }

    /// The version of the affix rules. Bump it whenever a rule changes any stem.
    static constexpr std::string_view kRulesVersion = "telusur-indonesian-8";
    /// Names these rules over this lexicon: kRulesVersion, '/', and a hash of every root (with
    /// its productivity), protected word, exception, informal mapping and option, whatever
    /// their order or comments in the files. Indexes record it, so one built with other rules or
    /// other stemmer-data is rebuilt by telusur-index and refused by telusur-query.
    const std::string& identity() const { return identity_; }

  private:
    StemResult stem_word(std::string_view word, bool try_respellings) const;
    StemResult stem_reduplication(std::string_view word) const;
    std::optional<StemResult> listed_whole(std::string_view hyphenated) const;
    /// The word's entry in the protected words or the exceptions, which override everything.
    std::optional<StemResult> listed(std::string_view word) const;
    /// The entry of the word without its particle and possessive (belajarnya → belajar → ajar):
    /// an entry covers its inflected forms.
    std::optional<StemResult> listed_inflected(std::string_view word) const;
    std::optional<std::string> best_analysis(std::string_view word, bool informal) const;

    StemmerLexicon lexicon_;
    Options options_;
    /// The first parts of the hyphenated exceptions and protected words (undang of undang-undang):
    /// a hyphenated word holding none of them is never listed whole.
    std::vector<std::string> whole_word_bases_;
    std::string identity_;
};

}  // namespace telusur
