// telusur-index's command line: one struct of settings, parsed and validated in one place.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "telusur/source/record_fields.h"

namespace telusur::indexer {

struct Options {
    std::string db;                   ///< Database folder, created if missing.
    std::vector<std::string> inputs;  ///< Files, folders, or "-" for JSONL on stdin.
    std::size_t batch_size = 1000;    ///< Documents per commit.
    std::size_t segment_size = 50'000;  ///< New documents per segment; 0: one piece.
    std::string data_dir;             ///< stemmer-data folder override.
    std::size_t threads = 1;          ///< Analysis threads; --threads 0 or absent: one per core.
    bool quiet = false;               ///< No summary line, no progress line.
    bool progress = false;            ///< Progress line even when stderr is not a terminal.
    bool compact = false;             ///< Compact the database after indexing (or alone, with no inputs).
    std::vector<std::string> delete_ids;  ///< Ids whose articles are deleted before anything is indexed.
    std::string delete_from;              ///< A list of such ids, one per line ("-": stdin); empty: none.
    RecordFields fields;                  ///< Where records (JSON Lines, CSV) keep each article field (--field).
    bool stdin_csv = false;               ///< "-" is CSV, not JSON Lines (--stdin-format csv).

    bool deletes() const { return !delete_ids.empty() || !delete_from.empty(); }
};

/// Exit codes, documented in README.md and stable.
enum ExitCode : int {
    kAllIndexed = 0,    ///< Every record indexed (or already up to date).
    kSomeSkipped = 1,   ///< Finished, but some records were bad and skipped, or some ids to delete not found.
    kFatal = 2,         ///< Nothing usable done: bad options, no input, database locked or unopenable.
    kInterrupted = 130, ///< Stopped by SIGINT/SIGTERM after committing what was indexed (a second signal: at once, keeping the batches committed before).
};

/// Parses argv. On --help/--version prints and exits 0; on a usage error prints the problem
/// and exits kFatal.
Options parse_options(int argc, char** argv);

}  // namespace telusur::indexer
