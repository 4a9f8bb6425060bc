// Searcher: runs a query against a telusur database and returns ranked, snippeted hits.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "telusur/analysis/analyzer.h"
#include "telusur/language_data.h"
#include "telusur/search/database_folder.h"
#include "telusur/search/explanation.h"
#include "telusur/search/filters.h"
#include "telusur/search/query_builder.h"
#include "telusur/search/snippet.h"
#include "telusur/search/snippet_stemmer.h"
#include "telusur/search/version_stamp.h"
#include "telusur/stored_article.h"

namespace telusur {

/// Longest query accepted, in bytes: longer strings are pasted documents, not queries.
inline constexpr std::size_t kMaxQueryBytes = 4096;

struct SearchRequest {
    std::string query;
    /// An article's id, to search for the articles like it instead of `query` (see like_query).
    std::string like;
    std::size_t offset = 0;
    std::size_t limit = 10;
    std::size_t snippet_bytes = 240;  ///< Longest snippet, in bytes of text.
    bool collapse = true;             ///< Show each near-duplicate cluster once.
    bool explain = false;             ///< Fill SearchResults::explanation and Hit::matches.
    std::vector<std::string> filters; ///< "KIND:VALUE": AND across kinds, OR within one.
    std::string since;                ///< Inclusive date bounds: YYYY, YYYY-MM or YYYY-MM-DD.
    std::string until;
    enum class Sort { Relevance, DateAscending, DateDescending } sort = Sort::Relevance;
    std::vector<std::string> facets;  ///< person, place, org, entity, date, source.
    std::size_t facet_limit = 10;     ///< Values per facet (0 = all).
};

struct Hit {
    std::size_t rank = 0;  ///< 1-based, counting from the first result of the whole list.
    Xapian::docid docid = 0;
    double score = 0;      ///< BM25 weight.
    StoredArticle article;
    Snippet snippet;
    std::vector<std::string> similar_ids;  ///< Near-duplicates collapsed into this hit.
    std::vector<TermMatch> matches;        ///< With explain: what matched and its weight.
};

struct SearchResults {
    std::string query;           ///< As given.
    std::string like;            ///< The article the hits are like, or empty for a typed query.
    std::string expanded_query;  ///< After alias expansion.
    std::string parsed_query;    ///< Xapian's description of the query run.
    std::string suggestion;      ///< "Did you mean": the query with misspelt words corrected, or empty.
    /// For each of the request's filters that no article has, the filter with its value
    /// completed from those indexed ("source:kompas" → "source:kompas.com"), when one is.
    std::vector<std::string> filter_suggestions;
    Xapian::doccount estimated_total = 0;
    bool total_is_exact = false;  ///< estimated_total is the count, not Xapian's estimate.
    double elapsed_ms = 0;
    std::vector<Hit> hits;
    std::vector<Facet> facets;  ///< Exact counts over the whole match set, in request order.
    std::optional<QueryExplanation> explanation;
};

/// A read-only view of one database. Ranking is BM25 in tiers: documents with every query word
/// first, then (for three words or more) those missing one, then the rest, so a 2–4 word query
/// still finds partial matches without letting them outrank fuller ones. Not thread-safe: one
/// Searcher per thread.
class Searcher {
  public:
    /// Throws Error if `path` is not a telusur database or was built with another stemmer.
    /// `data` must outlive the searcher.
    Searcher(const std::filesystem::path& path, const LanguageData& data);

    /// Throws QueryError for a query that cannot be searched, or text of the request that is
    /// not UTF-8.
    SearchResults search(const SearchRequest& request);

    /// Exact number of documents matching the request's query, filters and dates.
    Xapian::doccount count(const SearchRequest& request);

    /// Sees the latest commit of a writer; true if the database changed. Costs one stat(2) when
    /// nothing changed (VersionStamp). Throws Error, at this call and every later one, if the
    /// writer rebuilt the database with another stemmer (other stemmer-data) since this searcher
    /// loaded its own: its queries would no longer stem as the index does.
    bool reopen();

    const Xapian::Database& database() const { return db_; }

  private:
    /// The request's query (typed, or like an article) with its filters and dates applied.
    ParsedQuery parse(const SearchRequest& request);
    SearchResults run(const SearchRequest& request, const ParsedQuery& parsed);
    void run_tiers(Xapian::Enquire& enquire, const ParsedQuery& parsed, const SearchRequest& request,
                   SearchResults& results);
    std::vector<Facet> count_facets(const SearchRequest& request, const Xapian::Query& query);
    void add_hits(Xapian::Enquire& enquire, const Xapian::MSet& mset, const ParsedQuery& parsed,
                  const SearchRequest& request, std::vector<Hit>& hits);
    std::string suggest(const std::string& query);
    std::vector<std::string> suggest_filters(const std::vector<std::string>& filters);
    /// `filter`'s value completed from the values indexed, when no article has it as it is.
    std::string completed_value(const Filter& filter) const;

    /// Reopens whatever the version file says; see reopen().
    bool reopen_database();

    std::filesystem::path path_;
    VersionStamp version_;  // taken before db_ opens, so a commit in between is not missed
    FolderIdentity folder_;  // likewise: a database compacted in place is a new folder
    Xapian::Database db_;
    const LanguageData& data_;
    Xapian::Stem stemmer_;
    IrregularForms irregular_;  // for the snippets' stemmer
    QueryBuilder builder_;
    Analyzer analyzer_;    // for --explain
    Tokenizer tokenizer_;  // for suggestions; ICU iterators are costly to create per query
};

}  // namespace telusur
