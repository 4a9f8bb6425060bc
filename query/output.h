// Result printers: one function per output format, writing to a stream.
#pragma once

#include <ostream>

#include "telusur/search/searcher.h"

namespace telusur::query {

/// Human-readable hits: rank, title, date · source · id · score, and the snippet with matched
/// words in bold when `terminal`, else between ** markers.
void print_text(std::ostream& out, const SearchResults& results, bool terminal);

/// One JSON object: query, expanded_query, estimated_total, hits[{rank, id, title, date, url,
/// source, score, snippet}] with ** marking matched words in the snippet.
void print_json(std::ostream& out, const SearchResults& results);

}  // namespace telusur::query
