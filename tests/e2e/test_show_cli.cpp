// End-to-end tests of reading one article whole: `telusur-query --show ID` and GET /article?id=ID.
#include <doctest/doctest.h>

#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "http_fixture.h"

namespace telusur::e2e {

using nlohmann::json;

namespace {

const std::string kSeed = "seeds/001_c8ce01ff440e4416.txt";

/// A story syndicated word for word by two outlets, and one of its own, indexed into `tmp`/db.
std::string syndicated_db(const TempDir& tmp) {
    std::string body = "Banjir merendam ratusan rumah warga di Bekasi setelah hujan deras mengguyur semalaman.";
    for (int i = 0; i < 8; ++i)
        body += " Warga Bekasi membersihkan lumpur sisa banjir di gang nomor " + std::to_string(i) + ".";
    const std::string lines =
        R"({"id": "asli", "title": "Banjir merendam Bekasi", "source": "Kabar Uji", )"
        R"("url": "https://kabar.example/asli", "date": "2024-11-04", "body": ")" + body + "\"}\n" +
        R"({"id": "salinan", "title": "Banjir merendam Bekasi", "source": "Warta Kota", "body": ")" + body + "\"}\n" +
        R"({"id": "cabai", "title": "Harga cabai turun", "body": "Harga cabai di pasar tradisional turun tajam."})" "\n";
    REQUIRE(index_into(tmp / "db", {"-"}, lines).exit_code == 0);
    return tmp / "db";
}

}  // namespace

TEST_CASE("--show prints the article whole: title, date, source, id, url, entities, copies and body") {
    TempDir tmp;
    const auto db = syndicated_db(tmp);
    const auto shown = query(db, {"--show", "asli", "--color", "never"});
    REQUIRE(shown.exit_code == 0);
    CHECK(shown.out.starts_with("Banjir merendam Bekasi\n2024-11-04 · Kabar Uji · asli · https://kabar.example/asli\n"));
    CHECK(shown.out.find("\nplace: Bekasi\n") != std::string::npos);
    CHECK(shown.out.find("\n+1 similar: salinan\n") != std::string::npos);
    // The body comes last and whole, past any snippet's length.
    CHECK(shown.out.find("\n\nBanjir merendam ratusan rumah") != std::string::npos);
    CHECK(shown.out.ends_with("gang nomor 7.\n"));
    CHECK(shown.out.size() > 500);

    const auto doc = json::parse(query(db, {"--show", "asli", "--format", "json"}).out);
    CHECK(doc.at("schema_version") == 1);
    CHECK(doc.at("id") == "asli");
    CHECK(doc.at("source") == "Kabar Uji");
    CHECK(doc.at("similar_count") == 1);
    CHECK(doc.at("similar_ids") == json::array({"salinan"}));
    CHECK(doc.at("entities").at("place") == json::array({"Bekasi"}));
    CHECK(doc.at("body").get<std::string>().ends_with("gang nomor 7."));
    // jsonl: the same document on one line.
    const auto line = query(db, {"--show", "asli", "--format", "jsonl"}).out;
    CHECK(line.find('\n') == line.size() - 1);
    CHECK(json::parse(line) == doc);

    const auto own = json::parse(query(db, {"--show", "cabai", "--format", "json"}).out);
    CHECK(own.at("similar_count") == 0);
    CHECK(own.at("url").is_null());
    CHECK(own.at("date").is_null());
}

TEST_CASE("--show of an id the database does not hold exits 1, with a query or search options 2") {
    const auto missing = query(corpus_db(), {"--show", "berita/tidak-ada.txt"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.out.empty());
    CHECK(missing.err.find("no article with id 'berita/tidak-ada.txt'") != std::string::npos);
    const auto found = query(corpus_db(), {"--show", kSeed});
    CHECK(found.exit_code == 0);
    CHECK(found.out.find("Putin") != std::string::npos);
    for (const auto& args : std::vector<std::vector<std::string>>{{"--show", kSeed, "kursk"},
                                                                   {"--show", kSeed, "--limit", "3"},
                                                                   {"--show", kSeed, "--like", kSeed},
                                                                   {"--show", kSeed, "--serve", "0"},
                                                                   {"--show", ""},
                                                                   {"--show", "\xff"}}) {
        const auto refused = query(corpus_db(), args);
        CHECK_MESSAGE(refused.exit_code == 2, args[2 % args.size()]);
        CHECK(refused.out.empty());
    }
}

TEST_CASE("GET /article?id= answers the --show JSON document, 404 for an unknown id, 400 for bad parameters") {
    const auto& db = corpus_db();
    Server server(db);
    auto client = server.client();
    const auto res = client.Get(("/article?id=" + httplib::detail::encode_query_param(kSeed)).c_str());
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
    CHECK(json::parse(res->body) == json::parse(query(db, {"--show", kSeed, "--format", "json"}).out));

    const auto unknown = client.Get("/article?id=tidak-ada");
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    CHECK(json::parse(unknown->body).at("error").get<std::string>().find("tidak-ada") != std::string::npos);
    for (const char* bad : {"/article", "/article?id=", "/article?id=dun-001&id=dun-002", "/article?q=kursk",
                            "/article?id=%FF"}) {
        const auto answer = client.Get(bad);
        REQUIRE(answer);
        CHECK_MESSAGE(answer->status == 400, bad);
        CHECK_MESSAGE(json::parse(answer->body).contains("error"), bad);
    }
    const auto post = client.Post("/article?id=dun-001", "", "text/plain");
    REQUIRE(post);
    CHECK(post->status == 405);
}

}  // namespace telusur::e2e
