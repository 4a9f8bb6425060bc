#include "telusur/search/explanation.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "telusur/analysis/alias_table.h"
#include "telusur/analysis/analyzer.h"
#include "telusur/schema.h"
#include "telusur/search/query_builder.h"
#include "telusur/search/query_syntax.h"

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

/// Whether the hit whose id term is `id_term` matches `query`.
bool hit_matches(const Xapian::Database& db, const Xapian::Query& query, const std::string& id_term) {
    Xapian::Enquire single(db);
    single.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(id_term)));
    single.set_weighting_scheme(Xapian::BoolWeight());
    return !single.get_mset(0, 1).empty();
}

/// How many times each term (or synonym, by its description) of `query` adds weight to the hit
/// whose id term is `id_term`. Xapian weighs each leaf of the branches that match on its own: the
/// phrase of a reduplicated word ("anak PHRASE anak") weighs its term twice, and of "every word
/// but one" ((a AND b) OR (a AND c) OR (b AND c)) only the branches the hit has count. The right
/// side of AND_NOT and FILTER adds nothing.
void count_weighted(const Xapian::Database& db, const Xapian::Query& query, const std::string& id_term,
                    std::unordered_map<std::string, int>& counts) {
    const auto type = query.get_type();
    if (type == Xapian::Query::LEAF_MATCH_NOTHING || !hit_matches(db, query, id_term)) return;
    if (type == Xapian::Query::LEAF_TERM) {
        ++counts[*query.get_terms_begin()];
        return;
    }
    if (type == Xapian::Query::OP_SYNONYM) {
        ++counts[query.get_description()];
        return;
    }
    const bool left_only = type == Xapian::Query::OP_AND_NOT || type == Xapian::Query::OP_FILTER;
    const auto weighed = left_only ? std::min<std::size_t>(1, query.get_num_subqueries()) : query.get_num_subqueries();
    for (std::size_t i = 0; i < weighed; ++i) count_weighted(db, query.get_subquery(i), id_term, counts);
}

/// The weight `weighed` gives the hit whose id term is `id_term`; 0 when it does not match.
double weight_in_hit(const Xapian::Database& db, const Xapian::Query& weighed, const std::string& id_term) {
    Xapian::Enquire single(db);  // the filter restricts to the hit and adds no weight
    single.set_query(Xapian::Query(Xapian::Query::OP_FILTER, weighed, Xapian::Query(id_term)));
    const auto mset = single.get_mset(0, 1);
    return mset.empty() ? 0.0 : mset.begin().get_weight();
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

QueryExplanation explain_query(std::string_view query, const ParsedQuery& parsed, Analyzer& analyzer,
                               const AliasTable& aliases) {
    QueryExplanation explanation;
    explanation.all_words = parsed.all_words.get_description();
    if (!parsed.most_words.empty()) explanation.most_words = parsed.most_words.get_description();
    if (!parsed.exact_forms.empty()) explanation.exact_forms = parsed.exact_forms.get_description();
    explanation.any_word = parsed.any_word.get_description();
    explanation.tiered = !parsed.single_reading();
    for (const auto& token : analyzer.analyze(query)) {
        // Operators and field names are syntax, not words searched.
        if (is_query_operator(token.token.text) || is_field_name(query, token.token.end)) continue;
        ExplainedToken explained{token.token.text, token.normalized, {}, token.stopword, {}};
        for (const auto& stem : token.stems) explained.stem += (explained.stem.empty() ? "" : " ") + stem;
        // "kebakar*" is searched as a prefix, unstemmed.
        if (is_wildcard(query, token.token.end)) explained.stem = token.normalized + "*";
        if (const auto* group = aliases.find(token.token.text))
            for (const auto& name : *group)
                if (name != token.token.text) explained.aliases.push_back(name);
        explanation.tokens.push_back(std::move(explained));
    }
    return explanation;
}

std::vector<TermMatch> term_matches(const Xapian::Database& db, const Xapian::Enquire& enquire, const Xapian::Query& query,
                                    Xapian::docid docid, const std::string& id_term,
                                    const std::vector<std::string>& wildcards) {
    std::unordered_map<std::string, Xapian::Query> synonyms;
    collect_synonyms(query, synonyms);
    std::unordered_map<std::string, int> times_weighed;
    count_weighted(db, query, id_term, times_weighed);
    std::unordered_set<std::string> shown;  // synonyms, by description
    std::vector<TermMatch> matches;
    for (auto t = enquire.get_matching_terms_begin(docid); t != enquire.get_matching_terms_end(docid); ++t) {
        auto weighed = Xapian::Query(*t);
        auto term = *t;
        auto key = *t;
        if (const auto synonym = synonyms.find(*t); synonym != synonyms.end()) {
            key = synonym->second.get_description();
            if (!shown.insert(key).second) continue;
            weighed = synonym->second;
            term = *weighed.get_subquery(0).get_terms_begin();  // the stem; the whole form follows
        }
        // A term only of an exclusion (a later tier's "not the tiers before") adds nothing.
        const auto times = times_weighed.find(key);
        if (times == times_weighed.end()) continue;
        auto match = describe_term(term);
        // Each occurrence adds the same weight: Xapian weighs each leaf of a query on its own.
        match.weight = weight_in_hit(db, weighed, id_term) * times->second;
        matches.push_back(std::move(match));
    }
    for (const auto& prefix : wildcards) {
        const Xapian::Query wildcard(Xapian::Query::OP_WILDCARD, prefix, kMaxWildcardTerms,
                                     Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        if (const auto weight = weight_in_hit(db, wildcard, id_term); weight > 0)
            matches.push_back({prefix + "*", "prefix", prefix + "*", weight});
    }
    return matches;
}

}  // namespace telusur
