// Reduplicated words in a query (anak-anak, negara-negaranya): searched through their stem.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "telusur/analysis/stemmer/confix_stemmer.h"
#include "telusur/analysis/stopword_list.h"
#include "telusur/analysis/tokenizer.h"

namespace telusur {

/// A reduplicated word of a query: its parts, as the parser puts them in a phrase, and the one
/// stem they share.
struct Reduplication {
    std::vector<std::string> parts;
    std::string stem;
};

/// The reduplicated words of `query` outside quotes: hyphenated lowercase words whose parts all
/// have one stem (`anak-anak`, `berlari-lari`), unlike compounds (`Korea-Jepang`, `kerja-sama`
/// whose parts differ). Capitalised words are names, kept whole as the parser keeps them. A
/// word `whole_words` stems as one word (ConfixStemmer::whole_word_stem: `undang-undang`,
/// `perundang-undangan`) is taken, capitalised or not, with that stem, as the indexer writes it.
std::vector<Reduplication> find_reduplications(std::string_view query, Tokenizer& tokenizer,
                                               const Xapian::Stem& stemmer, const StopwordList& stopwords,
                                               const ConfixStemmer& whole_words);

/// Where stem_reduplications puts a reduplicated word's stem in place of its phrase.
enum class ReduplicationScope {
    Everywhere,  ///< the last tier: any form of the stem matches
    Exclusions,  ///< the tiers that want every word keep the phrase; an exclusion excludes
                 ///< every form, in every tier
};

/// `query` with the phrase Xapian's parser makes of each reduplicated word replaced, within
/// `scope`, by the word's stem term: then `anak-anak` finds `anak-anaknya` and `anak`, as any
/// word finds every form of its stem (the indexer writes one stem term per part). Phrases the
/// user quoted are not the parts of a hyphenated word, and stay.
Xapian::Query stem_reduplications(const Xapian::Query& query, const std::vector<Reduplication>& words,
                                  ReduplicationScope scope);

}  // namespace telusur
