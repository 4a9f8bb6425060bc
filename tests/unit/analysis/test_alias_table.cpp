// AliasTable: groups of names for one thing, matched case-insensitively except capital aliases.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "telusur/analysis/alias_table.h"
#include "telusur/error.h"

using telusur::AliasTable;
using Words = std::vector<std::string>;

namespace {

const AliasTable& table() {
    static const auto t = AliasTable::from_text(
        "# ALIAS<TAB>CANONICAL\n"
        "Korut\tKorea Utara\n"
        "AS\tAmerika Serikat\n"
        "Kiev\tKyiv   # ejaan lama\n"
        "\n"
        "Zelensky\tZelenskyy\n"
        "Zelenskiy\tZelenskyy\n"
        "Korea\tSemenanjung Korea\n");
    return t;
}

std::string data_error(const std::string& text) {
    try {
        AliasTable::from_text(text, "aliases.tsv");
    } catch (const telusur::DataError& e) {
        return e.what();
    }
    FAIL("no DataError for: " << text);
    return {};
}

}  // namespace

TEST_CASE("AliasTable groups an alias with its canonical name, canonical first") {
    const auto* group = table().find("Korut");
    REQUIRE(group != nullptr);
    CHECK(*group == Words{"Korea Utara", "Korut"});
    CHECK(table().find("Korea Utara") == group);
    CHECK(table().group_count() == 5);
}

TEST_CASE("AliasTable puts every alias of one canonical name in one group") {
    const auto* group = table().find("Zelensky");
    REQUIRE(group != nullptr);
    CHECK(*group == Words{"Zelenskyy", "Zelensky", "Zelenskiy"});
    CHECK(table().find("Zelenskiy") == group);
    CHECK(table().find("Zelenskyy") == group);
}

TEST_CASE("AliasTable matches names case-insensitively") {
    const auto* group = table().find("Korut");
    CHECK(table().find("korut") == group);
    CHECK(table().find("KORUT") == group);
    CHECK(table().find("korea utara") == group);
    CHECK(table().find("KIEV") == table().find("Kyiv"));
    CHECK(table().find("Kyiv # ejaan lama") == nullptr);  // the comment is not part of the name
}

TEST_CASE("AliasTable matches an alias written in capitals only in capitals") {
    const auto* group = table().find("AS");
    REQUIRE(group != nullptr);
    CHECK(*group == Words{"Amerika Serikat", "AS"});
    CHECK(table().find("as") == nullptr);
    CHECK(table().find("As") == nullptr);
    CHECK(table().find("amerika serikat") == group);  // the canonical name is not capitals-only
}

TEST_CASE("AliasTable::match finds a multi-word name in a word list") {
    const Words words{"tentara", "Korea", "Utara", "di", "Kursk"};
    CHECK_FALSE(table().match(words, 0));
    const auto match = table().match(words, 1);
    REQUIRE(match);
    CHECK(match->word_count == 2);
    CHECK(match->group == table().find("Korut"));
    CHECK_FALSE(table().match(words, 2));  // "Utara" alone is no name
}

TEST_CASE("AliasTable::match prefers the longest name") {
    const auto longest = table().match({"Korea", "Utara"}, 0);
    REQUIRE(longest);
    CHECK(longest->word_count == 2);
    CHECK(longest->group->front() == "Korea Utara");

    const auto shorter = table().match({"Korea", "Selatan"}, 0);
    REQUIRE(shorter);
    CHECK(shorter->word_count == 1);
    CHECK(shorter->group->front() == "Semenanjung Korea");
}

TEST_CASE("AliasTable::match applies the capitals rule to typed words") {
    CHECK(table().match({"AS"}, 0));
    CHECK_FALSE(table().match({"as"}, 0));
    CHECK(table().match({"amerika", "SERIKAT"}, 0));
}

TEST_CASE("AliasTable::match at or past the end finds nothing") {
    const Words words{"Korut"};
    CHECK_FALSE(table().match(words, 1));
    CHECK_FALSE(table().match(words, 5));
    CHECK_FALSE(table().match({}, 0));
}

TEST_CASE("AliasTable rejects a malformed line with DataError naming file and line") {
    CHECK(data_error("Korut\tKorea Utara\nKorsel Korea Selatan\n") == "aliases.tsv:2: expected ALIAS<TAB>CANONICAL");
    CHECK(data_error("# x\n\tKorea Utara\n") == "aliases.tsv:2: expected ALIAS<TAB>CANONICAL");
    CHECK(data_error("Korut\t\n") == "aliases.tsv:1: expected ALIAS<TAB>CANONICAL");
    CHECK(data_error("a\tb\tc\n") == "aliases.tsv:1: expected ALIAS<TAB>CANONICAL");
}

TEST_CASE("AliasTable loads stemmer-data/aliases.tsv") {
    const auto real = AliasTable::load(std::filesystem::path(TELUSUR_STEMMER_DATA_DIR) / "aliases.tsv");
    CHECK(real.group_count() > 0);
    const auto* korut = real.find("Korut");
    REQUIRE(korut != nullptr);
    CHECK(*korut == Words{"Korea Utara", "Korut"});
    CHECK(real.find("Kiev") == real.find("Kyiv"));
    CHECK(real.find("as") == nullptr);
    REQUIRE(real.find("UU") != nullptr);
    CHECK(*real.find("UU") == Words{"Undang-Undang", "UU"});
    CHECK_THROWS_AS(AliasTable::load("/nonexistent/aliases.tsv"), telusur::DataError);
}
