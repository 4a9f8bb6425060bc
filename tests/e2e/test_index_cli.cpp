// End-to-end tests of telusur-index: the real binary on real files.
#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "cli_fixture.h"
#include "utf16_bytes.h"

namespace telusur::e2e {

namespace {

/// Articles in corpus/: .txt files plus the lines of .jsonl files.
unsigned corpus_article_count() {
    unsigned count = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kCorpusDir)) {
        const auto ext = entry.path().extension();
        if (ext == ".txt") ++count;
        if (ext == ".jsonl") {
            std::ifstream in(entry.path());
            for (std::string line; std::getline(in, line);)
                if (line.find_first_not_of(" \t\r") != std::string::npos) ++count;
        }
    }
    return count;
}

}  // namespace

TEST_CASE("indexing corpus/ indexes every article and skips nothing") {
    TempDir tmp;
    const auto run = index_into(tmp / "db", {kCorpusDir});
    INFO(run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.err.find("skipped 0") != std::string::npos);
    CHECK(document_count(tmp / "db") == corpus_article_count());
    CHECK(corpus_article_count() >= 22);
}

TEST_CASE("re-indexing the same input is idempotent") {
    TempDir tmp;
    REQUIRE(index_into(tmp / "db", {kCorpusDir}).exit_code == 0);
    const auto first = document_count(tmp / "db");
    const auto again = index_into(tmp / "db", {kCorpusDir});
    CHECK(again.exit_code == 0);
    CHECK(document_count(tmp / "db") == first);
    CHECK(again.err.find("indexed 0") != std::string::npos);
    CHECK(again.err.find("unchanged " + std::to_string(first)) != std::string::npos);
}

TEST_CASE("a changed article replaces its document instead of adding one") {
    TempDir tmp;
    write_file(tmp / "a.txt", "Judul pertama\n\nIsi berita yang pertama.\n");
    REQUIRE(index_into(tmp / "db", {tmp / "a.txt"}).exit_code == 0);
    write_file(tmp / "a.txt", "Judul kedua\n\nIsi berita yang sudah diperbarui.\n");
    const auto run = index_into(tmp / "db", {tmp / "a.txt"});
    CHECK(run.exit_code == 0);
    CHECK(run.err.find("replaced 1") != std::string::npos);
    CHECK(document_count(tmp / "db") == 1);
    const auto found = query(tmp / "db", {"diperbarui"});
    CHECK(found.exit_code == 0);
    CHECK(found.out.find("Judul kedua") != std::string::npos);
}

TEST_CASE("bad JSON lines are reported with file and line and the good lines are indexed") {
    TempDir tmp;
    const auto file = kTestData + "/bad-records.jsonl";
    const auto run = index_into(tmp / "db", {file});
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("telusur-index: " + file + ":2: invalid JSON") != std::string::npos);
    CHECK(run.err.find(file + ":4: missing body") != std::string::npos);
    CHECK(run.err.find(file + ":5: invalid UTF-8") != std::string::npos);
    CHECK(run.err.find("skipped 3") != std::string::npos);
    CHECK(document_count(tmp / "db") == 3);
}

TEST_CASE("a date field that holds no date is told with file and line, and the article indexed by its text's date") {
    TempDir tmp;
    write_file(tmp / "dated.jsonl",
               "{\"id\": \"a\", \"body\": \"JAKARTA, Senin (4/11/2024) - Banjir.\", \"date\": \"2024-02-30\"}\n"
               "{\"id\": \"b\", \"body\": \"Banjir lagi.\", \"date\": \"kemarin\"}\n"
               "{\"id\": \"c\", \"body\": \"Banjir pula.\", \"date\": \"Senin, 4 Nov 2024 10:00 WIB\"}\n"
               "{\"id\": \"d\", \"body\": \"Lain.\", \"date\": \"" + std::string(30, 'x') + std::string(9, 'e') + "\u00e9\u00e9\"}\n");
    for (const char* threads : {"1", "2"}) {  // the same notes, in order, from the parallel pipeline
        CAPTURE(threads);
        const auto db = tmp / (std::string("db") + threads);
        const auto run = index_with(db, {"--threads", threads}, {tmp / "dated.jsonl"});
        CHECK(run.exit_code == 0);  // nothing was skipped
        const auto a = run.err.find("dated.jsonl:1: date '2024-02-30' is not a date");
        const auto b = run.err.find("dated.jsonl:2: date 'kemarin' is not a date");
        CHECK(a != std::string::npos);
        CHECK(b != std::string::npos);
        CHECK(a < b);
        CHECK(run.err.find("dated.jsonl:3") == std::string::npos);
        // A long field is cut to 40 bytes, backed up to a whole character ('é' is two bytes).
        CHECK(run.err.find("dated.jsonl:4: date '" + std::string(30, 'x') + std::string(9, 'e') + "…' is not a date") !=
              std::string::npos);
        CHECK(document_count(db) == 4);
        // Filtered and shown by the date of its text, not by the field that holds none.
        const auto dated = query(db, {"--format", "json", "--since", "2024-11-04", "--until", "2024-11-04", "banjir"});
        const auto hits = nlohmann::json::parse(dated.out)["hits"];
        REQUIRE(hits.size() == 2);
        for (const auto& hit : hits) CHECK(hit["date"] != "2024-02-30");
    }
}

TEST_CASE("empty and binary files are reported and skipped, the rest is indexed") {
    TempDir tmp;
    std::filesystem::create_directory(tmp / "in");
    write_file(tmp / "in/empty.txt", "");
    write_file(tmp / "in/binary.txt", std::string("ab\0cd\n", 6));
    write_file(tmp / "in/bad-utf8.txt", "Judul\n\nbaris dua\ncaf\xe9\n");
    write_file(tmp / "in/good.txt", "Judul baik\n\nIsi berita baik.\n");
    const auto run = index_into(tmp / "db", {tmp / "in"});
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("empty.txt: empty file") != std::string::npos);
    CHECK(run.err.find("binary.txt:1: binary file") != std::string::npos);
    CHECK(run.err.find("bad-utf8.txt:4: invalid UTF-8") != std::string::npos);
    CHECK(document_count(tmp / "db") == 1);
}

TEST_CASE("in a folder, a broken link is reported and skipped, a FIFO passed over without waiting") {
    TempDir tmp;
    std::filesystem::create_directory(tmp / "in");
    write_file(tmp / "in/good.txt", "Judul baik\n\nIsi berita baik.\n");
    std::filesystem::create_symlink(tmp / "moved/away.txt", tmp / "in/link.txt");
    REQUIRE(mkfifo((tmp / "in/feed.jsonl").c_str(), 0600) == 0);
    const auto run = index_into(tmp / "db", {tmp / "in"});
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("link.txt: cannot open file: broken symbolic link\n") != std::string::npos);
    CHECK(run.err.find("feed.jsonl") == std::string::npos);
    CHECK(document_count(tmp / "db") == 1);
}

TEST_CASE("a folder that cannot be read is reported and skipped, and the rest of the archive indexed") {
    // Root reads any folder: the run drops its capabilities (util-linux's setpriv, in every
    // Debian) so that the folder's permissions count, as they do for any other user.
    std::vector<std::string> as_user;
    if (geteuid() == 0) {
        as_user = {"/usr/bin/setpriv", "--inh-caps=-all", "--bounding-set=-all"};
        if (run_process({as_user[0], as_user[1], as_user[2], "/bin/true"}).exit_code != 0) {
            WARN_MESSAGE(false, "setpriv cannot drop capabilities here: test not run");
            return;
        }
    }
    TempDir tmp;
    std::filesystem::create_directories(tmp / "in/terkunci");
    write_file(tmp / "in/awal.txt", "Judul awal\n\nIsi berita awal.\n");
    write_file(tmp / "in/terkunci/dalam.txt", "Judul dalam\n\nIsi berita dalam.\n");
    write_file(tmp / "in/zaman.txt", "Judul zaman\n\nIsi berita zaman.\n");
    std::filesystem::permissions(tmp / "in/terkunci", std::filesystem::perms::none);
    auto argv = as_user;
    for (const auto& arg : {kIndexBin, std::string("--db"), tmp / "db", tmp / "in"}) argv.push_back(arg);
    const auto run = run_process(argv);
    std::filesystem::permissions(tmp / "in/terkunci", std::filesystem::perms::owner_all);  // for TempDir
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find(tmp / "in/terkunci: cannot read folder: Permission denied: skipped\n") != std::string::npos);
    CHECK(document_count(tmp / "db") == 2);
}

TEST_CASE("a record over 8 MiB (a file without line breaks) is skipped with a message, the rest indexed") {
    TempDir tmp;
    std::filesystem::create_directory(tmp / "in");
    const std::string good = "{\"id\": \"kecil\", \"body\": \"Berita pendek.\"}\n";
    std::string huge = "{\"id\": \"besar\", \"body\": \"";
    huge.append((std::size_t{8} << 20) + 1, 'a').append("\"}\n");
    write_file(tmp / "in/arsip.jsonl", good + huge + good);
    write_file(tmp / "in/tanpa-baris.txt", huge);
    write_file(tmp / "in/baik.txt", "Judul baik\n\nIsi berita baik.\n");
    const auto run = index_into(tmp / "db", {tmp / "in"});
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("arsip.jsonl:2: line longer than 8 MiB (no line breaks?): skipped") != std::string::npos);
    CHECK(run.err.find("tanpa-baris.txt: file larger than 8 MiB: skipped") != std::string::npos);
    CHECK(document_count(tmp / "db") == 2);  // "kecil" twice is one document, and baik.txt
}

TEST_CASE("files and stdin saved as UTF-16 index the same documents as their UTF-8 originals") {
    using telusur::testing::ByteOrder;
    using telusur::testing::utf16_bytes;
    const std::string jsonl = "{\"id\": \"j1\", \"title\": \"Kafe\", \"body\": \"Café di Bogor buka 24 jam.\"}\r\n";
    const std::string csv = "id,title,body\r\nc1,Jembatan,\"Jembatan ambruk, warga selamat.\"\r\n";
    const std::string text = "Banjir di Kampung Melayu\r\n\r\nAir setinggi 1,5 meter — kata warga.\r\n";
    TempDir tmp;
    write_file(tmp / "utf8/a.jsonl", jsonl);
    write_file(tmp / "utf8/b.csv", csv);
    write_file(tmp / "utf8/c.txt", text);
    write_file(tmp / "utf16/a.jsonl", utf16_bytes(jsonl));
    write_file(tmp / "utf16/b.csv", utf16_bytes(csv, ByteOrder::Big));
    write_file(tmp / "utf16/c.txt", utf16_bytes(text));
    const auto utf8 = index_into(tmp / "db8", {tmp / "utf8"});
    const auto utf16 = index_into(tmp / "db16", {tmp / "utf16"});
    INFO(utf16.err);
    REQUIRE(utf8.exit_code == 0);
    REQUIRE(utf16.exit_code == 0);
    CHECK(document_count(tmp / "db16") == 3);
    CHECK(describe_documents(tmp / "db16") == describe_documents(tmp / "db8"));
    CHECK(query(tmp / "db16", {"--count", "café"}).out == "1\n");

    // PowerShell 5's pipe writes UTF-16 too.
    const auto piped = index_into(tmp / "dbpipe", {"-"}, utf16_bytes(jsonl));
    CHECK(piped.exit_code == 0);
    CHECK(query(tmp / "dbpipe", {"--count", "bogor"}).out == "1\n");
}

TEST_CASE("JSON Lines on stdin with -") {
    TempDir tmp;
    const auto run = index_into(tmp / "db", {"-"},
                                "{\"id\": \"s1\", \"title\": \"Dari stdin\", \"body\": \"Berita dari pipa.\"}\n");
    CHECK(run.exit_code == 0);
    CHECK(document_count(tmp / "db") == 1);
    CHECK(query(tmp / "db", {"pipa"}).exit_code == 0);
}

TEST_CASE("no input is fatal and creates no database") {
    TempDir tmp;
    std::filesystem::create_directory(tmp / "empty-folder");
    const auto none = index_into(tmp / "db", {tmp / "empty-folder"});
    CHECK(none.exit_code == 2);
    CHECK(none.err.find("no input") != std::string::npos);
    const auto missing = index_into(tmp / "db", {tmp / "does-not-exist"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("does-not-exist") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp / "db"));
}

TEST_CASE("a file-size limit is a write error with the way on, not death by SIGXFSZ") {
    // `ulimit -f` on a shared machine: the kernel sends SIGXFSZ, which kills by default, as
    // well as failing the write. The child inherits the limit and the default action.
    if (!std::filesystem::exists(kSharedCorpus)) {
        MESSAGE("shared corpus absent, skipped: " << kSharedCorpus);
        return;
    }
    TempDir tmp;
    rlimit unlimited{};
    REQUIRE(getrlimit(RLIMIT_FSIZE, &unlimited) == 0);
    rlimit limited = unlimited;
    limited.rlim_cur = 64 * 1024;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &limited) == 0);
    const auto run = index_into(tmp / "db", {kSharedCorpus});
    REQUIRE(setrlimit(RLIMIT_FSIZE, &unlimited) == 0);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("cannot write database '" + std::string(tmp / "db") + "': ") != std::string::npos);
    CHECK(run.err.find("(File too large)") != std::string::npos);
    CHECK(run.err.find("run the same command again to resume") != std::string::npos);
    const auto again = index_into(tmp / "db", {kSharedCorpus});  // room again: the run completes
    CHECK(again.exit_code == 0);
}

TEST_CASE("a disk that fills during a commit is a write error with the way on, never an abort") {
    // Xapian 1.4.22 ends the process inside some failed commits, when its clean-up meets the
    // full disk again ("terminate called …", exit 134). With these articles, a disk full after
    // 12,000,000 bytes of table writes is such a case (found by trying budgets; at 3,000,000
    // Xapian fails the commit cleanly). Both must say the same, exit 2, and leave a database.
    const std::string articles = kCorpusDir + "/../../shared/corpus-data/indonews-2025/docs.jsonl";
    if (!std::filesystem::exists(articles)) {
        MESSAGE("shared corpus absent, skipped: " << articles);
        return;
    }
    for (const char* budget : {"12000000", "3000000"}) {
        CAPTURE(budget);
        TempDir tmp;
        const auto run = [&] {
            const DiskFaults full_disk("TELUSUR_FULL_DISK_AFTER", budget);
            return index_into(tmp / "db", {articles});
        }();
        CHECK(run.exit_code == 2);
        CHECK(run.err.find("cannot write database '" + std::string(tmp / "db") + "': ") != std::string::npos);
        CHECK(run.err.find("(No space left on device)") != std::string::npos);
        CHECK(run.err.find("run the same command again to resume") != std::string::npos);
        CHECK(run.err.find("terminate") == std::string::npos);
        CHECK(query(tmp / "db", {"tentara"}).exit_code <= 1);  // it answers: hits or none
    }
}

TEST_CASE("a database locked by another writer gives a clear message and exit 2") {
    TempDir tmp;
    Xapian::WritableDatabase holder(tmp / "db", Xapian::DB_CREATE_OR_OPEN);
    const auto run = index_into(tmp / "db", {kCorpusDir});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("locked") != std::string::npos);
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
}

TEST_CASE("--db naming the archive itself is refused before anything is written, even with --compact") {
    TempDir tmp;
    const std::string archive = tmp / "arsip";
    std::filesystem::create_directories(archive);
    write_file(archive + "/banjir.txt", "Banjir di Bekasi\n\nBanjir merendam Bekasi.\n");
    const auto run = index_with(archive, {"--compact"}, {archive});
    CHECK(run.exit_code == 2);
    CHECK(run.err == "telusur-index: '" + archive +
                         "' is not a database and holds other files ('banjir.txt'); --db names a database "
                         "folder, new or empty\n");
    CHECK(std::filesystem::exists(archive + "/banjir.txt"));
    CHECK(std::distance(std::filesystem::directory_iterator(archive), std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("bad options exit 2 with a message") {
    const auto run = run_process({kIndexBin, "--db"});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("telusur-index:") != std::string::npos);
    const auto empty = run_process({kIndexBin, "--db", "", kCorpusDir});
    CHECK(empty.exit_code == 2);
    CHECK(empty.err == "telusur-index: --db needs a database folder (see --help)\n");
}

TEST_CASE("SIGTERM stops indexing cleanly: work so far committed, exit 130, resumable") {
    TempDir tmp;
    const auto status = interrupt_indexing(tmp, SIGTERM, tmp / "err.log");
    CHECK(status == 130);
    std::ifstream log(tmp / "err.log");
    const std::string err((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    CHECK(err.find("interrupted") != std::string::npos);
    const auto partial = document_count(tmp / "db");
    CHECK(partial > 0);
    CHECK(partial < 5000);
    const auto resumed = index_into(tmp / "db", {tmp / "many.jsonl"});
    CHECK(resumed.exit_code == 0);
    CHECK(resumed.err.find("unchanged " + std::to_string(partial)) != std::string::npos);
    CHECK(document_count(tmp / "db") == 5000);
}

TEST_CASE("a killed run leaves a database that opens and answers, and the next run completes it") {
    TempDir tmp;
    const auto status = interrupt_indexing(tmp, SIGKILL, tmp / "err.log");
    CHECK(status == 128 + SIGKILL);
    const auto partial = document_count(tmp / "db");  // throws if the database does not open
    CHECK(partial < 5000);
    CHECK(query(tmp / "db", {"banjir"}).exit_code == (partial > 0 ? 0 : 1));
    const auto resumed = index_into(tmp / "db", {tmp / "many.jsonl"});
    CHECK(resumed.exit_code == 0);
    CHECK(document_count(tmp / "db") == 5000);
}

TEST_CASE("two records with one id keep the later, and the run says so at the later one's line") {
    const std::string lines = R"({"id": "dup", "body": "Banjir melanda kota."})" "\n"
                              R"({"id": "lain", "body": "Gempa melanda desa."})" "\n"
                              R"({"id": "dup", "body": "Kebakaran melanda pasar."})" "\n";
    for (const char* threads : {"1", "2"}) {
        CAPTURE(threads);
        TempDir tmp;
        write_file(tmp / "dup.jsonl", lines);
        const auto run = index_with(tmp / "db", {"--threads", threads}, {tmp / "dup.jsonl"});
        CHECK(run.exit_code == 1);
        CHECK(run.err.find("dup.jsonl:3: id 'dup' was already indexed in this run") != std::string::npos);
        CHECK(run.err.find("repeated ids 1") != std::string::npos);
        CHECK(document_count(tmp / "db") == 2);
        CHECK(query(tmp / "db", {"--ids", "kebakaran"}).out == "dup\n");
        CHECK(query(tmp / "db", {"--ids", "banjir"}).exit_code == 1);
    }
}

}  // namespace telusur::e2e
