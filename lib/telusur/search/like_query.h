// like_query: "more like this" — the query that finds the articles about what one article is about.
#pragma once

#include <string_view>

#include <xapian.h>

#include "telusur/search/query_builder.h"

namespace telusur {

/// Body stems picked from an article to find others like it (Lucene's MoreLikeThis takes 25;
/// 50 put more hits in the article's own category, bench/tools/like_eval.py).
inline constexpr Xapian::termcount kLikeTerms = 50;

/// The query for the articles most like the article `id` of `db`: the OR of the stems of its
/// body that best tell it from the rest of the database (Xapian's expand set for that one
/// document), ranked by BM25 as a typed query is. The article itself and its near-duplicate
/// copies are left out: they are the same story, not another one (a search lists them as
/// similar). A single reading, with no forms typed and no wildcards. Throws QueryError when `db`
/// holds no article `id`.
ParsedQuery like_query(const Xapian::Database& db, std::string_view id);

}  // namespace telusur
