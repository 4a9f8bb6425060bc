// Snippet terms: what a search's snippets look for, taken from the parsed query and its match set.
#pragma once

#include <xapian.h>

#include "telusur/search/query_builder.h"
#include "telusur/search/snippet.h"

namespace telusur {

/// The query's body words and stems ("Z" + stem terms; not "ZS" title stems, entity or filter
/// terms), the forms typed and the words its wildcards expand to, each with the weight the match
/// set gives it; and its phrases, with the words it holds only inside them.
SnippetQuery snippet_query(const ParsedQuery& parsed, const Xapian::MSet& mset, const Xapian::Database& db);

}  // namespace telusur
