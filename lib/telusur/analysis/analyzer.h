// Analyzer: the analysis chain, tokenizer → normaliser → stopwords → stemmer.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "telusur/analysis/normalizer.h"
#include "telusur/analysis/stemmer/confix_stemmer.h"
#include "telusur/analysis/stopword_list.h"
#include "telusur/analysis/token.h"
#include "telusur/analysis/tokenizer.h"

namespace telusur {

/// A token after every step of the chain.
struct AnalyzedToken {
    Token token;                     ///< As found in the text.
    std::string normalized;          ///< NFKC_Casefold form.
    std::vector<std::string> parts;  ///< Words of `normalized` as Xapian's QueryParser sees them.
    std::vector<std::string> stems;  ///< Stem of each part; empty for a stopword.
    bool stopword = false;
    bool protected_name = false;     ///< Capitalised mid-sentence: a name, so not stemmed.
};

/// Whether capitalised words inside a sentence are names to keep unstemmed. Off for titles,
/// where every word is capitalised.
enum class NameProtection { Off, CapitalisedMidSentence };

/// Runs the chain over a text. Holds a tokenizer and a stemmer of its own, so it is not
/// thread-safe: each thread makes its own Analyzer over shared, immutable stopwords.
class Analyzer {
  public:
    /// `stopwords` must outlive the analyzer. Without a stemmer, Snowball's Indonesian one is
    /// used (for tests and comparisons that need no data folder); the tools pass
    /// LanguageData::make_stemmer(). With `whole_words`, a hyphenated word it names as a word of
    /// its own (ConfixStemmer::whole_word_stem: undang-undang) gets that stem for every part;
    /// otherwise each part is stemmed alone (anak-anak: anak, anak).
    explicit Analyzer(const StopwordList& stopwords, Xapian::Stem stemmer = {},
                      std::shared_ptr<const ConfixStemmer> whole_words = {});

    std::vector<AnalyzedToken> analyze(std::string_view text, NameProtection names = NameProtection::Off);

    /// Same, handing each token to `sink` as soon as it is analysed: the indexer's way, so a long
    /// article is never held as analysed tokens (about 250 bytes each) all at once.
    void analyze(std::string_view text, NameProtection names, const std::function<void(AnalyzedToken&&)>& sink);

    /// The stemmer, for the query parser and snippets: the same one the index was built with.
    const Xapian::Stem& stemmer() const { return stemmer_; }

  private:
    Tokenizer tokenizer_;
    Normalizer normalizer_;
    const StopwordList& stopwords_;
    Xapian::Stem stemmer_;
    std::shared_ptr<const ConfixStemmer> whole_words_;
};

}  // namespace telusur
