// From the command line's options to the library's search request.
#pragma once

#include "options.h"
#include "telusur/search/searcher.h"

namespace telusur::query {

/// The SearchRequest `options` describe. Throws QueryError for a bad sort name.
SearchRequest to_search_request(const Options& options);

/// "relevance", "date" or "-date"; throws QueryError otherwise.
SearchRequest::Sort parse_sort(const std::string& name);

}  // namespace telusur::query
