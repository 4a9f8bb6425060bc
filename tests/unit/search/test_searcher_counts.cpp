// Searcher's counts: exact for small match sets, collapsed or filtered, whatever the page.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "searcher_fixture.h"

using telusur::SearchRequest;
using telusur::Searcher;
using telusur::test::article;
using telusur::test::data;
using telusur::test::Fixture;
using telusur::test::search;

TEST_CASE("Searcher counts a small collapsed match set exactly, whatever the page size") {
    // 80 stories, each syndicated three times: 240 matches that collapse to 80.
    std::vector<telusur::Article> articles;
    for (int story = 0; story < 80; ++story) {
        // Most stories say "kebanjiran", a few the "banjir" typed: the few rank first, and Xapian
        // stops once no other can overtake them, and estimates the rest.
        std::string body = std::string(story % 8 == 0 ? "Banjir" : "Kebanjiran") + " melanda daerah nomor" + std::to_string(story) + ".";
        for (int i = 0; i < 40; ++i) body += " kalimat" + std::to_string(story) + "x" + std::to_string(i) + " berita";
        for (int copy = 0; copy < 3; ++copy)
            articles.push_back(article("s" + std::to_string(story) + "-" + std::to_string(copy), "Banjir", body, "Kabar Uji"));
    }
    Fixture f(articles);
    Searcher searcher(f.dir / "db", data());
    for (const std::size_t limit : {1, 10, 50}) {
        CAPTURE(limit);
        const auto results = search(searcher, "banjir", 0, limit);
        CHECK(results.estimated_total == 80);
        CHECK(results.total_is_exact);
    }
    SearchRequest all;
    all.query = "banjir";
    all.collapse = false;
    CHECK(searcher.search(all).estimated_total == 240);
    CHECK(searcher.search(all).total_is_exact);
}

TEST_CASE("Searcher says when a large match set's total is only an estimate") {
    // 400 articles say banjir, each its own story: a page of 10 is found long before the matcher
    // has seen them all, so the total is Xapian's estimate and says so; a count sees them all.
    std::vector<telusur::Article> articles;
    for (int story = 0; story < 400; ++story) {
        std::string body = "Banjir melanda daerah nomor" + std::to_string(story) + ".";
        for (int i = 0; i < story % 7 + 1; ++i) body += " Banjir lagi di kampung" + std::to_string(i) + ".";
        for (int i = 0; i < 30; ++i) body += " kata" + std::to_string(story) + "x" + std::to_string(i);  // no two alike
        articles.push_back(article("b" + std::to_string(story), "Kabar", body, "Kabar Uji"));
    }
    Fixture f(articles);
    Searcher searcher(f.dir / "db", data());
    const auto page = search(searcher, "banjir", 0, 10);
    CHECK(page.hits.size() == 10);
    CHECK_FALSE(page.total_is_exact);
    const auto counted = search(searcher, "banjir", 0, 0);
    CHECK(counted.estimated_total == 400);
    CHECK(counted.total_is_exact);
}

TEST_CASE("Searcher counts a filtered, collapsed match set exactly, none as none") {
    Fixture f;
    Searcher searcher(f.dir / "db", data());
    SearchRequest request;
    request.query = "tentara";
    request.filters = {"source:Warta Dunia"};  // tentara is only in Kabar Uji's articles
    for (const std::size_t limit : {0, 10}) {
        CAPTURE(limit);
        request.limit = limit;
        CHECK(searcher.search(request).estimated_total == 0);
        CHECK(searcher.search(request).total_is_exact);
    }
    request.query = "rudal OR drone OR cabai";
    request.filters = {"source:Kabar Uji"};
    for (const std::size_t limit : {0, 1, 10}) {
        CAPTURE(limit);
        request.limit = limit;
        CHECK(searcher.search(request).estimated_total == 2);  // all-three and unrelated
        CHECK(searcher.search(request).total_is_exact);
    }
}
