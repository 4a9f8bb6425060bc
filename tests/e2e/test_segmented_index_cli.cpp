// End-to-end tests of telusur-index --segment-size: a run written in segments and merged gives
// the database a run in one piece gives, and survives being stopped or killed.
#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_fixture.h"

namespace telusur::e2e {

namespace {

bool has_unmerged_segments(const std::string& db) { return std::filesystem::exists(db + "/telusur-segments"); }

}  // namespace

TEST_CASE("--segment-size 100 builds the documents, ids, terms, values and data of --segment-size 0") {
    auto inputs = corpus_and_shared_inputs();
    // Every article twice: the second reading of an id finds it unchanged in an earlier segment.
    const auto once = inputs;
    inputs.insert(inputs.end(), once.begin(), once.end());
    TempDir tmp;
    const auto one_piece = index_with(tmp / "whole.db", {"--segment-size", "0", "--threads", "2"}, inputs);
    const auto in_segments = index_with(tmp / "segmented.db", {"--segment-size", "100", "--threads", "2"}, inputs);
    INFO(one_piece.err);
    INFO(in_segments.err);
    REQUIRE(one_piece.exit_code == 0);
    REQUIRE(in_segments.exit_code == 0);
    CHECK(document_count(tmp / "whole.db") >= 22);
    CHECK(describe_documents(tmp / "segmented.db") == describe_documents(tmp / "whole.db"));
    CHECK_FALSE(has_unmerged_segments(tmp / "segmented.db"));
    // The merged database is an ordinary one: searched, and updated in place by the next run.
    CHECK(query(tmp / "segmented.db", {"--count", "banjir"}).out == query(tmp / "whole.db", {"--count", "banjir"}).out);
    const auto again = index_into(tmp / "segmented.db", {"--segment-size", "100", kCorpusDir});
    CHECK(again.exit_code == 0);
    CHECK(again.err.find("unchanged ") != std::string::npos);
    CHECK(describe_documents(tmp / "segmented.db") == describe_documents(tmp / "whole.db"));
}

TEST_CASE("adding many articles to an existing database in segments gives what one piece gives") {
    if (!std::filesystem::exists(kSharedCorpus)) {
        MESSAGE("shared corpus absent, skipped: " << kSharedCorpus);
        return;
    }
    TempDir tmp;
    for (const std::string size : {"0", "100"}) {
        const auto db = tmp / ("db-" + size);
        REQUIRE(index_into(db, {kCorpusDir}).exit_code == 0);
        const auto added = index_into(db, {"--segment-size", size, kSharedCorpus});
        INFO(added.err);
        REQUIRE(added.exit_code == 0);
        CHECK_FALSE(has_unmerged_segments(db));
    }
    CHECK(document_count(tmp / "db-100") > 500);  // several segments of 100
    CHECK(describe_documents(tmp / "db-100") == describe_documents(tmp / "db-0"));
}

TEST_CASE("SIGTERM during a build in segments merges what was written: exit 130, resumable") {
    TempDir tmp;
    const auto status = interrupt_indexing(tmp, SIGTERM, tmp / "err.log", {"--segment-size", "10"});
    CHECK(status == 130);
    CHECK_FALSE(has_unmerged_segments(tmp / "db"));
    const auto partial = document_count(tmp / "db");
    CHECK(partial < 5000);
    const auto resumed = index_into(tmp / "db", {tmp / "many.jsonl"});
    CHECK(resumed.exit_code == 0);
    CHECK(resumed.err.find("unchanged " + std::to_string(partial)) != std::string::npos);
    CHECK(document_count(tmp / "db") == 5000);
}

TEST_CASE("a build in segments that is killed is merged by the next run, which completes it") {
    TempDir tmp;
    const auto status = interrupt_indexing(tmp, SIGKILL, tmp / "err.log", {"--segment-size", "10"});
    CHECK(status == 128 + SIGKILL);
    const auto first_segment = document_count(tmp / "db");  // readers see the first segment meanwhile
    CHECK(first_segment <= 10);
    const auto resumed = index_into(tmp / "db", {tmp / "many.jsonl"});
    INFO(resumed.err);
    CHECK(resumed.exit_code == 0);
    CHECK_FALSE(has_unmerged_segments(tmp / "db"));
    CHECK(document_count(tmp / "db") == 5000);
    // Ids in input order, as one uninterrupted run gives them, when the kill came after the
    // first segment (the merged segments are followed by the articles they did not hold yet).
    const auto whole = index_into(tmp / "whole.db", {"--segment-size", "0", tmp / "many.jsonl"});
    REQUIRE(whole.exit_code == 0);
    CHECK(describe_documents(tmp / "db") == describe_documents(tmp / "whole.db"));
}

TEST_CASE("a database named through a symbolic link, or as ., is merged and compacted where it is") {
    namespace fs = std::filesystem;
    TempDir tmp;
    fs::create_directory(tmp / "real.db");
    fs::create_directory_symlink("real.db", tmp / "link.db");
    const auto merged = index_with(tmp / "link.db", {"--segment-size", "5"}, {kCorpusDir});
    INFO(merged.err);
    REQUIRE(merged.exit_code == 0);
    const auto documents = document_count(tmp / "real.db");
    CHECK(documents >= 22);
    CHECK_FALSE(has_unmerged_segments(tmp / "real.db"));
    // The link still names the database: neither the merge nor --compact put a copy in its place.
    CHECK(fs::is_symlink(tmp / "link.db"));
    REQUIRE(index_with(tmp / "link.db", {"--compact"}, {}).exit_code == 0);
    CHECK(fs::is_symlink(tmp / "link.db"));
    CHECK(document_count(tmp / "real.db") == documents);
    CHECK_FALSE(fs::exists(tmp / "real.db.precompact"));

    // Run from inside the database folder: "." cannot be renamed, the folder it names can.
    fs::create_directory(tmp / "here.db");
    const auto inside = run_process({"/bin/sh", "-c", "cd '" + (tmp / "here.db") + "' && exec '" + kIndexBin +
                                                            "' --db . --segment-size 5 '" + kCorpusDir + "'"});
    INFO(inside.err);
    CHECK(inside.exit_code == 0);
    CHECK(document_count(tmp / "here.db") == documents);
    CHECK_FALSE(has_unmerged_segments(tmp / "here.db"));
}

}  // namespace telusur::e2e
