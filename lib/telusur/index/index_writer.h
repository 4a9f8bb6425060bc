// IndexWriter: the one writer of a telusur database; adds, replaces and commits in batches.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "telusur/error.h"
#include "telusur/index/near_duplicate.h"
#include "telusur/index/segments.h"

namespace telusur {

/// What write() did. ReplacedFromThisRun: the id was written earlier in this run with other
/// content, so two records of the input share an id and only the later one is kept.
enum class IndexOutcome { Added, Replaced, ReplacedFromThisRun, Unchanged };

/// Opens (or creates) a database for writing and holds Xapian's write lock until destroyed.
/// Documents are keyed by their id term: adding an id that exists replaces it. Changes are
/// committed every `batch_size` documents and by commit(); Xapian commits are atomic, so an
/// interrupted run leaves the database as of its last commit, readable and ready to resume.
///
/// New documents go into segments of `segment_size` (0: one piece): the database itself takes
/// the first `segment_size` of a run, then each further batch of that many goes into a new small
/// database, and close() merges them all with one compaction. Meanwhile readers see the first
/// segment only. The result is the database a run in one piece gives, document ids included
/// (unless documents were deleted before), but compacted. A run that adds fewer documents
/// writes in place, as a run in one piece does.
class IndexWriter {
  public:
    /// Merges the segments an interrupted run left (see merge_segments), then opens.
    /// Throws Error if the database cannot be opened or created, is locked by another writer,
    /// or was built with another schema version.
    IndexWriter(const std::filesystem::path& path, std::size_t batch_size, const std::string& stemmer,
                std::size_t segment_size = kDefaultSegmentSize);

    /// Whether the database already holds `id` with this content hash (so it can be skipped).
    /// The hash covers the language data too (DocumentBuilder::content_hash): a document other
    /// stemmer-data built is never unchanged.
    bool is_unchanged(const std::string& id, const std::string& hash) const;

    /// Adds or replaces the document of `id`; commits when a batch is full. Before writing, puts
    /// the document in the near-duplicate cluster of an earlier document whose MinHash signature
    /// estimates kNearDuplicateSimilarity or more, or in a new cluster of its own.
    IndexOutcome write(const std::string& id, Xapian::Document doc);

    /// Deletes the document of `id`, counted in the batch as a write is; false when there is none.
    bool remove(const std::string& id);

    /// Commits pending changes (also done by the destructor on a normal exit).
    void commit();

    /// The folder of the database a commit is being written to in this process, or null.
    /// Xapian 1.4 can end the process (std::terminate) inside a commit that fails on a full disk
    /// when its own clean-up meets the same error; the commit stays atomic, and a terminate
    /// handler reads this to say so instead of a bare "terminate called".
    static const std::filesystem::path* database_being_committed();

    /// What telusur-index says when `db` cannot be written, `reason` being the system's or
    /// Xapian's: the database, the reason, and the way on (the batches committed before are kept).
    static std::string write_failure(const std::filesystem::path& db, const std::string& reason);

    /// Commits, releases the database and merges the run's segments, if there were several
    /// (nullopt otherwise). The writer cannot be used afterwards.
    std::optional<CompactionResult> close();

    Xapian::doccount document_count() const;

    /// The documents written so far (committed or not) that were not built with this writer's
    /// stemmer: left over from before stemmer-data or telusur changed, until their articles are
    /// indexed again. telusur-query refuses a database that holds any.
    Xapian::doccount documents_of_other_stemmers() const;

  private:
    /// write() without turning Xapian's write errors into write_error().
    IndexOutcome write_unguarded(const std::string& id, Xapian::Document doc);
    /// The error for a database that cannot be written (a full disk, most often).
    Error write_error(const Xapian::Error& e) const;

    /// Where a document is: its segment and its id there.
    struct Location {
        std::size_t segment = 0;
        Xapian::docid docid = 0;
    };
    /// The near-duplicate cluster a document joins: an earlier near-duplicate's, or its own.
    struct Cluster {
        std::string key;
        std::optional<Location> with;  ///< The earlier near-duplicate, none when the document is alone.
        bool with_has_value = false;   ///< Whether `with` already carries the key in the collapse slot.
    };
    /// `own_key` names the cluster the document starts when it has no earlier near-duplicate.
    Cluster cluster_of(const std::string& id, const std::optional<MinHashSignature>& signature,
                       const std::vector<std::string>& bands, const std::string& own_key) const;

    /// The first document indexed by `term`, searching the segments in order.
    std::optional<Location> find(const std::string& term) const;
    /// Whether a closed segment may index band term `band`: false only when none does.
    bool closed_segments_may_hold(const std::string& band) const;
    /// Starts the next segment when the current one has taken `segment_size_` new documents.
    void rotate_segment_if_full();

    /// Whether `id` may already be in the database. False only when it certainly is not: the
    /// database was empty when opened and no id with this hash was written since. That spares
    /// three term lookups per article when building a new index, the common bulk case.
    bool may_exist(const std::string& id) const;

    std::filesystem::path path_;
    std::vector<Xapian::WritableDatabase> segments_;  // [0] is the database itself; the last one is written
    std::vector<bool> changed_;                        // per segment: written since the last commit
    std::size_t batch_size_;
    std::size_t segment_size_;
    std::size_t added_to_open_segment_ = 0;  // new documents the segment being written took in this run
    std::size_t pending_ = 0;
    std::string stemmer_term_;  // schema::stemmer_term of the stemmer given
    bool started_empty_ = false;
    std::unordered_set<std::uint64_t> written_;  // hashes of the ids written in this run
    // 32-bit hashes of the band terms of closed segments, sorted, so that a band no earlier
    // segment holds costs one search in memory rather than one B-tree lookup per segment.
    std::vector<std::uint32_t> closed_bands_;
    std::vector<std::uint32_t> open_bands_;                    // of the segment being written
    std::unordered_set<std::uint32_t> late_closed_bands_;      // of documents replaced in a closed segment
};

}  // namespace telusur
