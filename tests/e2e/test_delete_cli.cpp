// telusur-index --delete and --delete-from: retracted articles leave the index, ids it does not
// hold are told, and a list on a pipe that never ends still stops.
#include <doctest/doctest.h>

#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_fixture.h"

namespace telusur::e2e {

namespace {

/// A database of corpus/ of its own, for a test that deletes from it.
std::string corpus_copy(const TempDir& tmp) {
    const auto db = tmp / "db";
    REQUIRE(index_into(db, {kCorpusDir}).exit_code == 0);
    return db;
}

}  // namespace

TEST_CASE("--delete takes an article out of search, and an id the database lacks is told with exit 1") {
    TempDir tmp;
    const auto db = corpus_copy(tmp);
    const auto before = document_count(db);
    REQUIRE(query(db, {"--ids", "banjir"}).out.find("dun-005\n") != std::string::npos);

    const auto run = run_process({kIndexBin, "--db", db, "--delete", "dun-005", "--delete", "tidak-ada"});
    CHECK(run.exit_code == 1);
    CHECK(run.out.empty());
    CHECK(run.err.starts_with("telusur-index: --delete: no article with id 'tidak-ada'\n"
                              "telusur-index: deleted 1, not found 1, "));
    CHECK(document_count(db) == before - 1);
    const auto after = query(db, {"--ids", "banjir"});
    CHECK(after.exit_code == 0);
    CHECK(after.out.find("dun-005") == std::string::npos);
    CHECK(after.out.find("nas-002\n") != std::string::npos);

    const auto quiet = run_process({kIndexBin, "--db", db, "-q", "--delete", "nas-002"});
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.err.empty());
}

TEST_CASE("--delete-from deletes the ids telusur-query --ids prints, from a pipe or a file, bad lines told") {
    TempDir tmp;
    const auto db = corpus_copy(tmp);
    const auto before = document_count(db);
    const auto ids = query(db, {"--ids", "--no-collapse", "banjir"});
    REQUIRE(ids.exit_code == 0);
    const auto piped = run_process({kIndexBin, "--db", db, "--delete-from", "-"}, ids.out);
    CHECK(piped.exit_code == 0);
    CHECK(piped.err.starts_with("telusur-index: deleted 3, not found 0, "));
    CHECK(query(db, {"--count", "banjir"}).out == "0\n");
    CHECK(document_count(db) == before - 3);

    write_file(tmp / "hapus.txt", "dun-003\r\n\nberita/2024-11-banjir-kota-bekasi.txt\nnas\xff\n");
    const auto listed = run_process({kIndexBin, "--db", db, "--delete-from", tmp / "hapus.txt"});
    CHECK(listed.exit_code == 1);
    CHECK(listed.err.starts_with("telusur-index: " + tmp / "hapus.txt" + ":4: not valid UTF-8 (byte 4): skipped\n"
                                 "telusur-index: " + tmp / "hapus.txt" + ":3: no article with id "
                                 "'berita/2024-11-banjir-kota-bekasi.txt'\n"
                                 "telusur-index: deleted 1, not found 1, "));
    CHECK(document_count(db) == before - 4);
}

TEST_CASE("deleting from a database that does not exist creates none and exits 2") {
    TempDir tmp;
    const auto run = run_process({kIndexBin, "--db", tmp / "none", "--delete", "a"});
    CHECK(run.exit_code == 2);
    CHECK(run.err == "telusur-index: no database at '" + tmp / "none" + "': nothing to delete from\n");
    CHECK_FALSE(std::filesystem::exists(tmp / "none"));
    const auto missing_list = run_process({kIndexBin, "--db", tmp / "none", "--delete-from", tmp / "none.txt"});
    CHECK(missing_list.exit_code == 2);
    CHECK(missing_list.err ==
          "telusur-index: id list '" + tmp / "none.txt" + "': cannot open file: No such file or directory\n");
    const auto both_stdin = run_process({kIndexBin, "--db", tmp / "none", "--delete-from", "-", "-"});
    CHECK(both_stdin.exit_code == 2);
    CHECK_FALSE(std::filesystem::exists(tmp / "none"));
}

TEST_CASE("a run deletes before it indexes, and --compact compacts after deleting") {
    TempDir tmp;
    const auto db = corpus_copy(tmp);
    const auto before = document_count(db);
    // The inputs hold the deleted article again: it comes back, new.
    const auto again = run_process({kIndexBin, "--db", db, "--delete", "dun-005", kCorpusDir});
    CHECK(again.exit_code == 0);
    CHECK(again.err.find("telusur-index: deleted 1, not found 0\n") != std::string::npos);
    CHECK(again.err.find("(new 1, replaced 0), unchanged " + std::to_string(before - 1)) != std::string::npos);
    CHECK(document_count(db) == before);

    const auto compacted = run_process({kIndexBin, "--db", db, "--compact", "--delete", "dun-005"});
    CHECK(compacted.exit_code == 0);
    CHECK(compacted.err.find("telusur-index: compacted ") != std::string::npos);
    CHECK(document_count(db) == before - 1);
    CHECK_FALSE(std::filesystem::exists(db + ".precompact"));
}

TEST_CASE("SIGTERM while an id list on a FIFO sends nothing stops the run with exit 130, nothing deleted") {
    TempDir tmp;
    const auto db = corpus_copy(tmp);
    const auto before = document_count(db);
    const auto fifo = tmp / "ids.fifo";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    BackgroundProcess deleting({kIndexBin, "--db", db, "--delete-from", fifo});
    int writer = -1;
    for (int i = 0; i < 1000 && writer < 0; ++i) {
        writer = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);  // ENXIO until the reader has it open
        if (writer < 0) usleep(10000);
    }
    REQUIRE(writer >= 0);
    const std::string ids = "dun-005\n";
    REQUIRE(::write(writer, ids.data(), ids.size()) == static_cast<ssize_t>(ids.size()));
    usleep(300000);
    deleting.signal(SIGTERM);
    CHECK(deleting.wait(10000) == 130);  // -1 if it still waits for the list
    ::close(writer);
    CHECK(document_count(db) == before);
}

}  // namespace telusur::e2e
