#include "telusur/search/explanation.h"

#include <unordered_map>
#include <unordered_set>

#include "telusur/schema.h"

namespace telusur {

namespace {

/// The synonyms of `query` (a word searched under two terms), by each of their terms.
void collect_synonyms(const Xapian::Query& query, std::unordered_map<std::string, Xapian::Query>& by_term) {
    if (query.get_type() == Xapian::Query::OP_SYNONYM) {
        for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) by_term.emplace(*t, query);
        return;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) collect_synonyms(query.get_subquery(i), by_term);
}

}  // namespace

TermMatch describe_term(const std::string& term) {
    TermMatch match;
    match.term = term;
    const auto strip = [&](std::string_view prefix, const char* field) {
        if (!term.starts_with(prefix)) return false;
        match.word = term.substr(prefix.size());
        match.field = field;
        return true;
    };
    const std::string stemmed_title = std::string(schema::kStemPrefix) + std::string(schema::kTitlePrefix);
    if (strip(stemmed_title, "title stem") || strip(schema::kStemPrefix, "stem") || strip(schema::kTitlePrefix, "title") ||
        strip(schema::kSourcePrefix, "filter") || strip(schema::kClusterPrefix, "filter") || strip(schema::kIdPrefix, "id"))
        return match;
    match.word = term;
    match.field = "word";
    return match;
}

std::vector<TermMatch> term_matches(const Xapian::Database& db, const Xapian::Enquire& enquire, const Xapian::Query& query,
                                    Xapian::docid docid, const std::string& id_term) {
    std::unordered_map<std::string, Xapian::Query> synonyms;
    collect_synonyms(query, synonyms);
    std::unordered_set<std::string> shown;  // synonyms, by description
    std::vector<TermMatch> matches;
    for (auto t = enquire.get_matching_terms_begin(docid); t != enquire.get_matching_terms_end(docid); ++t) {
        auto weighed = Xapian::Query(*t);
        auto term = *t;
        if (const auto synonym = synonyms.find(*t); synonym != synonyms.end()) {
            if (!shown.insert(synonym->second.get_description()).second) continue;
            weighed = synonym->second;
            term = *weighed.get_subquery(0).get_terms_begin();  // the stem; the whole form follows
        }
        auto match = describe_term(term);
        Xapian::Enquire single(db);  // the filter restricts to the hit and adds no weight
        single.set_query(Xapian::Query(Xapian::Query::OP_FILTER, weighed, Xapian::Query(id_term)));
        const auto mset = single.get_mset(0, 1);
        if (!mset.empty()) match.weight = mset.begin().get_weight();
        matches.push_back(std::move(match));
    }
    return matches;
}

}  // namespace telusur
