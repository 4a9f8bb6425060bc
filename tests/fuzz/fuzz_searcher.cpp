// Requests of any text against a small real database: results or a QueryError, never a crash,
// an exception of another kind, or a leak.
// Fields (fuzz_fields.h): query, filter, since, until, facet, then one byte each for the sort,
// limit, offset, snippet length, the collapse and explain switches, and "more like this": none,
// one of the database's five articles, or the query's text taken for an id.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "telusur/search/searcher.h"

#include "fuzz_fields.h"
#include "search/searcher_fixture.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const telusur::test::Fixture fixture;
    static telusur::Searcher searcher(fixture.dir / "db", telusur::test::data());
    const telusur::fuzz::Fields fields(data, size);
    telusur::SearchRequest request;
    request.query = fields.field(0);
    if (const auto filter = fields.field(1); !filter.empty()) request.filters.push_back(filter);
    request.since = fields.field(2);
    request.until = fields.field(3);
    if (const auto facet = fields.field(4); !facet.empty()) request.facets.push_back(facet);
    request.sort = static_cast<telusur::SearchRequest::Sort>(fields.number(5, 3));
    request.limit = fields.number(6, 12);
    request.offset = fields.number(7, 6);
    request.snippet_bytes = fields.number(8, 3) == 0 ? fields.number(8, 64) : 240;
    request.collapse = fields.number(9, 2) == 0;
    request.explain = fields.number(10, 2) == 1;
    static const char* const kIds[] = {"all-three", "two-words", "only-korut", "kyiv", "unrelated"};
    if (const auto like = fields.number(11, 8); like > 0) {
        request.like = like <= 5 ? kIds[like - 1] : request.query;
        if (like != 7) request.query.clear();  // 7: both, which is refused
    }
    try {
        const auto results = searcher.search(request);
        if (results.hits.size() > request.limit) std::abort();
    } catch (const telusur::QueryError&) {
    }
    return 0;
}
