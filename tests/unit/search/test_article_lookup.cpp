// find_article: one article of a database, whole, by its id.
#include <doctest/doctest.h>

#include "searcher_fixture.h"
#include "telusur/search/article_lookup.h"
#include "telusur/search/query_builder.h"

using telusur::find_article;
using telusur::test::article;
using telusur::test::Fixture;

TEST_CASE("find_article gives every stored field of the article and its whole body") {
    std::string body = "Banjir merendam ratusan rumah warga di Bekasi setelah hujan deras.";
    for (int i = 0; i < 40; ++i) body += " Warga membersihkan lumpur di rumah nomor " + std::to_string(i) + ".";
    auto flood = article("banjir-1", "Banjir merendam Bekasi", body, "Kabar Uji");
    flood.url = "https://kabar.example/banjir-1";
    Fixture f({flood, article("cabai", "Harga cabai turun", "Harga cabai di pasar turun tajam.", "Kabar Uji")});
    const Xapian::Database db((f.dir / "db").string());
    const auto view = find_article(db, "banjir-1");
    REQUIRE(view);
    CHECK(view->article.id == "banjir-1");
    CHECK(view->article.title == "Banjir merendam Bekasi");
    CHECK(view->article.date == "2024-11-04");
    CHECK(view->article.source == "Kabar Uji");
    CHECK(view->article.url == "https://kabar.example/banjir-1");
    CHECK(view->article.body == body);  // whole, not a snippet's worth
    CHECK(view->article.places == std::vector<std::string>{"Bekasi"});
    CHECK(view->copy_count == 0);
    CHECK(view->copies.empty());
}

TEST_CASE("find_article lists the article's near-duplicate copies, not itself") {
    std::string flood = "Banjir merendam ratusan rumah warga di Bekasi setelah hujan deras mengguyur semalaman. "
                        "Tanggul sungai jebol dan petugas mengevakuasi warga ke posko pengungsian.";
    for (int i = 0; i < 6; ++i) flood += " Warga Bekasi membersihkan lumpur sisa banjir nomor" + std::to_string(i) + ".";
    Fixture f({article("b-asli", "Banjir", flood, "Kabar Uji"), article("b-salinan-2", "Banjir", flood, "Warta Dunia"),
               article("b-salinan-1", "Banjir", flood, "Warta Kota"),
               article("cabai", "Harga cabai turun", "Harga cabai di pasar turun tajam.", "Kabar Uji")});
    const Xapian::Database db((f.dir / "db").string());
    const auto view = find_article(db, "b-asli");
    REQUIRE(view);
    CHECK(view->copy_count == 2);
    CHECK(view->copies == std::vector<std::string>{"b-salinan-1", "b-salinan-2"});
    const auto copy = find_article(db, "b-salinan-1");
    REQUIRE(copy);
    CHECK(copy->copies == std::vector<std::string>{"b-asli", "b-salinan-2"});
    CHECK(find_article(db, "cabai")->copies.empty());
}

TEST_CASE("find_article gives nothing for an id the database does not hold") {
    Fixture f;
    const Xapian::Database db((f.dir / "db").string());
    CHECK_FALSE(find_article(db, "no-such-id"));
    CHECK_FALSE(find_article(db, ""));
    CHECK_FALSE(find_article(db, std::string(5000, 'x')));  // longer than a term may be
    CHECK_FALSE(find_article(db, "all-thre"));               // a prefix of an id is not the id
    CHECK(find_article(db, "all-three"));
}

TEST_CASE("find_article refuses an id that is not UTF-8, as a search refuses such a --like id") {
    Fixture f;
    const Xapian::Database db((f.dir / "db").string());
    CHECK_THROWS_WITH_AS(find_article(db, "caf\xE9"), "the article id is not valid UTF-8 (byte 4 of 4)",
                         telusur::QueryError);
}
