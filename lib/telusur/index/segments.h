// Segments: a run that adds many documents writes them as a series of small databases, merged
// into the database at the end. Xapian's cost per document grows with the size of the database
// it writes into (each commit rewrites B-tree blocks spread over the whole postlist table), so a
// database built in one piece gets slower as it grows; segments keep every document as cheap as
// the first ones and the merge (a compaction) is linear. See bench/results/scaling.md.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <vector>

#include "telusur/index/compaction.h"

namespace telusur {

/// Documents per segment when IndexWriter is not told otherwise.
inline constexpr std::size_t kDefaultSegmentSize = 50'000;

/// Folder of segment `number` (1, 2, …) of the database at `db`; segment 0 is `db` itself.
std::filesystem::path segment_path(const std::filesystem::path& db, std::size_t number);

/// The segments at `db` that are not merged yet, in order (segment 0 excluded).
std::vector<std::filesystem::path> unmerged_segments(const std::filesystem::path& db);

/// Merges the unmerged segments of `db` into it, in order, with compact_in_place (so the result
/// is compacted, and a merge killed midway is redone by the next call). Nothing to merge:
/// returns nullopt. Called by IndexWriter::close() and, for a run that was killed, by the next
/// IndexWriter opened on `db`: every segment is committed in step, so what they hold is
/// a consistent state of the run and the next run resumes from it.
std::optional<CompactionResult> merge_segments(const std::filesystem::path& db);

}  // namespace telusur
