// Searcher's "did you mean": unknown words, and rare typos beside common words.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "telusur/search/searcher.h"

#include "searcher_fixture.h"

using telusur::Searcher;
using telusur::test::article;
using telusur::test::data;
using telusur::test::Fixture;
using telusur::test::ids;
using telusur::test::search;

TEST_CASE("Searcher suggests a spelling correction for an unknown word") {
    Fixture f;
    Searcher searcher(f.dir / "db", data());
    const auto results = search(searcher, "tentra");
    CHECK(results.hits.empty());
    CHECK(results.suggestion == "tentara");
    CHECK(search(searcher, "tentara").suggestion.empty());
}

TEST_CASE("Searcher suggests a common word for a rare typo that some article shares, written as typed") {
    std::vector<telusur::Article> articles;
    for (int i = 0; i < 60; ++i)
        articles.push_back(article("p" + std::to_string(i), "Kabar", "Kendaraan umum melintas di jalan nomor" + std::to_string(i) + ".", "Kabar Uji"));
    articles.push_back(article("typo", "Kabar", "Kenderaan umum melintas di taman.", "Kabar Uji"));
    for (int i = 0; i < 60; ++i)
        articles.push_back(article("b" + std::to_string(i), "Kabar", "Warga bertahan di belakang rumah.", "Kabar Uji"));
    articles.push_back(article("serangga", "Kabar", "Hama belalang menyerang sawah.", "Kabar Uji"));
    Fixture f(articles);
    Searcher searcher(f.dir / "db", data());
    const auto typo = search(searcher, "Kenderaan");
    CHECK(ids(typo) == std::vector<std::string>{"typo"});
    CHECK(typo.suggestion == "Kendaraan");
    CHECK(search(searcher, "KENDERAAN umum").suggestion == "KENDARAAN umum");
    CHECK(search(searcher, "belalang").suggestion.empty());  // a word the stemmer knows is no typo
    CHECK(search(searcher, "kendaraan").suggestion.empty());
}

TEST_CASE("Searcher suggests a stopword for a typo of one, rather than a farther word") {
    // "sampai" (a stopword, two letters swapped) and "sampit" (a town) are both one edit from
    // "sampia"; the more common wins, but the stopword was no candidate at all.
    std::vector<telusur::Article> articles;
    for (int i = 0; i < 30; ++i)
        articles.push_back(
            article("a" + std::to_string(i), "Banjir", "Air banjir naik sampai pinggang warga.", "Kabar Uji"));
    for (int i = 0; i < 20; ++i)
        articles.push_back(article("s" + std::to_string(i), "Sampit", "Kota Sampit diguyur hujan deras.", "Kabar Uji"));
    Fixture f(articles);
    Searcher searcher(f.dir / "db", data());
    CHECK(search(searcher, "banjir sampia pinggang").suggestion == "banjir sampai pinggang");
    CHECK(search(searcher, "banjir sampai pinggang").suggestion.empty());
}

TEST_CASE("Searcher completes a filter value that matches nothing from the values indexed") {
    std::vector<telusur::Article> articles;
    for (int i = 0; i < 3; ++i)
        articles.push_back(article("k" + std::to_string(i), "Banjir", "Banjir melanda kampung.", "kompas.com"));
    articles.push_back(article("t", "Banjir", "Banjir melanda kota.", "kompas.tv"));
    articles.push_back(article("w", "Banjir", "Banjir melanda desa.", "Warta Dunia"));
    Fixture f(articles);
    Searcher searcher(f.dir / "db", data());
    const auto outlet = search(searcher, "banjir source:kompas");
    CHECK(outlet.hits.empty());
    CHECK(outlet.suggestion == "banjir source:kompas.com");  // the extension in the most articles
    CHECK(search(searcher, "Source:Kompas").suggestion == "Source:Kompas.com");  // the part typed as typed
    CHECK(search(searcher, "source:warta").suggestion == "source:\"warta dunia\"");  // quoted, as it has a space
    CHECK(search(searcher, "banjir source:kompas.com").suggestion.empty());       // it matches
    CHECK(search(searcher, "banjir title:kompas").suggestion.empty());            // no filter
    CHECK(search(searcher, "source:antara").suggestion.empty());                  // nothing extends it
}

TEST_CASE("Searcher completes a --filter value that matches nothing, as it does one in the query") {
    std::vector<telusur::Article> articles;
    for (int i = 0; i < 3; ++i)
        articles.push_back(article("k" + std::to_string(i), "Banjir", "Banjir melanda kampung.", "kompas.com"));
    articles.push_back(article("w", "Banjir", "Banjir melanda desa.", "Warta Dunia"));
    Fixture f(articles);
    Searcher searcher(f.dir / "db", data());
    const auto with_filters = [&](std::vector<std::string> filters) {
        telusur::SearchRequest request;
        request.query = "banjir";
        request.filters = std::move(filters);
        return searcher.search(request);
    };
    const auto outlet = with_filters({"source:kompas"});
    CHECK(outlet.hits.empty());
    CHECK(outlet.filter_suggestions == std::vector<std::string>{"source:kompas.com"});
    CHECK(outlet.suggestion.empty());  // the query itself is right
    // One suggestion per filter that matches nothing; none for one that matches.
    CHECK(with_filters({"source:Warta", "source:kompas.com", "source:kompas"}).filter_suggestions ==
          std::vector<std::string>{"source:Warta dunia", "source:kompas.com"});
    CHECK(with_filters({"source:kompas.com"}).filter_suggestions.empty());
    CHECK(with_filters({"source:antara"}).filter_suggestions.empty());  // nothing extends it
    CHECK(search(searcher, "banjir").filter_suggestions.empty());
}
