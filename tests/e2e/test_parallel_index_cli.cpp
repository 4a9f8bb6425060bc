// End-to-end tests of telusur-index --threads: any number of threads builds the same database.
#include <doctest/doctest.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>
#include <xapian.h>

#include "cli_fixture.h"

namespace telusur::e2e {

namespace {

const std::string kSharedCorpus = kCorpusDir + "/../../shared/corpus-data/detik-entity-1k/docs.jsonl";

/// Everything of one document: its terms with wdf and positions, its values and its data.
std::string describe(const Xapian::Database& db, Xapian::docid id) {
    std::ostringstream out;
    const auto doc = db.get_document(id);
    for (auto term = db.termlist_begin(id); term != db.termlist_end(id); ++term) {
        out << *term << " wdf=" << term.get_wdf() << " pos=";
        for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) out << *pos << ',';
        out << '\n';
    }
    for (auto value = doc.values_begin(); value != doc.values_end(); ++value)
        out << "value " << value.get_valueno() << '=' << *value << '\n';
    out << "data=" << doc.get_data() << '\n';
    return out.str();
}

/// stderr without the run time and throughput of the summary line, which differ between runs.
std::string without_timing(const std::string& err) {
    return std::regex_replace(err, std::regex(R"(, [0-9.]+ s, [0-9,]+ docs/s, [0-9.]+ MiB/s)"), "");
}

}  // namespace

TEST_CASE("--threads 4 builds the same documents, ids, terms, values and data as --threads 1") {
    std::vector<std::string> inputs{kCorpusDir};
    if (std::filesystem::exists(kSharedCorpus))
        inputs.push_back(kSharedCorpus);
    else
        MESSAGE("shared corpus absent, comparing corpus/ only: " << kSharedCorpus);
    TempDir tmp;
    auto one = inputs, four = inputs;
    one.insert(one.begin(), {"--threads", "1"});
    four.insert(four.begin(), {"--threads", "4"});
    const auto run1 = index_into(tmp / "one.db", one);
    const auto run4 = index_into(tmp / "four.db", four);
    INFO(run1.err);
    INFO(run4.err);
    REQUIRE(run1.exit_code == 0);
    REQUIRE(run4.exit_code == 0);
    CHECK(without_timing(run1.err) == without_timing(run4.err));

    const Xapian::Database db1(tmp / "one.db");
    const Xapian::Database db4(tmp / "four.db");
    REQUIRE(db1.get_doccount() == db4.get_doccount());
    REQUIRE(db1.get_lastdocid() == db4.get_lastdocid());
    CHECK(db1.get_doccount() >= 22);
    std::size_t differing = 0;
    for (auto id = db1.postlist_begin(""); id != db1.postlist_end(""); ++id) {
        const auto expected = describe(db1, *id);
        const auto actual = describe(db4, *id);
        if (expected != actual && ++differing <= 3) CHECK_MESSAGE(expected == actual, "docid " << *id);
    }
    CHECK(differing == 0);
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
