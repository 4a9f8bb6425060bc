// SnippetStemmer: the stemmer snippets use, skipping words that cannot stem to the query.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "telusur/analysis/stemmer/confix_stemmer.h"

namespace telusur {

/// The words the stemmer's tables map to a root outright (gak → tidak), keyed by their stem:
/// the only words whose stem need not be spelled inside them. Built once per searcher.
using IrregularForms = std::unordered_map<std::string, std::vector<std::string>>;
IrregularForms irregular_forms(const ConfixStemmer& confix, Xapian::Stem& stemmer);

/// The part of `stem` that every word stemming to it spells, with runs of one letter written
/// once: the stem without its first letter (meN- and peN- replace it: menulis → tulis, and
/// colloquial speech drops an h: idup → hidup) and without its last vowels onwards (colloquial
/// respellings change them: bener → benar, sampe → sampai, cue → cuai). Empty when nothing is
/// left, as for short stems (tas, bom): then every word may stem to it.
std::string stem_core(std::string_view stem);

/// A snippet stems every word of a hit's body to find the query's words in it, and most words
/// are not among them. This stemmer hands a word to the real one only when the word spells the
/// core of one of the query's stems, or starts with an irregular form of one (a table word and
/// its forms with a particle or possessive); any other word cannot stem
/// to the query and comes back unchanged, which matches no query stem either. The highlights
/// are exactly those of the real stemmer, for a fraction of the lookups.
class SnippetStemmer : public Xapian::StemImplementation {
  public:
    SnippetStemmer(Xapian::Stem stemmer, const std::vector<std::string>& query_stems, const IrregularForms& irregular);

    std::string operator()(const std::string& word) override;
    std::string get_description() const override { return "telusur::SnippetStemmer"; }

    /// Lower-case strings of which every word this stemmer hands to the real one holds at
    /// least one, as written: a rare letter pair of each core (a word that spells a core with
    /// runs of a letter written once still holds each of its pairs) and the irregular forms.
    /// nullopt when every word may stem to the query. Snippets look for these in a hit's text
    /// instead of stemming each of its words (SnippetQuery::stem_needles).
    std::optional<std::vector<std::string>> needles() const;

  private:
    bool may_stem_to_query(std::string_view word) const;


    Xapian::Stem stemmer_;
    std::vector<std::string> cores_;
    bool every_word_ = false;  // some query stem has an empty core
    std::vector<std::string> irregular_;
};

}  // namespace telusur
