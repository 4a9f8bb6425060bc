// Compressed archives (.jsonl.gz, .jsonl.zst) index exactly like the plain files.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <xapian.h>

#include "cli_fixture.h"
#include "compressed_bytes.h"

namespace telusur::e2e {

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_gzip(const std::string& text, const std::string& path) {
    std::ofstream(path, std::ios::binary) << testing::gzip_bytes(text);
}

void write_zstd(const std::string& text, const std::string& path) {
    std::ofstream(path, std::ios::binary) << testing::zstd_bytes(text);
}

/// Every document's terms (with wdf) and data, in docid order.
std::vector<std::string> snapshot(const std::string& db_path) {
    Xapian::Database db(db_path);
    std::vector<std::string> out;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const auto doc = db.get_document(*it);
        std::string s = doc.get_data();
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) s += "|" + *t + ":" + std::to_string(t.get_wdf());
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace

TEST_CASE("a .jsonl.gz and a .jsonl.zst index the same documents as the plain .jsonl") {
    TempDir tmp;
    const auto text = read_file(kCorpusDir + "/jsonl/dunia.jsonl") + read_file(kCorpusDir + "/jsonl/nasional.jsonl");
    std::filesystem::create_directories(tmp / "plain");
    std::filesystem::create_directories(tmp / "gz");
    std::filesystem::create_directories(tmp / "zst");
    std::ofstream(tmp / "plain/news.jsonl", std::ios::binary) << text;
    write_gzip(text, tmp / "gz/news.jsonl.gz");
    write_zstd(text, tmp / "zst/news.jsonl.zst");
    for (const char* kind : {"plain", "gz", "zst"}) {
        const auto run = index_into(tmp / (std::string(kind) + ".db"), {tmp / kind});
        INFO(kind << ": " << run.err);
        CHECK(run.exit_code == 0);
    }
    const auto plain = snapshot(tmp / "plain.db");
    CHECK(plain.size() == 13);
    CHECK(snapshot(tmp / "gz.db") == plain);
    CHECK(snapshot(tmp / "zst.db") == plain);
}

TEST_CASE("bad lines in a compressed file are reported with their line numbers") {
    TempDir tmp;
    write_gzip(read_file(kTestData + "/bad-records.jsonl"), tmp / "bad.jsonl.gz");
    const auto run = index_into(tmp / "db", {tmp / "bad.jsonl.gz"});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("bad.jsonl.gz:2: invalid JSON") != std::string::npos);
    CHECK(run.err.find("bad.jsonl.gz:4: missing body") != std::string::npos);
    CHECK(document_count(tmp / "db") == 3);
}

TEST_CASE("a cut-off or mislabelled compressed file is named with its fault: the other files are indexed") {
    TempDir tmp;
    const auto text = read_file(kCorpusDir + "/jsonl/dunia.jsonl") + read_file(kCorpusDir + "/jsonl/nasional.jsonl");
    std::filesystem::create_directories(tmp / "in");
    write_gzip(text, tmp / "whole.jsonl.gz");
    const auto gz = read_file(tmp / "whole.jsonl.gz");
    std::ofstream(tmp / "in/a-cut.jsonl.gz", std::ios::binary) << gz.substr(0, gz.size() * 2 / 3);
    std::ofstream(tmp / "in/b-plain.jsonl.zst", std::ios::binary) << text;  // not compressed at all
    std::ofstream(tmp / "in/c-good.jsonl", std::ios::binary) << read_file(kCorpusDir + "/jsonl/dunia.jsonl");
    const auto run = index_into(tmp / "db", {tmp / "in"});
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("a-cut.jsonl.gz:") != std::string::npos);
    CHECK(run.err.find(": gzip data ends early (truncated file?)") != std::string::npos);
    CHECK(run.err.find("b-plain.jsonl.zst:1: not zstd data") != std::string::npos);
    CHECK(run.err.find("read error") == std::string::npos);
    CHECK(run.err.find("invalid JSON") == std::string::npos);  // the cut line is not parsed as a record
    // The whole lines before the cut are indexed, and the good file in full.
    const auto documents = document_count(tmp / "db");
    CHECK(documents > 7);
    CHECK(documents < 13);  // ids repeat across the files: 13 is the whole of both
}

TEST_CASE("a compressed file whose data is corrupt is skipped whole: garbled text is never indexed") {
    // zstd and gzip check their data only at the end of a frame or member: read as it streams,
    // the lines before that check came out garbled (ids and dates with changed bytes).
    TempDir tmp;
    const auto text = read_file(kCorpusDir + "/jsonl/dunia.jsonl") + read_file(kCorpusDir + "/jsonl/nasional.jsonl");
    auto gz = testing::gzip_bytes(text);
    auto zst = testing::zstd_bytes(text, true, true);
    for (auto* bytes : {&gz, &zst}) bytes->replace(bytes->size() / 2, 8, "\xde\xad\xbe\xef\xde\xad\xbe\xef");
    std::filesystem::create_directories(tmp / "in");
    std::ofstream(tmp / "in/a.jsonl.gz", std::ios::binary) << gz;
    std::ofstream(tmp / "in/b.jsonl.zst", std::ios::binary) << zst;
    const auto run = index_into(tmp / "db", {tmp / "in"});
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("a.jsonl.gz: corrupt gzip data: ") != std::string::npos);
    CHECK(run.err.find("b.jsonl.zst: corrupt zstd data: ") != std::string::npos);
    CHECK(run.err.find("the file is skipped, none of it indexed") != std::string::npos);
    CHECK(document_count(tmp / "db") == 0);
}

TEST_CASE("compressed data piped as JSON Lines is one message, not one per line") {
    TempDir tmp;
    write_gzip(read_file(kCorpusDir + "/jsonl/dunia.jsonl"), tmp / "news.jsonl.gz");
    const auto run = run_process({kIndexBin, "-q", "--db", tmp / "db", "-"}, read_file(tmp / "news.jsonl.gz"));
    CHECK(run.exit_code == 1);
    CHECK(run.err == "telusur-index: -:1: gzip data: name the file .jsonl.gz, or pipe it through zcat; file skipped\n");
}

}  // namespace telusur::e2e
