#include "telusur/search/snippet_terms.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "telusur/schema.h"
#include "telusur/search/query_terms.h"

namespace telusur {

namespace {

/// Term prefixes are upper-case letters; indexed words never start with one.
bool is_prefix_letter(char c) { return c >= 'A' && c <= 'Z'; }

/// The words `prefix*` matches, as the parser expands it: the kMaxWildcardTerms most frequent
/// unprefixed terms that start with `prefix`.
std::vector<std::string> wildcard_expansion(const Xapian::Database& db, const std::string& prefix) {
    std::vector<std::pair<Xapian::doccount, std::string>> terms;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) terms.emplace_back(t.get_termfreq(), *t);
    const auto kept = std::min<std::size_t>(terms.size(), kMaxWildcardTerms);
    std::partial_sort(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(kept), terms.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> words;
    for (std::size_t i = 0; i < kept; ++i) words.push_back(std::move(terms[i].second));
    return words;
}

/// The single term of a leaf query.
std::string leaf_term(const Xapian::Query& leaf) { return *leaf.get_terms_begin(); }

/// Walks what `query` looks for: each phrase of unprefixed words goes to `phrases`, every other
/// term (outside phrases, or in a phrase of another shape: a field's, a synonym inside it) to `free`.
void collect_phrases(const Xapian::Query& query, std::vector<std::vector<std::string>>& phrases,
                     std::unordered_set<std::string>& free) {
    const auto type = query.get_type();
    if (type == Xapian::Query::OP_AND_NOT) {  // what it excludes is not looked for
        if (query.get_num_subqueries() > 0) collect_phrases(query.get_subquery(0), phrases, free);
        return;
    }
    if (type == Xapian::Query::LEAF_TERM) {
        free.insert(leaf_term(query));
        return;
    }
    if (type == Xapian::Query::OP_PHRASE) {
        std::vector<std::string> phrase;
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
            const auto sub = query.get_subquery(i);
            if (sub.get_type() != Xapian::Query::LEAF_TERM) break;
            auto term = leaf_term(sub);
            if (term.empty() || is_prefix_letter(term[0])) break;
            phrase.push_back(std::move(term));
        }
        if (phrase.size() == query.get_num_subqueries()) {
            phrases.push_back(std::move(phrase));
        } else {
            for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) free.insert(*t);
        }
        return;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) collect_phrases(query.get_subquery(i), phrases, free);
}

}  // namespace

SnippetQuery snippet_query(const ParsedQuery& parsed, const Xapian::MSet& mset, const Xapian::Database& db) {
    SnippetQuery snippet;
    // The words matched anywhere: outside the query's phrases, the forms typed, the words its
    // wildcards expand to. The other words of its phrases are bound to them.
    std::unordered_set<std::string> free;
    for (const auto& prefix : parsed.wildcards)
        for (auto& word : wildcard_expansion(db, prefix)) {
            free.insert(word);
            snippet.words.emplace(std::move(word), 0.0);
        }
    // A term the page's tier did not search has no weight there (the last tier leaves out the
    // exact forms; the first searches a reduplicated word as a phrase, not by its stem): it gets
    // the average below.
    const auto weight_of = [&mset](const std::string& term) {
        try {
            return mset.get_termweight(term);
        } catch (const Xapian::InvalidArgumentError&) {
            return 0.0;
        }
    };
    for (auto t = parsed.exact_forms.get_unique_terms_begin(); t != parsed.exact_forms.get_unique_terms_end(); ++t) {
        snippet.words.emplace(*t, weight_of(*t));
        free.insert(*t);
    }
    const auto& query = parsed.any_word;
    for (const auto& term : positive_terms(query)) {
        if (!is_prefix_letter(term[0]))
            snippet.words.emplace(term, weight_of(term));
        else if (schema::is_body_stem_term(term))
            snippet.stems.emplace(term.substr(schema::kStemPrefix.size()), weight_of(term));
    }
    // The terms of a synonym (a word also searched under the term of its whole form, see
    // QueryBuilder) have no weight of their own: they count as an average word of the query.
    double sum = 0;
    int weighted = 0;
    for (const auto* terms : {&snippet.words, &snippet.stems})
        for (const auto& [text, weight] : *terms)
            if (weight > 0) sum += weight, ++weighted;
    const double average = weighted > 0 ? sum / weighted : 1.0;
    for (auto* terms : {&snippet.words, &snippet.stems})
        for (auto& [text, weight] : *terms)
            if (weight == 0) weight = average;

    collect_phrases(query, snippet.phrases, free);
    for (const auto& phrase : snippet.phrases)
        for (const auto& word : phrase)
            if (free.count(word) == 0) snippet.phrase_only.insert(word);
    return snippet;
}

}  // namespace telusur
