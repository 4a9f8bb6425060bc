// QueryBuilder: the readings of a query, and its middle tier (every word but one).
#include <doctest/doctest.h>

#include <xapian.h>

#include "telusur/language_data.h"
#include "telusur/search/query_builder.h"

using telusur::QueryBuilder;

namespace {

const telusur::LanguageData& data() {
    static const auto d = telusur::LanguageData::load(TELUSUR_STEMMER_DATA_DIR);
    return d;
}

telusur::ParsedQuery build(const std::string& query) {
    const Xapian::Database empty;
    QueryBuilder builder(data(), data().make_stemmer(), empty);
    return builder.build(query);
}

}  // namespace

TEST_CASE("The middle tier leaves out one word group at a time") {
    const auto three = build("tentara rudal perbatasan");
    REQUIRE_FALSE(three.most_words.empty());
    CHECK(three.most_words.get_type() == Xapian::Query::OP_OR);
    CHECK(three.most_words.get_num_subqueries() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(three.most_words.get_subquery(i).get_num_subqueries() == 2);

    // The parser nests the AND of a name and the word after it; an alias group or a phrase is
    // one group: four groups here, so four ANDs of three.
    const auto names = build("tentara Korut Kursk rudal");
    REQUIRE(names.most_words.get_num_subqueries() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
        CAPTURE(i);
        CHECK(names.most_words.get_subquery(i).get_type() == Xapian::Query::OP_AND);
        CHECK(names.most_words.get_subquery(i).get_num_subqueries() == 3);
    }
}

TEST_CASE("No middle tier below three words or with operators") {
    CHECK(build("tentara rudal").most_words.empty());
    CHECK(build("Korut").most_words.empty());
    CHECK(build("tentara OR rudal OR perbatasan").most_words.empty());
    CHECK(build("tentara rudal -perbatasan").most_words.empty());
}
