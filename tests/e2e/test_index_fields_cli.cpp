// telusur-index --field: an archive whose records name their fields otherwise.
#include <doctest/doctest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"

namespace telusur::e2e {

namespace {

// Two articles as telusur names their fields, and the same two as another archive might.
const std::string kOwnNames =
    R"({"id": "ant-1", "title": "Banjir Rendam Bekasi", "body": "Banjir merendam ratusan rumah di Bekasi.", )"
    R"("date": "2024-11-04T09:30:00+07:00", "source": "Antara", "url": "https://antara.example/1"})"
    "\n"
    R"({"id": "ant-2", "title": "Harga Emas Naik", "body": "Harga emas naik tajam pada Senin pagi.", )"
    R"("date": "2024-11-05", "source": "Antara", "url": null})"
    "\n";
const std::string kOtherNames =
    R"({"kode": "ant-1", "judul": "Banjir Rendam Bekasi", "isi": "Banjir merendam ratusan rumah di Bekasi.", )"
    R"("meta": {"terbit": "2024-11-04T09:30:00+07:00", "media": "Antara"}, "tautan": "https://antara.example/1"})"
    "\n"
    R"({"kode": "ant-2", "judul": "Harga Emas Naik", "isi": "Harga emas naik tajam pada Senin pagi.", )"
    R"("meta": {"terbit": "2024-11-05", "media": "Antara"}})"
    "\n";
const std::vector<std::string> kMapping{"--field", "id=kode",           "--field", "title=judul",
                                        "--field", "body=isi",          "--field", "date=/meta/terbit",
                                        "--field", "source=/meta/media", "--field", "url=tautan"};

}  // namespace

TEST_CASE("an archive read with --field indexes the same documents as one in telusur's own field names") {
    TempDir tmp;
    write_file(tmp / "own.jsonl", kOwnNames);
    write_file(tmp / "other.jsonl", kOtherNames);
    const auto own = index_into(tmp / "own.db", {tmp / "own.jsonl"});
    const auto mapped = index_with(tmp / "mapped.db", kMapping, {tmp / "other.jsonl"});
    INFO(own.err << mapped.err);
    REQUIRE(own.exit_code == 0);
    CHECK(mapped.exit_code == 0);
    CHECK(document_count(tmp / "mapped.db") == 2);
    CHECK(describe_documents(tmp / "mapped.db") == describe_documents(tmp / "own.db"));

    const auto found = query(tmp / "mapped.db", {"--fields", "id,date,source", "source:antara date:2024-11-04 banjir"});
    CHECK(found.exit_code == 0);
    CHECK(found.out.find("ant-1") != std::string::npos);
    CHECK(found.out.find("ant-2") == std::string::npos);
}

TEST_CASE("an export whose field names are capitalised (.NET, Java) indexes as telusur's own, without --field") {
    std::string capitalised = kOwnNames;
    for (const std::string name : {"id", "title", "body", "date", "source", "url"}) {
        const std::string from = "\"" + name + "\":";
        std::string to = from;
        to[1] = static_cast<char>(to[1] - 'a' + 'A');
        for (auto at = capitalised.find(from); at != std::string::npos; at = capitalised.find(from, at + 1))
            capitalised.replace(at, from.size(), to);
    }
    REQUIRE(capitalised.find("\"Body\":") != std::string::npos);
    TempDir tmp;
    write_file(tmp / "own.jsonl", kOwnNames);
    write_file(tmp / "pascal.jsonl", capitalised);
    const auto own = index_into(tmp / "own.db", {tmp / "own.jsonl"});
    const auto pascal = index_into(tmp / "pascal.db", {tmp / "pascal.jsonl"});
    INFO(pascal.err);
    REQUIRE(own.exit_code == 0);
    CHECK(pascal.exit_code == 0);
    CHECK(describe_documents(tmp / "pascal.db") == describe_documents(tmp / "own.db"));
}

TEST_CASE("a date given as Unix time dates the article on its day in Jakarta") {
    TempDir tmp;
    // 2024-11-03 23:30 UTC is 4 November, 06:30 WIB; the second in milliseconds, 5 November 10:00 WIB.
    write_file(tmp / "api.jsonl", R"({"id": "u-1", "body": "Banjir di Bekasi.", "published": 1730676600})"
                                  "\n"
                                  R"({"id": "u-2", "body": "Banjir di Depok.", "published": 1730775600000})"
                                  "\n");
    const auto run = index_with(tmp / "db", {"--field", "date=published"}, {tmp / "api.jsonl"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto first = query(tmp / "db", {"--ids", "banjir date:2024-11-04"});
    CHECK(first.out == "u-1\n");
    const auto shown = query(tmp / "db", {"--show", "u-2", "--format", "json"});
    CHECK(nlohmann::json::parse(shown.out).at("date") == "2024-11-05T10:00:00+07:00");
}

TEST_CASE("a WordPress export is indexed as the text its HTML shows") {
    TempDir tmp;
    // The shape of WordPress's REST API: title and content as {"rendered": HTML}.
    write_file(tmp / "wp.jsonl",
               R"({"id": 41, "title": {"rendered": "Banjir &amp; Longsor di Bogor"}, "content": {"rendered": )"
               R"("<p>Banjir <strong>merendam</strong> rumah warga di <a href=\"https://x.id/bogor\">Bogor</a>.</p>\n)"
               R"(<script>var iklan = 1;</script><p>Hujan deras sejak Senin.</p>"}, "date": "2024-11-04T09:30:00"})"
               "\n");
    const auto run = index_with(tmp / "db", {"--field", "title=/title/rendered", "--field", "body=/content/rendered"},
                                {tmp / "wp.jsonl"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(query(tmp / "db", {"--ids", "merendam Bogor"}).out == "41\n");
    for (const std::string markup : {"strong", "href", "iklan", "amp", "script"})
        CHECK_MESSAGE(query(tmp / "db", {"--count", markup}).out == "0\n", markup);
    const auto shown = nlohmann::json::parse(query(tmp / "db", {"--show", "41", "--format", "json"}).out);
    CHECK(shown.at("title") == "Banjir & Longsor di Bogor");
    CHECK(shown.at("body") == "Banjir merendam rumah warga di Bogor.\n\nHujan deras sejak Senin.");
}

TEST_CASE("without --field, each record says which fields it has and how to read one as the body") {
    TempDir tmp;
    write_file(tmp / "other.jsonl", kOtherNames);
    const auto run = index_into(tmp / "db", {tmp / "other.jsonl"});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("other.jsonl:1: missing id; the record's fields are isi, judul, kode, meta, tautan: read one "
                       "as the id with --field id=NAME") != std::string::npos);
    CHECK(run.err.find("other.jsonl:2: missing id;") != std::string::npos);
}

TEST_CASE("a --field that is not FIELD=NAME stops telusur-index before it creates a database") {
    TempDir tmp;
    write_file(tmp / "other.jsonl", kOtherNames);
    for (const std::string bad : {"isi", "konten=isi", "body=", "date=/meta/~9"}) {
        const auto run = index_with(tmp / "db", {"--field", bad}, {tmp / "other.jsonl"});
        INFO(bad << ": " << run.err);
        CHECK(run.exit_code == 2);
        CHECK(run.err.starts_with("telusur-index: --field '" + bad + "': "));
        CHECK_FALSE(std::filesystem::exists(tmp / "db"));
    }
    const auto twice = index_with(tmp / "db", {"--field", "body=isi", "--field", "body=teks"}, {tmp / "other.jsonl"});
    CHECK(twice.exit_code == 2);
    CHECK(twice.err.find("--field body is given twice") != std::string::npos);
}

}  // namespace telusur::e2e
