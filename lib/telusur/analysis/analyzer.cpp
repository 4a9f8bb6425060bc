#include "telusur/analysis/analyzer.h"

#include "telusur/analysis/snowball_stemmer.h"
#include "telusur/analysis/term_parts.h"

namespace telusur {

Analyzer::Analyzer(const StopwordList& stopwords, Xapian::Stem stemmer)
    : stopwords_(stopwords), stemmer_(stemmer.is_none() ? make_stemmer() : std::move(stemmer)) {}

std::vector<AnalyzedToken> Analyzer::analyze(std::string_view text) {
    std::vector<AnalyzedToken> out;
    for (auto& token : tokenizer_.tokenize(text)) {
        AnalyzedToken analyzed;
        analyzed.normalized = normalizer_.normalize(token.text);
        analyzed.parts = xapian_word_parts(analyzed.normalized);
        analyzed.stopword = stopwords_.contains(analyzed.normalized);
        if (!analyzed.stopword) {
            analyzed.stems.reserve(analyzed.parts.size());
            for (const auto& part : analyzed.parts) analyzed.stems.push_back(stemmer_(part));
        }
        analyzed.token = std::move(token);
        out.push_back(std::move(analyzed));
    }
    return out;
}

}  // namespace telusur
