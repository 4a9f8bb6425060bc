// IndexWriter: the one writer of a telusur database; adds, replaces and commits in batches.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace telusur {

enum class IndexOutcome { Added, Replaced, Unchanged };

/// Opens (or creates) a database for writing and holds Xapian's write lock until destroyed.
/// Documents are keyed by their id term: adding an id that exists replaces it. Changes are
/// committed every `batch_size` documents and by commit(); Xapian commits are atomic, so an
/// interrupted run leaves the database as of its last commit, readable and ready to resume.
class IndexWriter {
  public:
    /// Throws Error if the database cannot be opened or created, is locked by another writer,
    /// or was built with another schema version.
    IndexWriter(const std::filesystem::path& path, std::size_t batch_size, const std::string& stemmer);

    /// Whether the database already holds `id` with this content hash (so it can be skipped).
    bool is_unchanged(const std::string& id, const std::string& hash) const;

    /// Adds or replaces the document of `id`; commits when a batch is full. Before writing, puts
    /// the document in the near-duplicate cluster of an earlier document whose MinHash signature
    /// estimates kNearDuplicateSimilarity or more, or in a new cluster of its own.
    IndexOutcome write(const std::string& id, Xapian::Document doc);

    /// Commits pending changes (also done by the destructor on a normal exit).
    void commit();

    Xapian::doccount document_count() const { return db_.get_doccount(); }

  private:
    /// The near-duplicate cluster a document joins: an earlier near-duplicate's, or its own.
    struct Cluster {
        std::string key;
        Xapian::docid with = 0;       ///< The earlier near-duplicate, 0 when the document is alone.
        bool with_has_value = false;  ///< Whether `with` already carries the key in the collapse slot.
    };
    Cluster cluster_of(const std::string& id, const Xapian::Document& doc) const;

    /// Whether `id` may already be in the database. False only when it certainly is not: the
    /// database was empty when opened and no id with this hash was written since. That spares
    /// three term lookups per article when building a new index, the common bulk case.
    bool may_exist(const std::string& id) const;

    Xapian::WritableDatabase db_;
    std::size_t batch_size_;
    std::size_t pending_ = 0;
    bool hashes_valid_ = true;  // false when the stored documents were built by another stemmer
    bool started_empty_ = false;
    std::unordered_set<std::uint64_t> written_;  // hashes of the ids written, while started_empty_
};

}  // namespace telusur
