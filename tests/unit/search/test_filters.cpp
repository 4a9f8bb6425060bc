// Filters, date ranges and facet counting.
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "telusur/language_data.h"
#include "telusur/schema.h"
#include "telusur/search/filters.h"
#include "telusur/search/query_builder.h"
#include "temp_dir.h"

using namespace telusur;

namespace {

const LanguageData& data() {
    static const auto d = LanguageData::load(TELUSUR_STEMMER_DATA_DIR);
    return d;
}

}  // namespace

TEST_CASE("Filter::parse takes KIND:VALUE, strips quotes, rejects the rest") {
    const auto f = Filter::parse("person:\"Vladimir Putin\"");
    CHECK(f.kind == "person");
    CHECK(f.value == "Vladimir Putin");
    CHECK_THROWS_AS(Filter::parse("Kursk"), QueryError);
    CHECK_THROWS_AS(Filter::parse("planet:Mars"), QueryError);
    CHECK_THROWS_AS(Filter::parse("place:"), QueryError);
    CHECK_THROWS_WITH_AS(Filter::parse("person:Prab*"), doctest::Contains("matches a whole value"), QueryError);
}

TEST_CASE("filter terms resolve aliases and the gazetteer to the indexed canonical name") {
    CHECK(filter_term(Filter{"place", "Korut"}, data()) == std::string(schema::kPlacePrefix) + "korea utara");
    CHECK(filter_term(Filter{"place", "korea utara"}, data()) == std::string(schema::kPlacePrefix) + "korea utara");
    CHECK(filter_term(Filter{"org", "PBB"}, data()) == filter_term(Filter{"org", "Perserikatan Bangsa-Bangsa"}, data()));
    CHECK(filter_term(Filter{"source", "Warta Dunia"}, data()) == std::string(schema::kSourcePrefix) + "warta dunia");
}

TEST_CASE("filters OR within a kind and AND across kinds") {
    const auto q = filters_query({Filter{"place", "Rusia"}, Filter{"place", "Jepang"}, Filter{"person", "Putin"}}, data());
    const auto d = q.get_description();
    CHECK(d.find("OR") != std::string::npos);
    CHECK(d.find("AND") != std::string::npos);
    CHECK(filters_query({}, data()).empty());
}

TEST_CASE("date ranges accept YYYY, YYYY-MM and YYYY-MM-DD and reject bad or empty ranges") {
    CHECK(date_range_query("2024", "").get_description().find("20240101") != std::string::npos);
    CHECK(date_range_query("", "2024-11").get_description().find("20241131") != std::string::npos);
    CHECK(date_range_query("2024-11-04", "2024-11-04").get_description().find("20241104") != std::string::npos);
    for (const char* bad : {"2024-13", "24-11", "2024/11/04", "2024-11-32", "abcd"})
        CHECK_THROWS_AS(date_range_query(bad, ""), QueryError);
    CHECK_THROWS_AS(date_range_query("2024-12", "2024-01"), QueryError);
    // Days a month does not have: refused, not read as the day after its last.
    for (const char* no_day : {"2024-11-31", "2023-02-29", "2024-02-30", "2024-04-31"})
        CHECK_THROWS_WITH_AS(date_range_query("", no_day), (std::string("bad date '") + no_day + "': no such day").c_str(),
                             QueryError);
    CHECK(date_range_query("2024-02-29", "").get_description().find("20240229") != std::string::npos);  // a leap year
}

namespace {

/// A database of one document per entry of `values` (slot → stored value), ids 1, 2, …
Xapian::WritableDatabase database_of(const test::TempDir& dir,
                                     const std::vector<std::map<Xapian::valueno, std::string>>& values) {
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    for (const auto& slots : values) {
        Xapian::Document doc;
        for (const auto& [slot, value] : slots) doc.add_value(slot, value);
        db.add_document(doc);
    }
    db.commit();
    return db;
}

/// Feeds every document of `db` to `spy`, as a search matching them all does.
void spy_on_all(const Xapian::Database& db, FacetCounter& spy) {
    for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) spy(db.get_document(id), 1.0);
}

}  // namespace

TEST_CASE("FacetCounter breaks ties between equal counts alphabetically, so pages are stable") {
    const test::TempDir dir;
    std::vector<std::map<Xapian::valueno, std::string>> docs;
    for (const char* value : {"Surabaya\nBandung", "Medan\nAceh\nBandung", "Medan", "Zamboanga"})
        docs.push_back({{schema::kPlacesSlot, value}});
    const auto db = database_of(dir, docs);
    FacetCounter places("place", db);
    spy_on_all(db, places);
    const auto top = places.result(4);
    const std::vector<std::pair<std::string, Xapian::doccount>> expected{
        {"Bandung", 2}, {"Medan", 2}, {"Aceh", 1}, {"Surabaya", 1}};
    CHECK(top.values == expected);
    CHECK(top.distinct == 5);
    CHECK(places.result(0).values.size() == 5);
}

TEST_CASE("FacetCounter counts each value once per document and sorts by count") {
    const test::TempDir dir;
    const auto db = database_of(dir, {{{schema::kPeopleSlot, "Vladimir Putin\nChoe Son Hui"},
                                       {schema::kPlacesSlot, "Rusia"},
                                       {schema::kOrgsSlot, "Rusia\nPBB"},
                                       {schema::kDateSlot, "20241104"}},
                                      {{schema::kPeopleSlot, "Vladimir Putin\nVladimir Putin"},
                                       {schema::kDateSlot, "20241201"}}});
    FacetCounter people("person", db);
    FacetCounter dates("date", db);
    FacetCounter entities("entity", db);
    for (auto* spy : {&people, &dates, &entities}) spy_on_all(db, *spy);
    const auto p = people.result(0);
    REQUIRE(p.values.size() == 2);
    CHECK(p.values[0] == std::pair<std::string, Xapian::doccount>{"Vladimir Putin", 2});
    CHECK(p.values[1].second == 1);
    CHECK(people.result(1).values.size() == 1);
    CHECK(people.result(1).distinct == 2);
    const auto d = dates.result(0);
    REQUIRE(d.values.size() == 2);
    CHECK(d.values[0].first == "2024-12");  // newest month first
    CHECK(d.values[1].first == "2024-11");
    // "entity" adds up a name across its slots: Rusia is a place and an organisation here.
    const auto e = entities.result(0);
    REQUIRE(e.values.size() == 4);
    CHECK(e.values[0] == std::pair<std::string, Xapian::doccount>{"Rusia", 2});
    CHECK(e.values[1] == std::pair<std::string, Xapian::doccount>{"Vladimir Putin", 2});
    CHECK(is_facet_kind("entity"));
    CHECK_FALSE(is_facet_kind("planet"));
}

TEST_CASE("FacetCounter counts only the documents it is shown") {
    const test::TempDir dir;
    const auto db = database_of(dir, {{{schema::kSourceSlot, "antara"}},
                                      {{schema::kSourceSlot, "kompas"}},
                                      {{schema::kSourceSlot, "antara"}}});
    FacetCounter sources("source", db);
    sources(db.get_document(3), 1.0);
    sources(db.get_document(2), 1.0);
    const auto s = sources.result(0);
    const std::vector<std::pair<std::string, Xapian::doccount>> expected{{"antara", 1}, {"kompas", 1}};
    CHECK(s.values == expected);
}
