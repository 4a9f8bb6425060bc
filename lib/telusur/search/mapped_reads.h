// Mapped reads: Xapian's block reads of database tables served from memory maps.
#pragma once

#include <cstdint>

namespace telusur {

/// Makes this process read Xapian database tables through shared memory maps.
///
/// Xapian 1.4 reads every B-tree block with its own pread() system call: about 55 per search
/// on the real articles, a third of a search's samples on a virtual machine, where each call
/// costs microseconds; without them a search takes half the time
/// (bench/results/search-latency.md). Lucene avoids the same cost with its MMapDirectory;
/// Xapian has no such option, so telusur links its own pread(), posix_fadvise() and close()
/// ahead of the C library's. Once this is called, a pread() of a table file opened
/// read-only (a "*.glass" file) copies from a map of the file; every other file, and every
/// table opened for writing, goes to the C library as before. Process-wide by nature, hence
/// one switch; the reading tools call it at start-up (`telusur-query --no-mmap` does not).
///
/// A map shows the page cache that pread() copies from, so the bytes read are the same,
/// including while a writer commits. A table that grew since it was mapped is followed (a map
/// reserves room past the end; a larger map replaces it when the file outgrows that); a read
/// past the file's end goes to pread(). A table file must not shrink under a reader
/// (the read would fault): glass tables only grow, and telusur never opens a database for
/// overwriting. Thread-safe; maps are released when Xapian closes the file.
void enable_mapped_reads();

/// Whether enable_mapped_reads() was called.
bool mapped_reads_enabled();

/// Reads of mapped table files since start-up: served from the map, or (past its end, where
/// the file has nothing yet) passed to pread().
struct MappedReadCounts {
    std::uint64_t from_map = 0;
    std::uint64_t passed_through = 0;
};
MappedReadCounts mapped_read_counts();

}  // namespace telusur
