// telusur-index on CSV archives: the same documents as the same articles in JSON Lines.
#include <doctest/doctest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "compressed_bytes.h"
#include "utf16_bytes.h"

namespace telusur::e2e {

namespace {

const std::string kJsonLines =
    R"({"id": "c-1", "title": "Banjir \"Besar\" di Bekasi", "body": "Banjir merendam rumah, kata warga.\n\nHujan )"
    R"(turun lagi.", "date": "2024-11-04", "source": "Antara"})"
    "\n"
    R"({"id": "c-2", "title": "Harga Emas", "body": "Harga emas naik 1,5 persen.", "date": "2024-11-05", )"
    R"("source": "Kabar"})"
    "\n";

// The same two articles as Excel writes them where the comma is the decimal mark: a byte-order
// mark, semicolons, CRLF, the columns in its own order and case.
const std::string kExcelCsv =
    "\xEF\xBB\xBFSource;ID;Title;Body;Date\r\n"
    "Antara;c-1;\"Banjir \"\"Besar\"\" di Bekasi\";\"Banjir merendam rumah, kata warga.\r\n\r\nHujan turun lagi.\";"
    "2024-11-04\r\n"
    "Kabar;c-2;Harga Emas;Harga emas naik 1,5 persen.;2024-11-05\r\n";

}  // namespace

TEST_CASE("a CSV archive indexes the same documents as the same articles in JSON Lines") {
    TempDir tmp;
    write_file(tmp / "news.jsonl", kJsonLines);
    std::filesystem::create_directories(tmp / "csv");
    write_file(tmp / "csv/news.csv", kExcelCsv);
    const auto jsonl = index_into(tmp / "jsonl.db", {tmp / "news.jsonl"});
    const auto csv = index_into(tmp / "csv.db", {tmp / "csv"});  // a folder walk takes .csv files
    INFO(jsonl.err << csv.err);
    REQUIRE(jsonl.exit_code == 0);
    CHECK(csv.exit_code == 0);
    CHECK(csv.err.find("read 2, indexed 2") != std::string::npos);
    CHECK(describe_documents(tmp / "csv.db") == describe_documents(tmp / "jsonl.db"));
    const auto shown = nlohmann::json::parse(query(tmp / "csv.db", {"--show", "c-1", "--format", "json"}).out);
    CHECK(shown.at("title") == "Banjir \"Besar\" di Bekasi");
    CHECK(shown.at("body") == "Banjir merendam rumah, kata warga.\n\nHujan turun lagi.");
}

TEST_CASE("Excel's Unicode Text export, named .tsv, indexes the same documents as JSON Lines") {
    // UTF-16LE with its byte-order mark, tab-separated, CRLF, fields with a quote or a line break
    // quoted, as Excel writes them.
    const std::string unicode_text = testing::utf16_bytes(
        "ID\tTitle\tBody\tDate\tSource\r\n"
        "c-1\t\"Banjir \"\"Besar\"\" di Bekasi\"\t\"Banjir merendam rumah, kata warga.\r\n\r\nHujan turun lagi.\"\t"
        "2024-11-04\tAntara\r\n"
        "c-2\tHarga Emas\tHarga emas naik 1,5 persen.\t2024-11-05\tKabar\r\n");
    TempDir tmp;
    write_file(tmp / "news.jsonl", kJsonLines);
    write_file(tmp / "news.tsv", unicode_text);
    const auto jsonl = index_into(tmp / "jsonl.db", {tmp / "news.jsonl"});
    const auto tsv = index_into(tmp / "tsv.db", {tmp / "news.tsv"});
    INFO(tsv.err);
    REQUIRE(jsonl.exit_code == 0);
    CHECK(tsv.exit_code == 0);
    CHECK(describe_documents(tmp / "tsv.db") == describe_documents(tmp / "jsonl.db"));
}

TEST_CASE("a compressed CSV file is read while decompressing, and a bad record is reported at its line") {
    TempDir tmp;
    const std::string csv = "id,body\n1,Banjir di Bekasi.\n2\n3,\"Gempa di\nCianjur.\"\n4,\n";
    write_file(tmp / "news.csv.gz", testing::gzip_bytes(csv));
    const auto run = index_into(tmp / "db", {tmp / "news.csv.gz"});
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("news.csv.gz:3: 1 fields where the header has 2") != std::string::npos);
    CHECK(run.err.find("news.csv.gz:6: empty body") != std::string::npos);
    CHECK(query(tmp / "db", {"--ids", "gempa"}).out == "3\n");
    CHECK(document_count(tmp / "db") == 2);
}

TEST_CASE("standard input is read as CSV with --stdin-format csv, and as JSON Lines without") {
    TempDir tmp;
    const auto csv = index_into(tmp / "csv.db", {"--stdin-format", "csv", "-"}, kExcelCsv);
    INFO(csv.err);
    CHECK(csv.exit_code == 0);
    CHECK(document_count(tmp / "csv.db") == 2);
    const auto jsonl = index_into(tmp / "jsonl.db", {"-"}, kExcelCsv);
    CHECK(jsonl.exit_code == 1);
    CHECK(jsonl.err.find("-:1: invalid JSON") != std::string::npos);
    CHECK(index_into(tmp / "x.db", {"--stdin-format", "xml", "-"}, kExcelCsv).exit_code == 2);
}

}  // namespace telusur::e2e
