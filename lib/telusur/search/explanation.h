// What --explain shows: how a query was read, and why each hit matched.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace telusur {

class Analyzer;
class AliasTable;
struct ParsedQuery;

/// One word of the query after analysis.
struct ExplainedToken {
    std::string text;                  ///< As typed.
    std::string normalized;            ///< NFKC_Casefold.
    std::string stem;                  ///< Stem searched for (empty for a stopword).
    bool stopword = false;
    std::vector<std::string> aliases;  ///< Other names it also searches.
};

struct QueryExplanation {
    std::vector<ExplainedToken> tokens;
    std::string all_words;   ///< Xapian description of tier 1 (every word).
    std::string most_words;  ///< Of the middle tier (every word but one); empty without one.
    std::string any_word;    ///< Xapian description of the last tier (any word).
    /// The forms typed that add weight in every tier but the last; empty when no word was stemmed.
    std::string exact_forms;
    bool tiered = false;    ///< False when both readings are the same query.
};

/// How `query` was read into `parsed`: its readings, and its words (not its operators and field
/// names) as `analyzer` analyses them, with the names `aliases` also searches for each.
QueryExplanation explain_query(std::string_view query, const ParsedQuery& parsed, Analyzer& analyzer,
                               const AliasTable& aliases);

/// A term of the query that matched a hit, and its share of the hit's weight.
struct TermMatch {
    std::string term;   ///< Xapian term, e.g. "Ztentara", "kursk", "Sputin".
    std::string field;  ///< "title", "body+title", "stem", "prefix", "filter" or "id".
    std::string word;   ///< The term without its prefix.
    double weight = 0;  ///< BM25 weight of this term alone in the hit.
};

/// Explains a Xapian term: its field and bare word.
TermMatch describe_term(const std::string& term);

/// Each query term that matched document `docid` (whose id term is `id_term`), with the weight
/// that term gives the document in `query` (the query that ranked it): for --explain. A term
/// `query` weighs twice (the phrase of "anak-anak") shows twice its weight; one only excluded is
/// not shown. The terms of a synonym in `query` weigh
/// as one: the synonym is shown once, as its first term, with the weight of the whole.
/// Also one match per word of `wildcards` ("kebakar", of "kebakar*") the hit has a word for, in
/// field "prefix": Xapian does not list the words a wildcard expands to among the matching terms.
std::vector<TermMatch> term_matches(const Xapian::Database& db, const Xapian::Enquire& enquire, const Xapian::Query& query,
                                    Xapian::docid docid, const std::string& id_term,
                                    const std::vector<std::string>& wildcards = {});

}  // namespace telusur
