// End-to-end tests of entities, dates, facets and filters through the real binaries.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "cli_fixture.h"

namespace telusur::e2e {

namespace {

using nlohmann::json;


json search(std::vector<std::string> args) {
    args.insert(args.begin(), {"--format", "json"});
    const auto run = query(corpus_db(), args);
    INFO(run.err);
    REQUIRE(run.exit_code <= 1);
    return json::parse(run.out);
}

/// Every matching document (no paging, no collapse), with its entities and dates.
json all_hits(const std::string& q, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"--limit", "1000", "--no-collapse", "--fields", "id,date,entities"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(q);
    return search(args).at("hits");
}

std::set<std::string> id_set(const json& hits) {
    std::set<std::string> ids;
    for (const auto& h : hits) ids.insert(h.at("id").get<std::string>());
    return ids;
}

}  // namespace

TEST_CASE("--facet person lists Vladimir Putin with the number of matching articles naming him") {
    const auto result = search({"--facet", "person", "tentara Korut Kursk"});
    const auto people = result.at("facets").at("person");
    int putin = -1;
    for (const auto& v : people)
        if (v.at("value") == "Vladimir Putin") putin = v.at("count").get<int>();
    int brute = 0;
    for (const auto& hit : all_hits("tentara Korut Kursk")) {
        const auto& names = hit.at("entities").at("person");
        brute += std::count(names.begin(), names.end(), "Vladimir Putin") > 0 ? 1 : 0;
    }
    CHECK(putin == brute);
    CHECK(putin >= 2);
    const auto text = query(corpus_db(), {"--facet", "person", "tentara Korut Kursk"});
    CHECK(text.out.find("person: ") != std::string::npos);
    CHECK(text.out.find("Vladimir Putin (" + std::to_string(putin) + ")") != std::string::npos);
}

TEST_CASE("JSON tells how many distinct values a facet has beyond --facet-limit") {
    const auto all = search({"--facet", "place", "--facet-limit", "0", "Korea"});
    const auto two = search({"--facet", "place", "--facet-limit", "2", "Korea"});
    const auto distinct = all.at("facets").at("place").size();
    REQUIRE(distinct > 2);
    CHECK(two.at("facets").at("place").size() == 2);
    CHECK(two.at("facet_distinct").at("place") == distinct);
    CHECK(all.at("facet_distinct").at("place") == distinct);
    CHECK(search({"Korea"}).at("facet_distinct").empty());
}

TEST_CASE("facet counts equal a brute-force count over the matching documents") {
    for (const std::string q : {"Korea", "banjir OR rudal OR Ukraina", "pemerintah"}) {
        const auto result = search({"--facet", "person", "--facet", "place", "--facet", "org", "--facet-limit", "0", q});
        std::map<std::string, std::map<std::string, int>> brute;
        for (const auto& hit : all_hits(q))
            for (const char* kind : {"person", "place", "org"})
                for (const auto& name : hit.at("entities").at(kind)) ++brute[kind][name.get<std::string>()];
        for (const char* kind : {"person", "place", "org"}) {
            std::map<std::string, int> counted;
            for (const auto& v : result.at("facets").at(kind)) counted[v.at("value")] = v.at("count");
            CHECK_MESSAGE(counted == brute[kind], q << " " << kind);
        }
    }
}

TEST_CASE("--filter place:Korut and place:\"Korea Utara\" return the same set, in the query string too") {
    const auto a = id_set(all_hits("tentara", {"--filter", "place:Korut"}));
    const auto b = id_set(all_hits("tentara", {"--filter", "place:Korea Utara"}));
    const auto c = id_set(all_hits("tentara place:Korut"));
    CHECK_FALSE(a.empty());
    CHECK(a == b);
    CHECK(a == c);
    for (const auto& hit : all_hits("tentara", {"--filter", "place:Korut"})) {
        const auto& places = hit.at("entities").at("place");
        CHECK(std::count(places.begin(), places.end(), "Korea Utara") == 1);
    }
}

TEST_CASE("filters AND across kinds and OR within a kind") {
    const auto rusia = id_set(all_hits("Korea", {"--filter", "place:Rusia"}));
    const auto jepang = id_set(all_hits("Korea", {"--filter", "place:Jepang"}));
    const auto either = id_set(all_hits("Korea", {"--filter", "place:Rusia", "--filter", "place:Jepang"}));
    std::set<std::string> uni(rusia);
    uni.insert(jepang.begin(), jepang.end());
    CHECK(either == uni);
    const auto both = id_set(all_hits("Korea", {"--filter", "place:Rusia", "--filter", "person:Vladimir Putin"}));
    for (const auto& id : both) CHECK(rusia.count(id) == 1);
    CHECK(query(corpus_db(), {"--filter", "planet:Mars", "Korea"}).exit_code == 2);
}

TEST_CASE("a date range excludes what it should") {
    const auto all = all_hits("pemerintah OR warga OR Korea");
    const auto december = all_hits("pemerintah OR warga OR Korea", {"--since", "2024-12"});
    const auto until_2023 = all_hits("pemerintah OR warga OR Korea", {"--until", "2023"});
    const auto in_query = all_hits("(pemerintah OR warga OR Korea) date:2024-12-01..2024-12-31");
    CHECK_FALSE(december.empty());
    CHECK(december.size() < all.size());
    for (const auto& hit : december) CHECK(hit.at("date").get<std::string>().substr(0, 7) >= "2024-12");
    for (const auto& hit : until_2023) CHECK(hit.at("date").get<std::string>().substr(0, 4) <= "2023");
    CHECK(id_set(in_query) == id_set(december));
    CHECK(query(corpus_db(), {"--since", "2024-13", "Korea"}).exit_code == 2);
    // An empty bound (a script's unset variable) is refused, not read as no bound.
    for (const char* option : {"--since", "--until"}) {
        const auto empty = query(corpus_db(), {option, "", "Korea"});
        CHECK(empty.exit_code == 2);
        CHECK(empty.err.find(std::string(option) + " needs a date") != std::string::npos);
    }
    CHECK(query(corpus_db(), {"--since", "2024-12", "--until", "2024-01", "Korea"}).exit_code == 2);
}

TEST_CASE("--sort -date orders newest first, date oldest first: undated articles last either way") {
    const auto dates = [](const json& hits) {
        std::vector<std::string> out;
        for (const auto& h : hits)
            if (h.at("date").is_string()) out.push_back(h.at("date").get<std::string>().substr(0, 10));
        return out;
    };
    const auto undated_last = [](const json& hits) {
        bool undated_seen = false;
        for (const auto& h : hits) {
            if (h.at("date").is_null()) undated_seen = true;
            else if (undated_seen) return false;
        }
        return true;
    };
    const auto newest_hits = search({"--sort", "-date", "--limit", "50", "--no-collapse", "Korea"}).at("hits");
    const auto oldest_hits = search({"--sort", "date", "--limit", "50", "--no-collapse", "Korea"}).at("hits");
    CHECK(undated_last(newest_hits));
    CHECK(undated_last(oldest_hits));
    const auto newest = dates(newest_hits);
    const auto oldest = dates(oldest_hits);
    REQUIRE(newest.size() >= 3);
    CHECK(std::is_sorted(newest.rbegin(), newest.rend()));
    CHECK(std::is_sorted(oldest.begin(), oldest.end()));
    CHECK(oldest.front() == newest.back());
    CHECK(oldest.back() == newest.front());
}

TEST_CASE("the IDN seed is dated 2024-11-04 from its dateline, and JSON metadata dates win") {
    const auto hits = all_hits("Putin Choe");
    bool seen = false;
    for (const auto& hit : hits) {
        if (hit.at("id") != "seeds/001_c8ce01ff440e4416.txt") continue;
        seen = true;
        CHECK(hit.at("date") == "2024-11-04");
        CHECK(hit.at("date_origin") == "text");
    }
    CHECK(seen);
    for (const auto& hit : all_hits("Korea", {"--filter", "source:Warta Dunia"})) CHECK(hit.at("date_origin") == "metadata");
}

TEST_CASE("the seeds carry their people and places") {
    for (const auto& hit : all_hits("Putin Choe Kursk")) {
        if (!hit.at("id").get<std::string>().starts_with("seeds/")) continue;
        const auto& people = hit.at("entities").at("person");
        const auto& places = hit.at("entities").at("place");
        for (const char* name : {"Vladimir Putin", "Choe Son Hui", "Kim Jong Un", "Matthew Miller"})
            CHECK_MESSAGE(std::count(people.begin(), people.end(), name) == 1, name);
        for (const char* name : {"Korea Utara", "Rusia", "Ukraina", "Kursk"})
            CHECK_MESSAGE(std::count(places.begin(), places.end(), name) == 1, name);
    }
}

}  // namespace telusur::e2e
