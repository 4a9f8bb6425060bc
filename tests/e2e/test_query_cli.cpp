// End-to-end tests of telusur-query: the real binaries on corpus/ and on fixtures.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_fixture.h"

namespace telusur::e2e {

namespace {

using nlohmann::json;

const std::string kSeedIdn = "seeds/001_c8ce01ff440e4416.txt";
const std::string kSeedLong = "seeds/000_466d7a267a480ec9.txt";

const std::string& ranking_db() {
    static TempDir tmp;
    static const std::string db = [] {
        const auto run = index_into(tmp / "db", {kTestData + "/ranking.jsonl"});
        if (run.exit_code != 0) FAIL("indexing ranking.jsonl failed: " << run.err);
        return tmp / "db";
    }();
    return db;
}

std::vector<std::string> hit_ids(const json& result) {
    std::vector<std::string> ids;
    for (const auto& hit : result.at("hits")) ids.push_back(hit.at("id").get<std::string>());
    return ids;
}

json query_json(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--format", "json"});
    const auto run = query(db, args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
}

}  // namespace

TEST_CASE("tentara Korut Kursk returns the two seed articles first, Kursk highlighted") {
    const auto result = query_json(corpus_db(), {"tentara Korut Kursk"});
    const auto ids = hit_ids(result);
    REQUIRE(ids.size() >= 2);
    const std::vector<std::string> top{ids[0], ids[1]};
    CHECK(std::count(top.begin(), top.end(), kSeedIdn) == 1);
    CHECK(std::count(top.begin(), top.end(), kSeedLong) == 1);
    bool kursk_highlighted = false;
    for (const auto& hit : result.at("hits"))
        if (hit.at("snippet").get<std::string>().find("**Kursk**") != std::string::npos) kursk_highlighted = true;
    CHECK(kursk_highlighted);
    CHECK(result.at("query") == "tentara Korut Kursk");
    CHECK(result.at("estimated_total").get<int>() >= 2);
}

TEST_CASE("JSON hits carry id, title, date, url, source, score and snippet") {
    const auto result = query_json(corpus_db(), {"--limit", "3", "tentara Korut Kursk"});
    REQUIRE(result.at("hits").size() == 3);
    for (const auto& hit : result.at("hits")) {
        for (const char* field : {"rank", "id", "title", "date", "url", "source", "score", "snippet"})
            CHECK_MESSAGE(hit.contains(field), field);
        CHECK(hit.at("score").get<double>() > 0);
    }
    CHECK(result.at("hits")[0].at("title") == "Putin Bertemu Menteri Luar Negeri Korut di Moskow");
}

TEST_CASE("--no-mmap reads the database with pread and answers exactly as the memory-mapped default") {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--explain", "--limit", "20", "tentara Korut Kursk"},
          std::vector<std::string>{"--facet", "person", "--facet", "place", "--offset", "2", "Korea Utara"}}) {
        auto mapped = query_json(corpus_db(), args);
        auto no_mmap_args = args;
        no_mmap_args.insert(no_mmap_args.begin(), "--no-mmap");
        auto plain = query_json(corpus_db(), no_mmap_args);
        REQUIRE_FALSE(mapped.at("hits").empty());
        mapped.erase("elapsed_ms");
        plain.erase("elapsed_ms");
        CHECK(mapped.dump() == plain.dump());
    }
}

TEST_CASE("a query with no match exits 1") {
    const auto run = query(corpus_db(), {"zzyzxqwv"});
    CHECK(run.exit_code == 1);
    CHECK(run.err.empty());
    const auto as_json = query(corpus_db(), {"--format", "json", "zzyzxqwv"});
    CHECK(as_json.exit_code == 1);
    CHECK(json::parse(as_json.out).at("hits").empty());
}

TEST_CASE("results that cannot be written exit 2, not 0: a full disk is no answer") {
    if (!std::filesystem::exists("/dev/full")) return;  // Linux's always-full device
    for (const std::string args : {"tentara", "--ids tentara", "--format json tentara"}) {
        CAPTURE(args);
        const auto run = run_process({"/bin/sh", "-c", "exec " + kQueryBin + " --db " + corpus_db() + " " + args + " > /dev/full"});
        CHECK(run.exit_code == 2);
        CHECK(run.err == "telusur-query: cannot write to standard output (a full disk?): the results are incomplete\n");
    }
    const auto stem = run_process({"/bin/sh", "-c", "exec " + kQueryBin + " --stem > /dev/full"}, "menangkap\n");
    CHECK(stem.exit_code == 2);
}

TEST_CASE("a missing database exits 2 with a one-line message naming it") {
    const auto run = query("/nonexistent/telusur-db", {"kursk"});
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find("/nonexistent/telusur-db") != std::string::npos);
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
}

TEST_CASE("bad options and empty queries exit 2 with a message") {
    CHECK(query(corpus_db(), {"--limit", "abc", "kursk"}).exit_code == 2);
    const auto format = query(corpus_db(), {"--format", "xml", "kursk"});
    CHECK(format.exit_code == 2);
    CHECK(format.err == "telusur-query: --format: xml not in {text,json,jsonl} (see --help)\n");
    // The names only, in any case; not the numbers of the enum behind them.
    CHECK(query(corpus_db(), {"--format", "1", "kursk"}).exit_code == 2);
    CHECK(query(corpus_db(), {"--color", "2", "kursk"}).exit_code == 2);
    const auto upper = query(corpus_db(), {"--format", "JSON", "kursk"});
    CHECK(upper.exit_code == 0);
    CHECK(upper.out.rfind("{", 0) == 0);
    const auto no_fields = query(corpus_db(), {"--fields", "", "kursk"});  // not "every field"
    CHECK(no_fields.exit_code == 2);
    CHECK(no_fields.err ==
          "telusur-query: --fields: names no field (rank,id,title,date,url,source,score,snippet,similar,entities) "
          "(see --help)\n");
    const auto empty = query(corpus_db(), {"   "});
    CHECK(empty.exit_code == 2);
    CHECK(empty.err.find("empty query") != std::string::npos);
    const auto stop = query(corpus_db(), {"yang dan di"});
    CHECK(stop.exit_code == 2);
    CHECK(stop.err.find("stopwords") != std::string::npos);
}

TEST_CASE("Lucene's boost and proximity syntax exit 2 with a message, not a search for the number") {
    const auto boost = query(corpus_db(), {"Kursk^2"});
    CHECK(boost.exit_code == 2);
    CHECK(boost.err == "telusur-query: 'Kursk^2': boosting (^) is not supported\n");
    const auto near = query(corpus_db(), {"--format", "json", "\"Korea Utara\"~3"});
    CHECK(near.exit_code == 2);
    CHECK(near.out.empty());
    CHECK(near.err.find("NEAR finds words within 10 of each other") != std::string::npos);
}

TEST_CASE("a field name in any case is that field, and an unknown field or a misplaced * exits 2 with a message") {
    const auto lower = query(corpus_db(), {"--count", "title:Korea"});
    REQUIRE(lower.exit_code == 0);
    CHECK(std::stoi(lower.out) > 0);
    CHECK(query(corpus_db(), {"--count", "Title:Korea"}).out == lower.out);
    CHECK(query(corpus_db(), {"--count", "TITLE: Korea"}).out == lower.out);
    const auto unknown = query(corpus_db(), {"judul:Korea"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err ==
          "telusur-query: 'judul:Korea': no field named 'judul'; the fields are title, source, person, place, org "
          "and date\n");
    const auto inside = query(corpus_db(), {"Ko*ea"});
    CHECK(inside.exit_code == 2);
    CHECK(inside.err == "telusur-query: 'Ko*ea': * only ends a word, as in kebakar*\n");
    CHECK(query(corpus_db(), {"*Korea"}).exit_code == 2);
    CHECK(query(corpus_db(), {"--count", "Kor*"}).exit_code == 0);
}

TEST_CASE("the words of a quoted field value get no spelling suggestion") {
    // "Warta" is no word of any article: it was corrected to "Warga", a filter matching nothing.
    const auto quoted = json::parse(query(corpus_db(), {"--format", "json", "source:\"Warta Dunia\""}).out);
    CHECK(quoted.at("estimated_total").get<int>() > 0);
    CHECK(quoted.at("suggestion").is_null());
}

TEST_CASE("an option of another mode is refused with exit 2, not ignored") {
    const auto db = corpus_db();
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    // Run without waiting: a server that took them would run until killed.
    for (const auto& [args, message] : std::vector<Case>{
             {{"--serve", "127.0.0.1:0", "banjir"}, "a query only applies to a search, not to --serve"},
             {{"--serve", "127.0.0.1:0", "--limit", "3"}, "--limit only applies to a search, not to --serve"},
             {{"--serve", "127.0.0.1:0", "--format", "jsonl"}, "--format does not apply to --serve"},
             {{"--serve", "127.0.0.1:0", "--analyze", "banjir"}, "--analyze cannot be combined with --serve"}}) {
        std::vector<std::string> argv{kQueryBin, "--db", db};
        argv.insert(argv.end(), args.begin(), args.end());
        BackgroundProcess run(argv);
        CHECK(run.read_error_line(10000) == "telusur-query: " + message + " (see --help)");
        CHECK(run.wait(10000) == 2);
    }
    for (const auto& [args, message] : std::vector<Case>{
             {{"--threads", "4", "banjir"}, "--threads only applies to --serve, not to a search"},
             {{"--stem", "banjir"}, "a query only applies to a search, not to --stem"},
             {{"--stem", "--cache-size", "8"}, "--cache-size only applies to --serve, not to --stem"},
             {{"--analyze", "banjir", "--explain"}, "--explain only applies to a search, not to --analyze"},
             {{"--analyze", ""}, "--analyze needs the text to analyse, e.g. --analyze 'Polisi menangkap'"},
             {{"--serve", ""}, "--serve needs [HOST:]PORT, e.g. --serve 127.0.0.1:8080"}}) {
        const auto run = query(db, args);
        CHECK(run.exit_code == 2);
        CHECK(run.out.empty());
        CHECK(run.err == "telusur-query: " + message + " (see --help)\n");
    }
    CHECK(query(db, {"--analyze", "banjir", "--format", "json"}).exit_code == 0);  // --analyze reads --format
}

TEST_CASE("--ids and --count refuse the options that shape hits they do not print") {
    const auto db = corpus_db();
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    for (const auto& [args, message] : std::vector<Case>{
             {{"--ids", "--format", "json"}, "--format does not apply to --ids, which prints one id per line"},
             {{"--ids", "--fields", "title"}, "--fields does not apply to --ids, which prints only ids"},
             {{"--ids", "--explain"}, "--explain does not apply to --ids, which prints only ids"},
             {{"--count", "--facet", "place"}, "--facet does not apply to --count, which prints only a number"},
             {{"--count", "--limit", "3"}, "--limit does not apply to --count, which counts every match"},
             {{"--facet-limit", "3"}, "--facet-limit applies to --facet, which is not given"}}) {
        auto argv = args;
        argv.push_back("banjir");
        const auto run = query(db, argv);
        CHECK(run.exit_code == 2);
        CHECK(run.out.empty());
        CHECK(run.err == "telusur-query: " + message + " (see --help)\n");
    }
    // What they do use: which hits (--limit, --sort, filters) for --ids; --format json for --count.
    const auto ids = query(db, {"--ids", "--limit", "1", "--sort", "-date", "--format", "text", "banjir"});
    CHECK(ids.exit_code == 0);
    CHECK(std::count(ids.out.begin(), ids.out.end(), '\n') == 1);
    const auto count = query(db, {"--count", "--format", "json", "--filter", "place:Bekasi", "banjir"});
    CHECK(count.exit_code == 0);
    CHECK(nlohmann::json::parse(count.out).is_number_unsigned());
}

TEST_CASE("a query that is not UTF-8 exits 2 naming the bad byte") {
    // "Café" typed in Latin-1, and a sequence cut off before an ASCII letter.
    for (const std::string bad : {"Caf\xe9 Kursk", "\xc3' \xc3" "A tentara"}) {
        const auto run = query(corpus_db(), {bad});
        CHECK(run.exit_code == 2);
        CHECK(run.out.empty());
        CHECK_MESSAGE(run.err.find("not valid UTF-8 (byte ") != std::string::npos, run.err);
    }
}

TEST_CASE("documents with every word rank above documents missing one, which are still found") {
    const auto ids = hit_ids(query_json(ranking_db(), {"tentara Korut rudal"}));
    // all-three has all words (Korea Utara through the alias); the others miss one or two.
    REQUIRE(ids.size() == 3);
    CHECK(ids[0] == "all-three");
    CHECK(std::find(ids.begin(), ids.end(), "two-words") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "only-korut") != ids.end());
}

TEST_CASE("aliases expand at query time in both directions") {
    CHECK(hit_ids(query_json(ranking_db(), {"Kiev"})) == std::vector<std::string>{"kyiv"});
    const auto korea = hit_ids(query_json(ranking_db(), {"Korut"}));
    CHECK(std::find(korea.begin(), korea.end(), "all-three") != korea.end());  // says only "Korea Utara"
    const auto long_form = hit_ids(query_json(ranking_db(), {"\"Korea Utara\""}));
    CHECK(std::find(long_form.begin(), long_form.end(), "all-three") != long_form.end());
}

TEST_CASE("phrases, NOT and +/- work") {
    CHECK(hit_ids(query_json(ranking_db(), {"\"menguji rudal\""})).size() == 2);
    CHECK(hit_ids(query_json(ranking_db(), {"rudal NOT balistik"})) == std::vector<std::string>{"all-three"});
    CHECK(hit_ids(query_json(ranking_db(), {"rudal -balistik"})) == std::vector<std::string>{"all-three"});
    CHECK(hit_ids(query_json(ranking_db(), {"+cabai tentara"})) == std::vector<std::string>{"unrelated"});
}

TEST_CASE("a query that only excludes lists the other documents: typed bare, -word gets a hint") {
    auto others = hit_ids(query_json(ranking_db(), {"--", "-rudal"}));
    std::sort(others.begin(), others.end());
    CHECK(others == std::vector<std::string>{"kyiv", "two-words", "unrelated"});
    const auto bare = query(ranking_db(), {"-rudal"});
    CHECK(bare.exit_code == 2);
    CHECK(bare.err.find("query words after '--' may start with '-': telusur-query --db DIR -- -rudal") != std::string::npos);
}

TEST_CASE("a word with * matches as a prefix, highlighted: inside a phrase it is refused with exit 2") {
    const auto found = query_json(ranking_db(), {"pegun*"});
    REQUIRE(hit_ids(found) == std::vector<std::string>{"two-words"});
    CHECK(found.at("hits")[0].at("snippet").get<std::string>().find("**pegunungan**") != std::string::npos);
    const auto phrase = query(ranking_db(), {"\"di pegun*\""});
    CHECK(phrase.exit_code == 2);
    CHECK(phrase.err == "telusur-query: 'pegun*': a wildcard cannot be part of a phrase\n");
}

TEST_CASE("limit and offset page through one ranking") {
    const auto all = hit_ids(query_json(corpus_db(), {"--limit", "6", "Korea"}));
    REQUIRE(all.size() >= 4);
    const auto page = query_json(corpus_db(), {"--limit", "2", "--offset", "2", "Korea"});
    CHECK(hit_ids(page) == std::vector<std::string>{all[2], all[3]});
    CHECK(page.at("hits")[0].at("rank") == 3);

    // Past the last hit: an empty page, the total, and in text a word on stderr saying why.
    const auto past = query(corpus_db(), {"--offset", "1000", "Korea"});
    CHECK(past.exit_code == 0);
    CHECK(past.out.find("matches\n") != std::string::npos);
    const auto past_json = query_json(corpus_db(), {"--offset", "1000", "Korea"});
    CHECK(past_json.at("hits").empty());
    CHECK(past_json.at("estimated_total").get<int>() > 0);
    // The sample archive is small: Korea's articles are counted, not estimated.
    CHECK(past_json.at("total_exact") == true);
    CHECK(past.err == "telusur-query: no hits from rank 1001 on (" +
                          std::to_string(past_json.at("estimated_total").get<int>()) + " matches; lower --offset)\n");
}

TEST_CASE("text output shows rank, title, id and a snippet with markers when not on a terminal") {
    const auto run = query(corpus_db(), {"--limit", "2", "tentara", "Korut", "Kursk"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("1. Putin Bertemu Menteri Luar Negeri Korut di Moskow") != std::string::npos);
    CHECK(run.out.find(kSeedIdn) != std::string::npos);
    CHECK(run.out.find("**") != std::string::npos);
    CHECK(run.out.find("\x1b[") == std::string::npos);
}

}  // namespace telusur::e2e
