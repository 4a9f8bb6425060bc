// Searcher under random input: whatever a user or a script sends, a search answers or refuses
// with a QueryError, and what it answers is well-formed. Found, before this test: a cut-off UTF-8
// sequence that made the tokenizer read past the query, and Xapian's parser leaking proximity
// windows (the sanitizer build checks for leaks).
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "telusur/search/searcher.h"
#include "telusur/source/utf8.h"

#include "searcher_fixture.h"

using telusur::SearchRequest;
using telusur::Searcher;

namespace {

/// Pieces of queries: the fixture's words and names, operators, fields, punctuation, scripts
/// beyond Latin, and bytes that are not UTF-8.
const std::vector<std::string> kPieces = {
    "tentara", "rudal", "Korut", "Korea Utara", "Kyiv", "Kiev", "menguji", "penangkapan", "anak-anak", "cabai",
    "AND", "OR", "NOT", "XOR", "NEAR", "ADJ", "NEAR/3", "ADJ/2", "\"", "(", ")", "+", "-", "*", "~", ":", "/",
    "title:", "source:", "place:", "person:", "org:", "date:", "title:rudal", "source:\"Kabar Uji\"", "date:2024",
    "yang", "di", "dan", "2024", "11.000", "4/11/2024", "https://x.id/a?b=1", "é", "İ", "ß", "ﬁ", "漢字", "🙂",
    "\u200b", "\u0301", "\u00a0", "“", "”", "\t", "\n", "\xff", "\xc3", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80",
    std::string(1, '\0'), std::string(300, 'a'), std::string(40, '('), std::string(40, '"')};

const std::vector<std::string> kDates = {"", "2024", "2024-11", "2024-11-04", "2024-13-01", "2024-02-30",
                                         "x", "-1", "2024-1-1", "99999", "\xff"};
const std::vector<std::string> kFacets = {"person", "place", "org", "entity", "date", "source", "bogus", ""};

struct RandomRequests {
    std::mt19937 random{20261202};

    std::size_t below(std::size_t n) { return static_cast<std::size_t>(random() % n); }
    const std::string& any(const std::vector<std::string>& pieces) { return pieces[below(pieces.size())]; }

    std::string text(std::size_t pieces) {
        std::string out;
        for (std::size_t i = 0; i < pieces; ++i) out += any(kPieces) + (below(3) > 0 ? " " : "");
        return out;
    }

    SearchRequest next() {
        SearchRequest request;
        request.query = text(1 + below(8));
        if (below(25) == 0) request.query = text(400);  // past the length limit, mostly
        request.limit = below(4) == 0 ? below(30) : 10;
        request.offset = below(4) == 0 ? below(12) : 0;
        request.snippet_bytes = below(4) == 0 ? below(40) : 240;
        request.collapse = below(2) == 0;
        request.explain = below(3) == 0;
        if (below(4) == 0) request.filters.push_back(any(kFacets) + ":" + text(1 + below(2)));
        if (below(4) == 0) request.since = any(kDates);
        if (below(4) == 0) request.until = any(kDates);
        request.sort = static_cast<SearchRequest::Sort>(below(3));
        if (below(3) == 0) request.facets.push_back(any(kFacets));
        request.facet_limit = below(4);
        return request;
    }
};

/// Why `results`, the answer to `request`, is malformed, or empty when it is not.
std::string malformed(const SearchRequest& request, const telusur::SearchResults& results) {
    if (results.hits.size() > request.limit) return "more hits than the limit";
    for (std::size_t i = 0; i < results.hits.size(); ++i) {
        const auto& hit = results.hits[i];
        if (hit.rank != request.offset + i + 1) return "ranks do not count from the offset";
        std::string snippet;
        for (const auto& part : hit.snippet) snippet += part.text;
        if (snippet.size() > request.snippet_bytes + 8) return "snippet longer than asked";  // "…" marks
        if (telusur::find_invalid_utf8(snippet)) return "snippet is not UTF-8";
    }
    if (telusur::find_invalid_utf8(results.suggestion)) return "suggestion is not UTF-8";
    return {};
}

}  // namespace

TEST_CASE("Random queries and parameters are answered or refused with a QueryError, never anything else") {
    telusur::test::Fixture fixture;
    Searcher searcher(fixture.dir / "db", telusur::test::data());
    RandomRequests requests;
    int answered = 0;
    int refused = 0;
    for (int i = 0; i < 1500; ++i) {
        const auto request = requests.next();
        CAPTURE(request.query);
        try {
            const auto results = searcher.search(request);
            CHECK(malformed(request, results) == "");
            ++answered;
        } catch (const telusur::QueryError&) {
            ++refused;
        } catch (const std::exception& e) {
            FAIL("std::exception: " << std::string(e.what()));
        } catch (const Xapian::Error& e) {
            FAIL("Xapian::Error: " << e.get_description());
        }
    }
    // Both outcomes are exercised: the generator is not all noise, nor all clean.
    CHECK(answered > 200);
    CHECK(refused > 200);
}
