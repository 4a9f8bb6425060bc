// End-to-end tests of telusur-index's progress line, summary throughput and --compact.
#include <doctest/doctest.h>

#include <csignal>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include <xapian.h>

#include "cli_fixture.h"

using namespace telusur::e2e;
namespace fs = std::filesystem;

namespace {

const std::string kJsonl = kCorpusDir + "/jsonl/nasional.jsonl";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Ids of the hits of `text`, in rank order.
std::string ranked_ids(const std::string& db, const std::string& text) {
    return query(db, {"--ids", "--limit", "20", text}).out;
}

std::uintmax_t folder_bytes(const std::string& path) {
    std::uintmax_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(path))
        if (entry.is_regular_file()) total += entry.file_size();
    return total;
}

}  // namespace

TEST_CASE("no progress line when stderr is not a terminal: only the summary, with throughput") {
    TempDir tmp;
    const auto run = index_into(tmp / "db", {kCorpusDir});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK_FALSE(contains(run.err, "\r"));
    CHECK_FALSE(contains(run.err, "ETA"));
    CHECK(contains(run.err, "telusur-index: read "));
    CHECK(contains(run.err, " docs/s, "));
    CHECK(contains(run.err, " MiB/s"));
}

TEST_CASE("--progress draws the line in place with percent done for files of known size, then clears it") {
    TempDir tmp;
    const auto run = index_into(tmp / "db", {"--progress", kCorpusDir});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(contains(run.err, "\rtelusur-index: 1 docs  "));  // the first record is always drawn
    CHECK(contains(run.err, " MiB  "));
    CHECK(contains(run.err, "%"));
    CHECK(contains(run.err, "\r\x1b[Ktelusur-index: read "));  // erased before the summary
}

TEST_CASE("--progress on stdin shows MiB read but no percent, since the size is unknown") {
    TempDir tmp;
    const auto run = run_process({kIndexBin, "--db", tmp / "db", "--progress", "-"},
                                 R"({"id": "a", "title": "Banjir", "body": "Banjir melanda Jakarta."})" "\n");
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(contains(run.err, "\rtelusur-index: 1 docs  0.0 MiB"));
    CHECK_FALSE(contains(run.err, "%"));
}

TEST_CASE("--quiet prints neither progress nor summary, even with --progress") {
    TempDir tmp;
    const auto run = index_into(tmp / "db", {"-q", "--progress", kCorpusDir});
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
}

TEST_CASE("--compact after indexing keeps every document, id and ranking, and shrinks the folder") {
    TempDir tmp;
    const auto plain = tmp / "plain.db";
    const auto compacted = tmp / "compacted.db";
    REQUIRE(index_into(plain, {kCorpusDir}).exit_code == 0);
    const auto run = index_into(compacted, {"--compact", kCorpusDir});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(contains(run.err, "telusur-index: compacted "));
    CHECK(document_count(compacted) == document_count(plain));
    CHECK(Xapian::Database(compacted).get_lastdocid() == Xapian::Database(plain).get_lastdocid());
    CHECK(folder_bytes(compacted) < folder_bytes(plain));
    for (const auto* text : {"tentara Korut Kursk", "banjir Jakarta", "harga beras"})
        CHECK(ranked_ids(compacted, text) == ranked_ids(plain, text));
    CHECK_FALSE(fs::exists(tmp / "compacted.db.compacting"));
    CHECK_FALSE(fs::exists(tmp / "compacted.db.precompact"));

    // An index that was compacted can be updated again.
    const auto more = index_into(compacted, {kJsonl});
    CHECK(more.exit_code == 0);
}

TEST_CASE("--compact with no inputs compacts alone, and removes a copy left by a killed compaction") {
    TempDir tmp;
    const auto db = tmp / "db";
    REQUIRE(index_into(db, {kCorpusDir}).exit_code == 0);
    const auto before = document_count(db);
    fs::create_directories(tmp / "db.compacting");
    const auto run = run_process({kIndexBin, "--db", db + "/", "--compact"});  // a trailing slash, as shells complete
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(document_count(db) == before);
    CHECK_FALSE(fs::exists(tmp / "db.compacting"));
    CHECK_FALSE(fs::exists(tmp / "db/.compacting"));
}

TEST_CASE("SIGTERM or Ctrl-C during --compact stops at once, says so, and leaves the database as it was") {
    for (const int signal_number : {SIGTERM, SIGINT}) {
        CAPTURE(signal_number);
        TempDir tmp;
        const auto db = tmp / "db";
        REQUIRE(index_into(db, {kCorpusDir}).exit_code == 0);
        const auto before = describe_documents(db);
        const auto marker = tmp / "stalled";
        // The first table write of the compaction stalls; the signal comes while it waits.
        auto compaction = [&] {
            const DiskFaults stalled_disk("TELUSUR_STALL_MARKER", marker);
            return std::make_unique<BackgroundProcess>(std::vector<std::string>{kIndexBin, "--db", db, "--compact"});
        }();
        for (int waited = 0; !fs::exists(marker) && waited < 30'000; waited += 10) usleep(10'000);
        REQUIRE(fs::exists(marker));
        std::string err;
        CHECK(compaction->stop(signal_number, &err) == 130);
        CHECK(contains(err, "telusur-index: compaction stopped; the database is as it was before "
                            "(the next --compact removes the partial copy)\n"));
        CHECK(describe_documents(db) == before);
        CHECK(fs::exists(tmp / "db.compacting"));  // the partial copy

        const auto again = run_process({kIndexBin, "--db", db, "--compact"});
        CHECK(again.exit_code == 0);
        CHECK_FALSE(fs::exists(tmp / "db.compacting"));
        CHECK(document_count(db) > 0);
    }
}

TEST_CASE("--compact puts back a database left under its retired name by a run killed mid-swap") {
    TempDir tmp;
    REQUIRE(index_into(tmp / "db", {kCorpusDir}).exit_code == 0);
    const auto before = document_count(tmp / "db");
    fs::rename(tmp / "db", tmp / "db.precompact");
    const auto run = run_process({kIndexBin, "--db", tmp / "db", "--compact"});
    INFO(run.err);
    CHECK(run.exit_code == 0);
    CHECK(document_count(tmp / "db") == before);
    CHECK_FALSE(fs::exists(tmp / "db.precompact"));
}

TEST_CASE("--compact refuses a missing database and a locked one, leaving it intact, exit 2") {
    TempDir tmp;
    const auto missing = run_process({kIndexBin, "--db", tmp / "nope.db", "--compact"});
    CHECK(missing.exit_code == 2);
    CHECK(contains(missing.err, "nope.db"));

    const auto db = tmp / "db";
    REQUIRE(index_into(db, {kCorpusDir}).exit_code == 0);
    const auto before = document_count(db);
    {
        Xapian::WritableDatabase writer(db, Xapian::DB_OPEN);  // another writer holds the lock
        const auto locked = run_process({kIndexBin, "--db", db, "--compact"});
        CHECK(locked.exit_code == 2);
        CHECK(contains(locked.err, "locked"));
    }
    CHECK(document_count(db) == before);
    CHECK_FALSE(fs::exists(tmp / "db.compacting"));
}

TEST_CASE("without inputs and without --compact there is nothing to do: a usage error, exit 2") {
    TempDir tmp;
    const auto run = run_process({kIndexBin, "--db", tmp / "db"});
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "--compact"));
}
