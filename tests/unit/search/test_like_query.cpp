// like_query and Searcher's `like` requests: the articles most like one article.
#include <doctest/doctest.h>

#include "searcher_fixture.h"
#include "telusur/search/like_query.h"

using telusur::QueryError;
using telusur::SearchRequest;
using telusur::Searcher;
using telusur::test::article;
using telusur::test::data;
using telusur::test::Fixture;
using telusur::test::ids;

namespace {

/// Three stories on two topics, one of them syndicated twice word for word, and a story of its own.
std::vector<telusur::Article> stories() {
    std::string flood = "Banjir merendam ratusan rumah warga di Bekasi setelah hujan deras mengguyur semalaman. "
                        "Tanggul sungai jebol dan petugas mengevakuasi warga ke posko pengungsian.";
    for (int i = 0; i < 6; ++i) flood += " Warga Bekasi bergotong royong membersihkan lumpur sisa banjir nomor" + std::to_string(i) + ".";
    return {
        article("banjir-1", "Banjir merendam Bekasi", flood, "Kabar Uji"),
        article("banjir-1-salinan", "Banjir merendam Bekasi", flood, "Warta Dunia"),
        article("banjir-2", "Tanggul jebol lagi", "Tanggul sungai di Bekasi jebol lagi, banjir merendam rumah warga dan posko pengungsian penuh.",
                "Warta Dunia"),
        article("rudal", "Korut menguji rudal", "Korut menguji rudal balistik jarak jauh di perbatasan.", "Kabar Uji"),
        article("cabai", "Harga cabai turun", "Harga cabai di pasar tradisional turun tajam, pedagang mengeluh.", "Kabar Uji"),
    };
}

SearchRequest like(std::string id) {
    SearchRequest request;
    request.like = std::move(id);
    return request;
}

}  // namespace

TEST_CASE("a like request ranks the article on the same topic first and leaves out the article and its copies") {
    Fixture f(stories());
    Searcher searcher(f.dir / "db", data());
    const auto results = searcher.search(like("banjir-1"));
    REQUIRE_FALSE(results.hits.empty());
    CHECK(results.hits.front().article.id == "banjir-2");
    for (const auto& id : ids(results)) {
        CHECK(id != "banjir-1");
        CHECK(id != "banjir-1-salinan");  // a near-duplicate: the same story, not another one
    }
    CHECK(results.like == "banjir-1");
    CHECK(results.query.empty());
}

TEST_CASE("a like request is the OR of the article's body stems that other articles share") {
    Fixture f(stories());
    const Xapian::Database db((f.dir / "db").string());
    const auto parsed = telusur::like_query(db, "banjir-2");
    const auto query = parsed.any_word.get_description();
    CHECK(query.find("Ztanggul") != std::string::npos);
    CHECK(query.find("Zbekasi") != std::string::npos);
    // "penuh" is in banjir-2 alone, so it finds nothing else; "S" title terms and filters are left to the body.
    CHECK(query.find("Zpenuh") == std::string::npos);
    CHECK(query.find("ZS") == std::string::npos);
    CHECK(query.find("XSRC") == std::string::npos);
    CHECK(parsed.single_reading());
    CHECK(parsed.exact_forms.empty());
}

TEST_CASE("a like request takes filters, counts and facets as a typed query does") {
    Fixture f(stories());
    Searcher searcher(f.dir / "db", data());
    auto request = like("rudal");
    CHECK(searcher.count(request) == 0);  // no other story shares a word of it
    request = like("banjir-2");
    CHECK(searcher.count(request) == 2);  // banjir-1 and its copy: banjir-2 has none
    request.filters = {"source:Kabar Uji"};
    CHECK(ids(searcher.search(request)) == std::vector<std::string>{"banjir-1"});
    request.facets = {"source"};
    const auto results = searcher.search(request);
    REQUIRE(results.facets.size() == 1);
    REQUIRE(results.facets[0].values.size() == 1);
    CHECK(results.facets[0].values[0].first == "Kabar Uji");
}

TEST_CASE("a like request for an id the database lacks, or with a query too, is a QueryError") {
    Fixture f(stories());
    Searcher searcher(f.dir / "db", data());
    CHECK_THROWS_WITH_AS(searcher.search(like("tidak-ada")), doctest::Contains("no article with id 'tidak-ada'"),
                         QueryError);
    CHECK_THROWS_AS(searcher.search(like(std::string(300, 'x'))), QueryError);
    CHECK_THROWS_AS(searcher.search(like("banjir\xff")), QueryError);
    auto both = like("banjir-1");
    both.query = "banjir";
    CHECK_THROWS_WITH_AS(searcher.search(both), doctest::Contains("not both"), QueryError);
}
