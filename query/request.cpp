#include "request.h"

namespace telusur::query {

SearchRequest::Sort parse_sort(const std::string& name) {
    if (name == "relevance") return SearchRequest::Sort::Relevance;
    if (name == "date") return SearchRequest::Sort::DateAscending;
    if (name == "-date") return SearchRequest::Sort::DateDescending;
    throw QueryError("bad sort '" + name + "' (expected relevance, date or -date)");
}

SearchRequest to_search_request(const Options& options) {
    SearchRequest request;
    request.query = options.query;
    request.like = options.like;
    request.limit = options.limit;
    request.offset = options.offset;
    request.snippet_bytes = options.snippet_length;
    request.collapse = options.collapse;
    request.explain = options.explain;
    request.filters = options.filters;
    request.since = options.since;
    request.until = options.until;
    request.sort = parse_sort(options.sort);
    request.facets = options.facets;
    request.facet_limit = options.facet_limit;
    return request;
}

}  // namespace telusur::query
