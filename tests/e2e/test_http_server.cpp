// End-to-end tests of `telusur-query --serve`: a real server on an ephemeral 127.0.0.1 port.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <xapian.h>
#include <thread>
#include <utility>

#include "http_fixture.h"

namespace telusur::e2e {

using nlohmann::json;

TEST_CASE("GET /search returns exactly the --format json document") {
    TempDir tmp;
    const auto db = corpus_db(tmp);
    Server server(db);
    auto client = server.client();
    const auto res = client.Get("/search?q=tentara%20Korut%20Kursk&limit=3");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type").find("application/json") == 0);
    auto served = json::parse(res->body);
    const auto cli = query(db, {"--format", "json", "--limit", "3", "tentara Korut Kursk"});
    auto printed = json::parse(cli.out);
    served.erase("elapsed_ms");
    printed.erase("elapsed_ms");
    CHECK(served == printed);
    CHECK(served.at("hits").size() == 3);
}

TEST_CASE("health, stats, bad parameters and unknown paths") {
    TempDir tmp;
    const auto db = corpus_db(tmp);
    Server server(db);
    auto client = server.client();

    const auto health = client.Get("/health");
    REQUIRE(health);
    CHECK(json::parse(health->body).at("status") == "ok");

    const auto stats = client.Get("/stats");
    REQUIRE(stats);
    CHECK(json::parse(stats->body).at("documents").get<int>() >= 22);

    for (const char* bad : {"/search", "/search?q=kursk&limit=abc", "/search?q=kursk&limit=100000",
                            "/search?q=kursk&offset=-1", "/search?q=kursk&format=xml", "/search?q=%20%20",
                            "/search?q=yang%20dan", "/search?q=caf%E9", "/search?q=%C3%27%C3A%20kursk",
                            "/search?q=kursk&filter=place:%FF", "/search?q=kursk&q=rudal",
                            "/search?q=kursk&limit=1&limit=2", "/search?q=kursk&collapse=false",
                            "/search?q=kursk&collapse=", "/search?q=kursk&collapse=00"}) {
        const auto res = client.Get(bad);
        REQUIRE(res);
        CHECK_MESSAGE(res->status == 400, bad);
        CHECK_MESSAGE(json::parse(res->body).contains("error"), bad);
    }
    // A misspelt parameter is refused: ignored, it would answer without the filter asked for.
    const auto typo = client.Get("/search?q=kursk&filer=place:Kursk");
    REQUIRE(typo);
    CHECK(typo->status == 400);
    CHECK(json::parse(typo->body).at("error").get<std::string>().starts_with("unknown parameter 'filer' (GET /search takes q,"));
    const auto repeated = client.Get("/search?q=kursk&&filter=place:Kursk&filter=place:Moskow&facet=place&facet=person");
    REQUIRE(repeated);
    CHECK(repeated->status == 200);  // facet and filter repeat; an empty name (&&) is nothing
    const auto long_query = client.Get(("/search?q=" + std::string(5000, 'a')).c_str());
    REQUIRE(long_query);
    CHECK(long_query->status == 400);

    const auto missing = client.Get("/nowhere");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(json::parse(missing->body).at("error") == "not found");

    std::string log;
    CHECK(server.stop(&log) == 0);  // SIGTERM: graceful shutdown
    CHECK(log.find("\"GET /health\" 200") != std::string::npos);
    CHECK(log.find("\"GET /nowhere\" 404") != std::string::npos);
}

TEST_CASE("documents indexed while the server runs appear in its results") {
    TempDir tmp;
    const auto db = corpus_db(tmp);
    Server server(db);
    auto client = server.client();
    const auto before = client.Get("/search?q=zamrudkhatulistiwa");
    REQUIRE(before);
    CHECK(json::parse(before->body).at("hits").empty());

    const auto added = index_into(db, {"-"},
                                  "{\"id\": \"live-1\", \"title\": \"Berita baru\", \"body\": \"Kata unik "
                                  "zamrudkhatulistiwa muncul di sini.\"}\n");
    REQUIRE(added.exit_code == 0);
    const auto after = client.Get("/search?q=zamrudkhatulistiwa");
    REQUIRE(after);
    const auto hits = json::parse(after->body).at("hits");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].at("id") == "live-1");
}

TEST_CASE("a database compacted in place while the server runs keeps being served") {
    TempDir tmp;
    const auto db = corpus_db(tmp);
    Server server(db);
    auto client = server.client();
    const auto before = client.Get("/search?q=tentara&limit=100&collapse=0");
    REQUIRE(before);
    REQUIRE(before->status == 200);
    const auto hits_before = json::parse(before->body).at("hits").size();
    REQUIRE(hits_before > 0);
    const auto revision_served = Xapian::Database(db).get_revision();

    REQUIRE(index_into(db, {"--compact"}).exit_code == 0);  // no inputs: compacts alone, in place
    const auto added = index_into(db, {"-"},
                                  "{\"id\": \"after-compact\", \"title\": \"Tentara\", \"body\": \"Tentara "
                                  "berjaga setelah pemadatan.\"}\n");
    REQUIRE(added.exit_code == 0);
    // The compacted database counts from revision 1 again and is now at the very revision the
    // server read, and its cached answer was for: Xapian's reopen() alone took that for
    // "unchanged" and went on reading the deleted files (and the cache answered from before).
    REQUIRE(Xapian::Database(db).get_revision() == revision_served);
    for (int i = 0; i < 8; ++i) {  // more requests than searchers: each searcher sees the new files
        const auto after = client.Get("/search?q=tentara&limit=100&collapse=0");
        REQUIRE(after);
        REQUIRE(after->status == 200);
        const auto hits = json::parse(after->body).at("hits");
        CHECK(hits.size() == hits_before + 1);
    }
}

TEST_CASE("a database that disappears while the server runs gets 503 naming it, and is served again when back") {
    TempDir tmp;
    const auto db = corpus_db(tmp);
    Server server(db, {"--cache-size", "0"});
    auto client = server.client();
    REQUIRE(client.Get("/search?q=tentara"));
    std::filesystem::rename(db, tmp / "elsewhere");  // deleted, or moved by hand
    for (const char* path : {"/search?q=tentara", "/search?q=banjir", "/stats", "/health"}) {
        CAPTURE(path);
        const auto gone = client.Get(path);
        REQUIRE(gone);
        CHECK(gone->status == 503);
        CHECK(json::parse(gone->body).at("error").get<std::string>().starts_with("cannot reopen database '" + db + "': "));
    }
    std::filesystem::rename(tmp / "elsewhere", db);
    for (int i = 0; i < 8; ++i) {  // more requests than searchers: every one of them recovers
        const auto back = client.Get("/search?q=tentara");
        REQUIRE(back);
        CHECK(back->status == 200);
    }
    const auto health = client.Get("/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(json::parse(health->body) == json{{"status", "ok"}});
}

TEST_CASE("a database rebuilt with other stemmer-data is refused until the server restarts") {
    TempDir tmp;
    const auto db = corpus_db(tmp);
    const auto data = tmp / "data";
    std::filesystem::copy(kCorpusDir + "/../stemmer-data", data, std::filesystem::copy_options::recursive);
    std::optional<Server> server(std::in_place, db, std::vector<std::string>{"--data-dir", data});
    const auto before = server->client().Get("/search?q=penangkapan");
    REQUIRE(before);
    CHECK(before->status == 200);

    // The data changes and the archive is re-indexed with it while the server still runs.
    std::ofstream(data + "/stem-exceptions.tsv", std::ios::app) << "ditangkap\tditangkap\n";
    REQUIRE(index_into(db, {"--data-dir", data, kCorpusDir}).exit_code == 0);
    const auto stale = server->client().Get("/search?q=penangkapan");
    REQUIRE(stale);
    CHECK(stale->status == 503);
    CHECK(json::parse(stale->body).at("error").get<std::string>().find("restart") != std::string::npos);
    // Every request after it, on every searcher, until the restart: not only the first.
    for (int i = 0; i < 12; ++i) {
        const auto again = server->client().Get("/search?q=penangkapan");
        REQUIRE(again);
        CHECK(again->status == 503);
    }
    server.reset();

    Server restarted(db, {"--data-dir", data});
    const auto after = restarted.client().Get("/search?q=ditangkap");
    REQUIRE(after);
    CHECK(after->status == 200);
    CHECK_FALSE(json::parse(after->body).at("hits").empty());
}

TEST_CASE("GET /search carries facets, filters, dates and sort") {
    TempDir tmp;
    const auto db = corpus_db(tmp);
    Server server(db);
    auto client = server.client();
    const auto res = client.Get("/search?q=Korea&facet=person&facet=date&filter=place:Korut&since=2024-11&sort=-date");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const auto body = json::parse(res->body);
    CHECK_FALSE(body.at("facets").at("person").empty());
    CHECK_FALSE(body.at("facets").at("date").empty());
    const auto cli = json::parse(query(db, {"--format", "json", "--facet", "person", "--facet", "date", "--filter",
                                            "place:Korut", "--since", "2024-11", "--sort", "-date", "Korea"}).out);
    CHECK(body.at("hits") == cli.at("hits"));
    CHECK(body.at("facets") == cli.at("facets"));
    const auto bad = client.Get("/search?q=Korea&facet=planet");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    const auto bad_date = client.Get("/search?q=Korea&since=2024-99");
    REQUIRE(bad_date);
    CHECK(bad_date->status == 400);
    // An empty bound is refused, not read as no bound.
    for (const char* empty : {"/search?q=Korea&since=", "/search?q=Korea&until="}) {
        const auto res = client.Get(empty);
        REQUIRE(res);
        CHECK_MESSAGE(res->status == 400, empty);
        CHECK(json::parse(res->body).at("error").get<std::string>().find("is empty") != std::string::npos);
    }
}

TEST_CASE("more keep-alive clients than searchers all get answers") {
    TempDir tmp;
    const auto db = corpus_db(tmp);
    Server server(db, {"--threads", "2", "--cache-size", "0"});
    std::vector<std::thread> clients;
    std::atomic<int> ok{0};
    for (int c = 0; c < 12; ++c) {
        clients.emplace_back([&] {
            auto client = server.client();
            client.set_keep_alive(true);  // each client holds its connection: 12 at once
            for (int i = 0; i < 10; ++i) {
                const auto res = client.Get("/search?q=Korea&limit=5");
                if (res && res->status == 200 && !json::parse(res->body).at("hits").empty()) ++ok;
            }
        });
    }
    for (auto& t : clients) t.join();
    CHECK(ok.load() == 120);
}

namespace {

/// GETs `path` and returns the X-Telusur-Cache header and the body.
std::pair<std::string, json> cached_get(httplib::Client& client, const std::string& path) {
    const auto res = client.Get(path.c_str());
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return {res->get_header_value("X-Telusur-Cache"), json::parse(res->body)};
}

}  // namespace

TEST_CASE("a repeated search is answered from the cache until the database changes") {
    TempDir tmp;
    const auto db = corpus_db(tmp);
    Server server(db);  // the cache is on by default
    auto client = server.client();

    auto [first_state, first] = cached_get(client, "/search?q=tentara%20Korut&limit=3&facet=person");
    CHECK(first_state == "miss");
    auto [again_state, again] = cached_get(client, "/search?q=tentara%20Korut&limit=3&facet=person");
    CHECK(again_state == "hit");
    CHECK(again.at("elapsed_ms").is_number());  // the time the cached answer took now
    CHECK(again.at("elapsed_ms").get<double>() >= 0);
    first.erase("elapsed_ms");
    again.erase("elapsed_ms");
    CHECK(again == first);
    CHECK(cached_get(client, "/search?q=tentara%20Korut&limit=4&facet=person").first == "miss");  // another page size

    CHECK(cached_get(client, "/search?q=zamrudkhatulistiwa").second.at("hits").empty());
    CHECK(cached_get(client, "/search?q=zamrudkhatulistiwa").first == "hit");
    const auto added = index_into(db, {"-"},
                                  "{\"id\": \"live-2\", \"title\": \"Berita baru\", \"body\": \"Kata unik "
                                  "zamrudkhatulistiwa muncul di sini.\"}\n");
    REQUIRE(added.exit_code == 0);
    const auto [after_state, after] = cached_get(client, "/search?q=zamrudkhatulistiwa");
    CHECK(after_state == "miss");  // the commit emptied the cache
    REQUIRE(after.at("hits").size() == 1);
    CHECK(after.at("hits")[0].at("id") == "live-2");
}

TEST_CASE("the cache keeps --cache-size answers and drops the least recently used") {
    TempDir tmp;
    const auto db = corpus_db(tmp);
    Server server(db, {"--cache-size", "2"});
    auto client = server.client();
    const auto state = [&](const char* q) { return cached_get(client, std::string("/search?q=") + q).first; };
    CHECK(state("Korea") == "miss");
    CHECK(state("Kursk") == "miss");
    CHECK(state("Korea") == "hit");
    CHECK(state("banjir") == "miss");  // full: Kursk, the least recently used, goes
    CHECK(state("Korea") == "hit");
    CHECK(state("Kursk") == "miss");
}

TEST_CASE("--cache-size 0 searches every request") {
    TempDir tmp;
    const auto db = corpus_db(tmp);
    Server server(db, {"--cache-size", "0"});
    auto client = server.client();
    CHECK(cached_get(client, "/search?q=Korea").first == "off");
    CHECK(cached_get(client, "/search?q=Korea").first == "off");
}

TEST_CASE("a bad --serve address or a missing database exits 2") {
    TempDir tmp;
    const auto bad = query(corpus_db(tmp), {"--serve", "127.0.0.1:notaport"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--serve") != std::string::npos);
    const auto missing = query(tmp / "nothing", {"--serve", "127.0.0.1:0"});
    CHECK(missing.exit_code == 2);
}

TEST_CASE("--serve takes an IPv6 address in brackets and prints it so in its URL") {
    {  // a host without an IPv6 loopback cannot run this test
        const int probe = ::socket(AF_INET6, SOCK_STREAM, 0);
        sockaddr_in6 address{};
        address.sin6_family = AF_INET6;
        address.sin6_addr = in6addr_loopback;
        const bool ipv6 = probe >= 0 && ::bind(probe, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
        if (probe >= 0) ::close(probe);
        if (!ipv6) {
            MESSAGE("skipped: no IPv6 loopback here");
            return;
        }
    }
    TempDir tmp;
    const auto db = corpus_db(tmp);
    BackgroundProcess server({kQueryBin, "--db", db, "--serve", "[::1]:0", "--threads", "1"});
    const auto line = server.read_error_line(10000);
    CHECK(line.find(" on http://[::1]:") != std::string::npos);
    const auto port = std::stoi(line.substr(line.rfind(':') + 1));
    httplib::Client client("::1", port);
    client.set_connection_timeout(5, 0);
    const auto health = client.Get("/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(server.stop(SIGTERM) == 0);
}

}  // namespace telusur::e2e
