// The terms a parsed query looks for, as opposed to those it excludes.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace telusur {

/// The distinct terms of `query` outside what it excludes (the right side of AND_NOT: "rudal"
/// in "tentara -rudal"), in query order. Query::get_unique_terms lists both: highlighting or
/// preferring the words a query excludes would only mislead.
std::vector<std::string> positive_terms(const Xapian::Query& query);

}  // namespace telusur
