// Shared helpers of the end-to-end tests: paths of the real binaries and a corpus index.
#pragma once

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "process.h"

namespace telusur::e2e {

inline const std::string kIndexBin = TELUSUR_INDEX_BIN;
inline const std::string kQueryBin = TELUSUR_QUERY_BIN;
inline const std::string kCorpusDir = TELUSUR_CORPUS_DIR;
inline const std::string kTestData = TELUSUR_TEST_DATA_DIR;

inline ProcessResult index_into(const std::string& db, std::vector<std::string> inputs,
                                const std::string& input = {}) {
    std::vector<std::string> argv{kIndexBin, "--db", db};
    argv.insert(argv.end(), inputs.begin(), inputs.end());
    return run_process(argv, input);
}

/// telusur-index with `options` on `inputs`: two builds of the same inputs, compared.
inline ProcessResult index_with(const std::string& db, std::vector<std::string> options,
                                const std::vector<std::string>& inputs) {
    options.insert(options.end(), inputs.begin(), inputs.end());
    return index_into(db, std::move(options));
}

inline ProcessResult query(const std::string& db, std::vector<std::string> args) {
    std::vector<std::string> argv{kQueryBin, "--db", db};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv);
}

/// A database of corpus/ built once per test process (ctest runs each case in its own process).
inline const std::string& corpus_db() {
    static TempDir tmp;
    static const std::string db = [] {
        const auto run = index_into(tmp / "db", {kCorpusDir});
        if (run.exit_code != 0) FAIL("indexing corpus/ failed: " << run.err);
        return tmp / "db";
    }();
    return db;
}

/// 936 real articles of ../shared/corpus-data, read by path (never copied into the project).
inline const std::string kSharedCorpus = kCorpusDir + "/../../shared/corpus-data/detik-entity-1k/docs.jsonl";

/// corpus/, plus kSharedCorpus when it is there (a test then says it compares corpus/ only).
std::vector<std::string> corpus_and_shared_inputs();

/// Number of documents in a database, read with Xapian directly (not through our tools).
unsigned document_count(const std::string& db);

/// Every document of a database in docid order, each with its terms (wdf, positions), values and
/// data: equal for two databases that hold the same documents under the same ids.
std::string describe_documents(const std::string& db);

/// Writes `bytes` to `path`, as they are, creating its folders.
void write_file(const std::string& path, const std::string& bytes);

/// While alive, the binaries started run with the disk faults of e2e/disk_faults_preload.cpp
/// preloaded, the one `setting` (TELUSUR_FULL_DISK_AFTER, TELUSUR_STALL_MARKER) set to `value`;
/// the environment is put back on destruction.
class DiskFaults {
  public:
    DiskFaults(const std::string& setting, const std::string& value);
    ~DiskFaults();
    DiskFaults(const DiskFaults&) = delete;
    DiskFaults& operator=(const DiskFaults&) = delete;

  private:
    std::string setting_;
    std::string asan_options_;
};

/// Starts telusur-index (with `options`) on 5,000 small records in `tmp`/many.jsonl, committed
/// one at a time into `tmp`/db, waits for the database to appear, then sends `signal_number`.
/// Returns the exit status (128 + signal if killed) once Xapian's write lock is free again, as
/// for a user re-running after a kill; stderr goes to `log`.
int interrupt_indexing(const TempDir& tmp, int signal_number, const std::string& log,
                       const std::vector<std::string>& options = {});

}  // namespace telusur::e2e
