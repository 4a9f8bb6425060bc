// Helpers of the end-to-end tests that need more than a line: see cli_fixture.h.
#include "cli_fixture.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

#include <xapian.h>

namespace telusur::e2e {

std::vector<std::string> corpus_and_shared_inputs() {
    std::vector<std::string> inputs{kCorpusDir};
    if (std::filesystem::exists(kSharedCorpus))
        inputs.push_back(kSharedCorpus);
    else
        MESSAGE("shared corpus absent, comparing corpus/ only: " << kSharedCorpus);
    return inputs;
}

unsigned document_count(const std::string& db) { return Xapian::Database(db).get_doccount(); }

DiskFaults::DiskFaults(const std::string& setting, const std::string& value) : setting_(setting) {
    const char* asan = std::getenv("ASAN_OPTIONS");
    asan_options_ = asan != nullptr ? asan : "";
    ::setenv(setting.c_str(), value.c_str(), 1);
    ::setenv("LD_PRELOAD", TELUSUR_DISK_FAULTS_PRELOAD, 1);
    // In the sanitizer pass the preloaded library comes before the sanitizer's runtime.
    ::setenv("ASAN_OPTIONS", (asan_options_ + ":verify_asan_link_order=0").c_str(), 1);
}

DiskFaults::~DiskFaults() {
    ::unsetenv("LD_PRELOAD");
    ::unsetenv(setting_.c_str());
    ::setenv("ASAN_OPTIONS", asan_options_.c_str(), 1);
}

std::string describe_documents(const std::string& path) {
    const Xapian::Database db(path);
    std::ostringstream out;
    out << "documents " << db.get_doccount() << ", last id " << db.get_lastdocid() << '\n';
    for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
        out << "docid " << *id << '\n';
        const auto doc = db.get_document(*id);
        for (auto term = db.termlist_begin(*id); term != db.termlist_end(*id); ++term) {
            out << *term << " wdf=" << term.get_wdf() << " pos=";
            for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) out << *pos << ',';
            out << '\n';
        }
        for (auto value = doc.values_begin(); value != doc.values_end(); ++value)
            out << "value " << value.get_valueno() << '=' << *value << '\n';
        out << "data=" << doc.get_data() << '\n';
    }
    return out.str();
}

void write_file(const std::string& path, const std::string& bytes) {
    if (const auto folder = std::filesystem::path(path).parent_path(); !folder.empty())
        std::filesystem::create_directories(folder);
    std::ofstream(path, std::ios::binary) << bytes;
}

int interrupt_indexing(const TempDir& tmp, int signal_number, const std::string& log,
                       const std::vector<std::string>& options) {
    std::string records;
    for (int i = 0; i < 5000; ++i)
        records += "{\"id\": \"k" + std::to_string(i) + "\", \"body\": \"berita nomor " + std::to_string(i) +
                   " tentang banjir\"}\n";
    write_file(tmp / "many.jsonl", records);
    std::vector<std::string> args{kIndexBin};
    args.insert(args.end(), options.begin(), options.end());
    for (const auto& arg : {std::string("--db"), tmp / "db", std::string("--batch-size"), std::string("1"), tmp / "many.jsonl"})
        args.push_back(arg);
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        std::freopen(log.c_str(), "w", stderr);
        execv(kIndexBin.c_str(), argv.data());
        _exit(127);
    }
    for (int i = 0; i < 500 && !std::filesystem::exists(tmp / "db/iamglass"); ++i) usleep(10000);
    usleep(100000);
    kill(pid, signal_number);
    int status = 0;
    waitpid(pid, &status, 0);
    // Xapian's write lock is held by a helper process that exits only once it notices its parent
    // is gone: wait for that, as a user re-running after a kill would, before resuming.
    for (int i = 0; i < 500; ++i) {
        try {
            Xapian::WritableDatabase probe(tmp / "db", Xapian::DB_OPEN);
            break;
        } catch (const Xapian::DatabaseLockError&) {
            usleep(10000);
        } catch (const Xapian::Error&) {
            break;  // not openable for another reason: the test's own checks will say
        }
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace telusur::e2e
