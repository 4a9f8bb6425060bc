// RootDictionary: root word lists, with productivity counts and curated removals.
#include <doctest/doctest.h>

#include <filesystem>

#include "telusur/analysis/stemmer/root_dictionary.h"
#include "telusur/error.h"

using telusur::RootDictionary;

TEST_CASE("RootDictionary reads one word per line, with comments, blanks and productivity counts") {
    const auto roots = RootDictionary::from_text({"# akar\n\nkurang\t10\nurang\n  ambil 4 \nkata # comment\n"});
    CHECK(roots.size() == 4);
    CHECK(roots.contains("kurang"));
    CHECK(roots.contains("urang"));
    CHECK(roots.contains("ambil"));
    CHECK(roots.contains("kata"));
    CHECK_FALSE(roots.contains("akar"));
    CHECK_FALSE(roots.contains(""));
    CHECK(roots.productivity("kurang") == 10);
    CHECK(roots.productivity("ambil") == 4);
    CHECK(roots.productivity("urang") == 0);
    CHECK(roots.productivity("tidakada") == 0);
}

TEST_CASE("RootDictionary merges several lists and applies removals last") {
    const auto roots = RootDictionary::from_text({"kan\nbeli\t3\n", "internet\nbeli\t9\n"}, {"kan\n"});
    CHECK(roots.contains("internet"));
    CHECK(roots.contains("beli"));
    CHECK(roots.productivity("beli") == 9);  // the larger count wins
    CHECK_FALSE(roots.contains("kan"));
}

TEST_CASE("RootDictionary rejects a malformed count and a missing file, naming list and line") {
    CHECK_THROWS_WITH_AS(RootDictionary::from_text({"kata\n", "beli\n\nkata\tbanyak\n"}),
                         "<roots 2>:3: expected `word` or `word<TAB>number`, found 'kata\tbanyak'", telusur::DataError);
    CHECK_THROWS_WITH_AS(RootDictionary::from_text({"kata\n"}, {"dua kata\n"}),
                         "<removals 1>:1: expected one word, found 'dua kata'", telusur::DataError);
    CHECK_THROWS_AS(RootDictionary::load({"/nonexistent/roots.txt"}), telusur::DataError);
}

TEST_CASE("RootDictionary normalises its words as tokens are normalised") {
    const auto roots = RootDictionary::from_text({"Jakarta\nＫＡＴＡ\t3\n"}, {"JAKARTA\n"});
    CHECK(roots.contains("kata"));
    CHECK(roots.productivity("kata") == 3);
    CHECK_FALSE(roots.contains("jakarta"));  // removed, whatever its case
    CHECK(roots.size() == 1);
}

TEST_CASE("RootDictionary loads the shipped lists: hunspell roots + added − removed") {
    const std::filesystem::path dir = TELUSUR_STEMMER_DATA_DIR;
    const auto roots = RootDictionary::load({dir / "roots-hunspell-id.txt", dir / "roots-added.txt"},
                                            {dir / "roots-removed.txt"});
    CHECK(roots.size() > 25000);
    CHECK(roots.contains("kata"));
    CHECK(roots.contains("adalah"));      // added
    CHECK_FALSE(roots.contains("biarkan"));  // removed: a derived -kan form
    CHECK(roots.productivity("kurang") > roots.productivity("urang"));
}
