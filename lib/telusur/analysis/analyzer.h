// Analyzer: the analysis chain, tokenizer → normaliser → stopwords → stemmer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "telusur/analysis/normalizer.h"
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
};

/// Runs the chain over a text. Holds a tokenizer and a stemmer of its own, so it is not
/// thread-safe: each thread makes its own Analyzer over shared, immutable stopwords.
class Analyzer {
  public:
    /// `stopwords` must outlive the analyzer.
    explicit Analyzer(const StopwordList& stopwords, Xapian::Stem stemmer = {});

    std::vector<AnalyzedToken> analyze(std::string_view text);

    /// The stemmer, for the query parser and snippets: the same one the index was built with.
    const Xapian::Stem& stemmer() const { return stemmer_; }

  private:
    Tokenizer tokenizer_;
    Normalizer normalizer_;
    const StopwordList& stopwords_;
    Xapian::Stem stemmer_;
};

}  // namespace telusur
