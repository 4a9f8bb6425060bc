// Searcher sorted by date: either way, undated articles last, a day's articles by their time,
// and the tiers kept.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "telusur/search/searcher.h"

#include "searcher_fixture.h"

using telusur::SearchRequest;
using telusur::Searcher;
using telusur::test::article;
using telusur::test::data;
using telusur::test::Fixture;
using telusur::test::ids;

namespace {

/// The ids of `query`'s hits in date order (`sort`), from `offset`.
std::vector<std::string> ids_by_date(Searcher& searcher, const std::string& query, SearchRequest::Sort sort,
                                     std::size_t offset = 0) {
    SearchRequest request;
    request.query = query;
    request.sort = sort;
    request.offset = offset;
    return ids(searcher.search(request));
}

constexpr auto kOldestFirst = SearchRequest::Sort::DateAscending;
constexpr auto kNewestFirst = SearchRequest::Sort::DateDescending;

}  // namespace

TEST_CASE("Searcher sorts by date either way with undated articles last") {
    auto undated = article("undated", "Banjir tanpa tanggal", "Banjir merendam desa.", "Kabar Uji");
    undated.date.clear();
    auto older = article("older", "Banjir lama", "Banjir merendam kota.", "Kabar Uji");
    older.date = "2020-01-15";
    Fixture f({undated, older, article("newer", "Banjir baru", "Banjir merendam pasar.", "Kabar Uji")});
    Searcher searcher(f.dir / "db", data());
    CHECK(ids_by_date(searcher, "banjir", kOldestFirst) == std::vector<std::string>{"older", "newer", "undated"});
    CHECK(ids_by_date(searcher, "banjir", kNewestFirst) == std::vector<std::string>{"newer", "older", "undated"});
}

TEST_CASE("Searcher sorts the articles of one day by the time their date field gives") {
    // Relevance would put "morning" first (banjir in its title and twice in its body).
    auto morning = article("morning", "Banjir pagi", "Banjir banjir merendam kota pagi ini.", "Kabar Uji");
    morning.date = "2024-11-04T07:15:00+07:00";
    auto evening = article("evening", "Kabar malam", "Banjir merendam pasar.", "Kabar Uji");
    evening.date = "20241104T2130+0700";
    auto noon = article("noon", "Kabar siang", "Air banjir merendam jalan raya di tengah kota.", "Kabar Uji");
    noon.date = "2024-11-04 12:00";
    auto day_only = article("day-only", "Kabar hari itu", "Banjir merendam sekolah di kota itu.", "Kabar Uji");
    day_only.date = "2024-11-04";
    auto next_day = article("next-day", "Kabar besok", "Banjir surut di desa.", "Kabar Uji");
    next_day.date = "2024-11-05T01:00:00+07:00";
    Fixture f({morning, evening, noon, day_only, next_day});
    Searcher searcher(f.dir / "db", data());
    CHECK(ids_by_date(searcher, "banjir", kNewestFirst) ==
          std::vector<std::string>{"next-day", "evening", "noon", "morning", "day-only"});
    CHECK(ids_by_date(searcher, "banjir", kOldestFirst) ==
          std::vector<std::string>{"day-only", "morning", "noon", "evening", "next-day"});
}

TEST_CASE("Searcher sorted by date lists the articles with every word first, each tier by date") {
    auto older = article("every-word", "Banjir Bekasi", "Banjir merendam Bekasi lagi.", "Kabar Uji");
    older.date = "2024-01-10";
    auto newer = article("one-word", "Banjir kota", "Banjir merendam kota tua.", "Kabar Uji");
    newer.date = "2024-12-20";
    auto newest = article("other-word", "Pasar Bekasi", "Harga di pasar Bekasi naik.", "Kabar Uji");
    newest.date = "2025-02-01";
    Fixture f({older, newer, newest});
    Searcher searcher(f.dir / "db", data());
    const std::string query = "banjir Bekasi";
    CHECK(ids_by_date(searcher, query, kNewestFirst) == std::vector<std::string>{"every-word", "other-word", "one-word"});
    CHECK(ids_by_date(searcher, query, kOldestFirst) == std::vector<std::string>{"every-word", "one-word", "other-word"});
    // Paging crosses the tiers as it does by relevance.
    CHECK(ids_by_date(searcher, query, kOldestFirst, 1) == std::vector<std::string>{"one-word", "other-word"});
}
