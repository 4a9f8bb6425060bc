// Compaction: rewrites a database with full B-tree blocks, as xapian-compact does, in place.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace telusur {

/// Sizes on disk around a compaction, for the summary line.
struct CompactionResult {
    std::uintmax_t bytes_before = 0;
    std::uintmax_t bytes_after = 0;
};

/// Compacts the database at `path` into a sibling folder and swaps it in. A freshly built
/// database has half-empty blocks; compacting roughly halves it and speeds up searching.
///
/// Holds the write lock while compacting, so no telusur-index can write meanwhile (a running one
/// makes this throw Error). Document ids are kept. If anything fails, the original is left as it
/// was and the partial copy removed; a run killed between the two renames is repaired by the
/// next one. Readers that have the database open keep reading the old files until they
/// reopen it by path. A folder that holds anything but the database (foreign_entry) is refused,
/// since the swap would delete it.
///
/// With `appended` databases, their documents follow the database's own in that order, each
/// one's ids shifted to continue where the previous left off: how the segments of a run (see
/// IndexWriter) become one database. The appended folders themselves are left in place.
CompactionResult compact_in_place(const std::filesystem::path& path,
                                  const std::vector<std::filesystem::path>& appended = {});

/// Bytes of the files under `path` (0 if it does not exist).
std::uintmax_t folder_bytes(const std::filesystem::path& path);

}  // namespace telusur
