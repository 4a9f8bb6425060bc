// Indexing run: reads every input, cleans, analyses and writes each article, counting outcomes.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>

#include "telusur/error.h"
#include "telusur/index/index_writer.h"
#include "telusur/language_data.h"
#include "telusur/source/input_plan.h"

namespace telusur {

/// What a run did, for the summary line and the exit code.
struct IndexStats {
    std::size_t read = 0;       ///< Records read, good or bad.
    std::size_t added = 0;      ///< New ids.
    std::size_t replaced = 0;   ///< Ids already present, content changed.
    std::size_t unchanged = 0;  ///< Ids already present with the same content: nothing written.
    std::size_t skipped = 0;    ///< Bad records, reported and not indexed.
    std::size_t repeated_ids = 0;  ///< Records whose id an earlier record of the run had, with other content.
    std::uint64_t bytes = 0;    ///< Input bytes behind the articles read (uncompressed), for throughput.
    bool interrupted = false;   ///< Stopped early by `stop`; everything before it is committed.

    std::size_t indexed() const { return added + replaced; }
};

/// Indexes every file of `plan` into `writer`, then commits. Each bad record is passed to
/// `on_error` and skipped. A record indexed with part of it ignored (a date field that holds no
/// date) is passed to `on_note`. Checks `stop` between articles and, once set, commits and
/// returns.
///
/// With `threads` > 1, one thread reads, `threads` threads clean and analyse (each with its own
/// DocumentBuilder) and the calling thread writes, in input order: the database, the stats and
/// the order of `on_error` and `on_note` calls are those of a single-threaded run; both are
/// called on the calling thread only. An exception thrown while reading or analysing is
/// rethrown here, after the articles before it were written and every thread was joined.
///
/// `on_progress`, if set, is called on the calling thread after each record with the counts so
/// far (for a progress line); it is called often, so it should be cheap.
IndexStats run_indexing(const InputPlan& plan, const LanguageData& data, IndexWriter& writer,
                        const std::function<void(const InputError&)>& on_error,
                        const std::function<void(const InputError&)>& on_note, const std::atomic<bool>& stop,
                        std::size_t threads = 1, const std::function<void(const IndexStats&)>& on_progress = {});

}  // namespace telusur
