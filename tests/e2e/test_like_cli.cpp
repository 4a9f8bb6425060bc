// End-to-end tests of "more like this": `telusur-query --like ID` and GET /search?like=ID.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "http_fixture.h"

namespace telusur::e2e {

using nlohmann::json;

namespace {

// The seed on Putin meeting North Korea's foreign minister; the other seed tells the same meeting
// in other words (no near-duplicate), and the Kursk article shares its war and its places.
const std::string kSeed = "seeds/001_c8ce01ff440e4416.txt";
const std::string kOtherSeed = "seeds/000_466d7a267a480ec9.txt";

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("--like lists the articles on the same story first, without the article itself") {
    const auto run = query(corpus_db(), {"--ids", "--limit", "5", "--like", kSeed});
    REQUIRE(run.exit_code == 0);
    const auto ids = split_lines(run.out);
    REQUIRE(ids.size() == 5);
    CHECK(ids[0] == kOtherSeed);
    CHECK(std::find(ids.begin(), ids.end(), "berita/2024-11-kursk-serangan-balik.txt") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), kSeed) == ids.end());
    // Unrelated news stays out of the top: the seed is not about prices or floods.
    CHECK(std::find(ids.begin(), ids.end(), "berita/2024-11-bi-suku-bunga.txt") == ids.end());

    const auto explained = query(corpus_db(), {"--explain", "--limit", "1", "--color", "never", "--like", kSeed});
    REQUIRE(explained.exit_code == 0);
    CHECK(explained.out.find("like:     " + kSeed) != std::string::npos);
    CHECK(explained.out.find("Zkorut") != std::string::npos);  // a stem the seed is about
}

TEST_CASE("--like takes filters, --count and JSON, which names the article") {
    const auto all = query(corpus_db(), {"--count", "--like", kSeed});
    const auto filtered = query(corpus_db(), {"--count", "--like", kSeed, "--filter", "place:Kursk"});
    REQUIRE(all.exit_code == 0);
    REQUIRE(filtered.exit_code == 0);
    CHECK(std::stoi(filtered.out) > 0);
    CHECK(std::stoi(filtered.out) < std::stoi(all.out));
    const auto doc = json::parse(query(corpus_db(), {"--format", "json", "--limit", "2", "--like", kSeed}).out);
    CHECK(doc.at("like") == kSeed);
    CHECK(doc.at("query") == "");
    CHECK(doc.at("hits").size() == 2);
    CHECK(json::parse(query(corpus_db(), {"--format", "json", "kursk"}).out).at("like").is_null());
}

TEST_CASE("--like with an unknown id, an empty one, a query too or another mode exits 2 saying why") {
    const auto unknown = query(corpus_db(), {"--like", "berita/tidak-ada.txt"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("no article with id 'berita/tidak-ada.txt'") != std::string::npos);
    const auto both = query(corpus_db(), {"--like", kSeed, "kursk"});
    CHECK(both.exit_code == 2);
    CHECK(both.err.find("give one or the other") != std::string::npos);
    const auto empty = query(corpus_db(), {"--like", ""});
    CHECK(empty.exit_code == 2);
    CHECK(empty.err.find("--like needs an article id") != std::string::npos);
    const auto serve = query(corpus_db(), {"--like", kSeed, "--serve", "0"});
    CHECK(serve.exit_code == 2);
    CHECK(serve.err.find("--like only applies to a search") != std::string::npos);
}

TEST_CASE("GET /search?like= answers the --like JSON document, each article its own, also from the cache") {
    const auto& db = corpus_db();
    Server server(db);  // the cache is on by default
    auto client = server.client();
    const auto kursk = std::string("berita/2024-11-kursk-serangan-balik.txt");
    for (const auto& id : {kSeed, kursk, kSeed}) {
        CAPTURE(id);
        const auto res = client.Get(("/search?limit=3&like=" + httplib::detail::encode_query_param(id)).c_str());
        REQUIRE(res);
        REQUIRE(res->status == 200);
        auto served = json::parse(res->body);
        auto printed = json::parse(query(db, {"--format", "json", "--limit", "3", "--like", id}).out);
        served.erase("elapsed_ms");
        printed.erase("elapsed_ms");
        CHECK(served == printed);
        CHECK(served.at("like") == id);
    }
    for (const char* bad : {"/search?like=", "/search?like=tidak-ada", "/search?q=kursk&like=dun-001",
                            "/search?like=dun-001&like=dun-002"}) {
        const auto res = client.Get(bad);
        REQUIRE(res);
        CHECK_MESSAGE(res->status == 400, bad);
        CHECK_MESSAGE(json::parse(res->body).contains("error"), bad);
    }
}

}  // namespace telusur::e2e
