#include "telusur/search/reduplication.h"

#include <algorithm>

#include "telusur/analysis/normalizer.h"
#include "telusur/analysis/term_parts.h"
#include "telusur/schema.h"
#include "telusur/search/query_terms.h"

namespace telusur {

namespace {

/// The terms of a phrase of single terms, in order; empty for any other query.
std::vector<std::string> phrase_terms(const Xapian::Query& query) {
    std::vector<std::string> terms;
    if (query.get_type() != Xapian::Query::OP_PHRASE) return terms;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        const auto part = query.get_subquery(i);
        if (part.get_type() != Xapian::Query::LEAF_TERM) return {};
        terms.push_back(*part.get_terms_begin());
    }
    return terms;
}

Xapian::Query rewrite(const Xapian::Query& query, const std::vector<Reduplication>& words, ReduplicationScope scope,
                      bool excluded) {
    if (query.get_type() == Xapian::Query::OP_PHRASE) {
        const auto terms = phrase_terms(query);
        const auto word = std::find_if(words.begin(), words.end(), [&](const auto& w) { return w.parts == terms; });
        if (word == words.end() || (scope == ReduplicationScope::Exclusions && !excluded)) return query;
        return Xapian::Query(std::string(schema::kStemPrefix) + word->stem);
    }
    if (!is_plain_operator(query)) return query;
    std::vector<Xapian::Query> parts;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        // What AND_NOT takes away is excluded.
        const bool takes_away = query.get_type() == Xapian::Query::OP_AND_NOT && i > 0;
        parts.push_back(rewrite(query.get_subquery(i), words, scope, excluded || takes_away));
    }
    return Xapian::Query(query.get_type(), parts.begin(), parts.end());
}

}  // namespace

std::vector<Reduplication> find_reduplications(std::string_view query, Tokenizer& tokenizer,
                                               const Xapian::Stem& stemmer, const StopwordList& stopwords,
                                               const ConfixStemmer& whole_words) {
    static const Normalizer normalizer;
    std::vector<Reduplication> found;
    if (query.find('-') == std::string_view::npos) return found;  // most queries: no tokenizing
    for (const auto& token : tokenizer.tokenize(query)) {
        if (token.text.find('-') == std::string::npos) continue;
        const auto quotes_before = std::count(query.begin(), query.begin() + static_cast<std::ptrdiff_t>(token.start), '"');
        if (quotes_before % 2 == 1) continue;  // inside a phrase the user quoted
        const auto normalized = normalizer.normalize(token.text);
        Reduplication word;
        word.parts = xapian_word_parts(normalized);
        if (word.parts.size() < 2) continue;
        if (auto whole = whole_words.whole_word_stem(normalized)) {
            word.stem = std::move(*whole);
            found.push_back(std::move(word));
            continue;
        }
        if (token.text[0] >= 'A' && token.text[0] <= 'Z') continue;  // a name: STEM_SOME keeps it whole
        bool one_stem = true;
        for (const auto& part : word.parts) {
            const auto stem = stopwords.contains(part) ? std::string() : stemmer(part);
            if (stem.empty() || (!word.stem.empty() && stem != word.stem)) one_stem = false;
            word.stem = stem;
        }
        if (one_stem) found.push_back(std::move(word));
    }
    return found;
}

Xapian::Query stem_reduplications(const Xapian::Query& query, const std::vector<Reduplication>& words,
                                  ReduplicationScope scope) {
    if (words.empty()) return query;
    return rewrite(query, words, scope, false);
}

}  // namespace telusur
