// Searcher: runs a query against a telusur database and returns ranked, snippeted hits.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "telusur/language_data.h"
#include "telusur/search/query_builder.h"
#include "telusur/search/snippet.h"
#include "telusur/stored_article.h"

namespace telusur {

struct SearchRequest {
    std::string query;
    std::size_t offset = 0;
    std::size_t limit = 10;
    std::size_t snippet_bytes = 240;  ///< Longest snippet, in bytes of text.
};

struct Hit {
    std::size_t rank = 0;  ///< 1-based, counting from the first result of the whole list.
    Xapian::docid docid = 0;
    double score = 0;      ///< BM25 weight.
    StoredArticle article;
    Snippet snippet;
};

struct SearchResults {
    std::string query;            ///< As given.
    std::string expanded_query;   ///< After alias expansion.
    Xapian::doccount estimated_total = 0;
    std::vector<Hit> hits;
};

/// A read-only view of one database. Ranking is BM25 in two tiers: documents with every
/// query word first, then those missing some, so a 2–4 word query still finds partial matches
/// without letting them outrank complete ones.
class Searcher {
  public:
    /// Throws Error if `path` is not a telusur database or was built with another stemmer.
    /// `data` must outlive the searcher.
    Searcher(const std::filesystem::path& path, const LanguageData& data);

    /// Throws QueryError for a query that cannot be searched.
    SearchResults search(const SearchRequest& request);

    Xapian::doccount document_count() const { return db_.get_doccount(); }

  private:
    Xapian::Database db_;
    Xapian::Stem stemmer_;
    QueryBuilder builder_;
};

}  // namespace telusur
