// End-to-end tests of telusur-index --threads: any number of threads builds the same database.
#include <doctest/doctest.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>
#include <xapian.h>

#include "cli_fixture.h"

namespace telusur::e2e {

namespace {

/// stderr without the run time and throughput of the summary line, which differ between runs.
std::string without_timing(const std::string& err) {
    return std::regex_replace(err, std::regex(R"(, [0-9.]+ s, [0-9,]+ docs/s, [0-9.]+ MiB/s)"), "");
}

}  // namespace

TEST_CASE("--threads 4 builds the same documents, ids, terms, values and data as --threads 1") {
    const auto inputs = corpus_and_shared_inputs();
    TempDir tmp;
    const auto run1 = index_with(tmp / "one.db", {"--threads", "1"}, inputs);
    const auto run4 = index_with(tmp / "four.db", {"--threads", "4"}, inputs);
    INFO(run1.err);
    INFO(run4.err);
    REQUIRE(run1.exit_code == 0);
    REQUIRE(run4.exit_code == 0);
    CHECK(without_timing(run1.err) == without_timing(run4.err));

    CHECK(document_count(tmp / "one.db") >= 22);
    CHECK(describe_documents(tmp / "four.db") == describe_documents(tmp / "one.db"));
}

TEST_CASE("--threads 4 reports bad records in input order, exactly as --threads 1 does") {
    TempDir tmp;
    std::string lines;
    for (int i = 1; i <= 300; ++i) {
        if (i % 7 == 0)
            lines += "{\"id\": \"bad-" + std::to_string(i) + "\", \"body\": \n";  // invalid JSON
        else if (i % 11 == 0)
            lines += "{\"id\": \"nobody-" + std::to_string(i) + "\"}\n";  // missing body
        else
            lines += "{\"id\": \"a" + std::to_string(i) + "\", \"title\": \"Berita nomor " + std::to_string(i) +
                     "\", \"body\": \"Presiden Joko Widodo meresmikan jembatan ke-" + std::to_string(i) +
                     " di Jakarta pada hari Senin.\"}\n";
    }
    write_file(tmp / "mixed.jsonl", lines);
    const auto run1 = index_into(tmp / "one.db", {"--threads", "1", tmp / "mixed.jsonl"});
    const auto run4 = index_into(tmp / "four.db", {"--threads", "4", tmp / "mixed.jsonl"});
    CHECK(run1.exit_code == 1);
    CHECK(run4.exit_code == 1);
    CHECK(run1.err.find(":7: ") != std::string::npos);
    CHECK(without_timing(run4.err) == without_timing(run1.err));
    CHECK(document_count(tmp / "four.db") == document_count(tmp / "one.db"));
}

TEST_CASE("re-indexing with --threads 4 finds every article unchanged") {
    TempDir tmp;
    REQUIRE(index_into(tmp / "db", {"--threads", "1", kCorpusDir}).exit_code == 0);
    const auto count = document_count(tmp / "db");
    const auto again = index_into(tmp / "db", {"--threads", "4", kCorpusDir});
    CHECK(again.exit_code == 0);
    CHECK(again.err.find("unchanged " + std::to_string(count)) != std::string::npos);
    CHECK(document_count(tmp / "db") == count);
}

TEST_CASE("SIGTERM stops a --threads 4 run cleanly: what was written is committed, exit 130, resumable") {
    TempDir tmp;
    const auto status = interrupt_indexing(tmp, SIGTERM, tmp / "err.log", {"--threads", "4"});
    CHECK(status == 130);
    const auto partial = document_count(tmp / "db");
    CHECK(partial < 5000);
    const auto resumed = index_into(tmp / "db", {"--threads", "4", tmp / "many.jsonl"});
    CHECK(resumed.exit_code == 0);
    CHECK(resumed.err.find("unchanged " + std::to_string(partial)) != std::string::npos);
    CHECK(document_count(tmp / "db") == 5000);
}

}  // namespace telusur::e2e
