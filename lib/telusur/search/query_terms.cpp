#include "telusur/search/query_terms.h"

#include <unordered_set>

namespace telusur {

namespace {

void collect(const Xapian::Query& query, std::vector<std::string>& terms, std::unordered_set<std::string>& seen) {
    const auto subqueries = query.get_num_subqueries();
    if (query.get_type() == Xapian::Query::OP_AND_NOT) {
        if (subqueries > 0) collect(query.get_subquery(0), terms, seen);
        return;
    }
    if (subqueries == 0) {  // a leaf: a term, or none (match all, a wildcard before expansion)
        for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t)
            if (!(*t).empty() && seen.insert(*t).second) terms.push_back(*t);
        return;
    }
    for (std::size_t i = 0; i < subqueries; ++i) collect(query.get_subquery(i), terms, seen);
}

}  // namespace

std::vector<std::string> positive_terms(const Xapian::Query& query) {
    std::vector<std::string> terms;
    std::unordered_set<std::string> seen;
    collect(query, terms, seen);
    return terms;
}

}  // namespace telusur
