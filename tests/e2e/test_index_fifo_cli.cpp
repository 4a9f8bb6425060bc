// telusur-index fed through a FIFO (a feed, a pipe from another program): a run waiting on one
// stops at the first SIGTERM, whatever the input's format, and a second SIGTERM stops at once.
#include <doctest/doctest.h>

#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_fixture.h"
#include "compressed_bytes.h"

namespace telusur::e2e {

namespace {

/// Opens the FIFO `path` for writing once a reader has it open (ENXIO until then); -1 after 10 s.
int open_fifo_writer(const std::filesystem::path& path) {
    for (int i = 0; i < 1000; ++i) {
        if (const int fd = ::open(path.c_str(), O_WRONLY | O_NONBLOCK); fd >= 0) return fd;
        usleep(10000);
    }
    return -1;
}

std::string gzip_so_far(const std::string& text) { return testing::gzip_bytes(text, /*finish=*/false); }
std::string zstd_so_far(const std::string& text) { return testing::zstd_bytes(text, /*finish=*/false); }

}  // namespace

TEST_CASE("a run waiting on a FIFO gone quiet stops at the first SIGTERM and keeps what came") {
    const std::string records = "{\"id\": \"a1\", \"body\": \"Banjir melanda pesisir utara.\"}\n"
                                "{\"id\": \"a2\", \"body\": \"Harga cabai turun di pasar.\"}\n{\"id\": \"a3\", \"bo";
    struct Feed {
        std::string name;
        std::string bytes;
        unsigned documents;
    };
    // A text file is one article: cut off, it is not indexed.
    for (const auto& feed : {Feed{"feed.jsonl", records, 2}, Feed{"feed.jsonl.gz", gzip_so_far(records), 2},
                             Feed{"feed.jsonl.zst", zstd_so_far(records), 2},
                             Feed{"feed.txt", "Banjir di pesisir\n\nAir naik sejak", 0}}) {
        CAPTURE(feed.name);
        TempDir tmp;
        const auto path = tmp / feed.name;
        REQUIRE(mkfifo(path.c_str(), 0600) == 0);
        BackgroundProcess indexer({kIndexBin, "--db", tmp / "db", path});
        const int writer = open_fifo_writer(path);
        REQUIRE(writer >= 0);
        REQUIRE(::write(writer, feed.bytes.data(), feed.bytes.size()) == static_cast<ssize_t>(feed.bytes.size()));
        usleep(300000);  // read and analysed; the writer stays, silent, as a feed between two items
        indexer.signal(SIGTERM);
        CHECK(indexer.read_error_line(10000) ==
              "telusur-index: stopping after the records in progress (interrupt again to stop at once)");
        CHECK(indexer.wait(10000) == 130);  // -1 if it still waits for the FIFO
        std::string rest;
        for (std::string line; !(line = indexer.read_error_line(1000)).empty();) rest += line + "\n";
        CHECK(rest.find(feed.name + ":") == std::string::npos);  // the cut-off end is not reported
        ::close(writer);
        CHECK(document_count(tmp / "db") == feed.documents);
    }
}

TEST_CASE("a run busy with a long article stops at the second SIGTERM at once") {
    // The first signal lets the records in progress finish; analysing a text of 7 MiB takes
    // seconds (far longer under the sanitizers), which the second signal does not wait for.
    TempDir tmp;
    std::string text = "Laporan panjang\n\n";
    while (text.size() < (7u << 20))
        text += "Menteri Keuangan Sri Mulyani bertemu Gubernur Bank Indonesia Perry Warjiyo di Jakarta pada Senin. ";
    write_file(tmp / "long.txt", text);
    BackgroundProcess indexer({kIndexBin, "--db", tmp / "db", tmp / "long.txt"});
    for (int i = 0; i < 500 && !std::filesystem::exists(tmp / "db/iamglass"); ++i) usleep(10000);
    REQUIRE(std::filesystem::exists(tmp / "db/iamglass"));
    usleep(200000);
    indexer.signal(SIGTERM);
    CHECK(indexer.read_error_line(10000) ==
          "telusur-index: stopping after the records in progress (interrupt again to stop at once)");
    indexer.signal(SIGTERM);
    CHECK(indexer.wait(10000) == 130);
    CHECK(indexer.read_error_line(1000) ==
          "telusur-index: stopped at once; the database holds the batches committed before");
    CHECK(document_count(tmp / "db") == 0);  // throws if the database does not open
}

}  // namespace telusur::e2e
