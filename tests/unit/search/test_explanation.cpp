// term_matches through Searcher: what --explain says each term of a hit weighs.
#include <doctest/doctest.h>

#include <string>

#include "searcher_fixture.h"
#include "telusur/search/searcher.h"

using telusur::SearchRequest;
using telusur::Searcher;
using telusur::test::article;
using telusur::test::data;
using telusur::test::Fixture;

TEST_CASE("Searcher's --explain weights add up to each hit's score, in every tier") {
    // A reduplicated word is a phrase weighing its term twice in the first tier; "every word but
    // one" lists each word in two branches, of which a hit has one.
    Fixture f({article("all", "Kabar sekolah", "Anak-anak sekolah kebanjiran saat hujan deras di Jakarta.", "Kabar Uji"),
               article("two", "Kabar banjir", "Banjir melanda sekolah anak di kota saat hujan.", "Kabar Uji"),
               article("one", "Kabar kota", "Hujan turun di kota sejak pagi.", "Kabar Uji"),
               article("other", "Kabar pasar", "Harga cabai turun di pasar anak.", "Kabar Uji")});
    Searcher searcher(f.dir / "db", data());
    for (const std::string query :
         {"anak-anak sekolah", "banjir Jakarta hujan", "anak-anak hujan kota", "hujan -cabai"}) {
        CAPTURE(query);
        SearchRequest request;
        request.query = query;
        request.explain = true;
        const auto results = searcher.search(request);
        REQUIRE(results.hits.size() >= 2);
        for (const auto& hit : results.hits) {
            CAPTURE(hit.article.id);
            double sum = 0;
            for (const auto& match : hit.matches) sum += match.weight;
            CHECK(sum == doctest::Approx(hit.score).epsilon(1e-6));
        }
    }
}
