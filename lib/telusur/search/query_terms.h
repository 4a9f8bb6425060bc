// The terms a parsed query looks for, as opposed to those it excludes; rebuilding one.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace telusur {

/// The distinct terms of `query` outside what it excludes (the right side of AND_NOT: "rudal"
/// in "tentara -rudal"), in query order. Query::get_unique_terms lists both: highlighting or
/// preferring the words a query excludes would only mislead.
std::vector<std::string> positive_terms(const Xapian::Query& query);

/// Whether `query` joins its subqueries by an operator that takes nothing else (AND, OR,
/// AND_NOT, AND_MAYBE, FILTER, XOR): one that Query(type, begin, end) rebuilds from changed
/// subqueries. Phrases, NEAR, synonyms and scaled weights carry parameters or bind their terms.
inline bool is_plain_operator(const Xapian::Query& query) {
    switch (query.get_type()) {
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_XOR:
            return true;
        default:
            return false;
    }
}

}  // namespace telusur
