#include "telusur/index/index_writer.h"

#include <algorithm>
#include <atomic>
#include <utility>

#include <xapian.h>

#include "telusur/error.h"
#include "telusur/index/database_contents.h"
#include "telusur/index/near_duplicate.h"
#include "telusur/xapian_error_text.h"
#include "telusur/schema.h"
#include "telusur/stable_hash.h"

namespace telusur {

namespace {

std::atomic<const std::filesystem::path*> g_committing{nullptr};

/// Marks a commit in progress for database_being_committed(), for the scope of the commit.
class CommitMark {
  public:
    explicit CommitMark(const std::filesystem::path& db) { g_committing.store(&db); }
    ~CommitMark() { g_committing.store(nullptr); }
    CommitMark(const CommitMark&) = delete;
    CommitMark& operator=(const CommitMark&) = delete;
};

Xapian::WritableDatabase open_for_writing(const std::filesystem::path& path) {
    // Xapian would read a file as a stub listing databases and fail on its first line ("Bad line").
    if (std::filesystem::is_regular_file(path))
        throw Error("'" + path.string() + "' is a file; --db names a database folder (created if missing)");
    // A new database goes into a new or empty folder only: `--db` naming the archive would mix
    // the database's files with the articles, and a compaction would then delete them.
    if (!std::filesystem::exists(path / "iamglass"))
        if (const auto entry = foreign_entry(path))
            throw Error("'" + path.string() + "' is not a database and holds other files ('" +
                        entry->filename().string() + "'); --db names a database folder, new or empty");
    try {
        return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError& e) {
        throw Error(lock_error_text(path.string(), e));
    } catch (const Xapian::Error& e) {
        throw Error("cannot open database '" + path.string() + "' for writing: " + xapian_error_text(e));
    }
}

std::string id_term(const std::string& id) { return std::string(schema::kIdPrefix) + id; }

std::uint32_t band_hash(const std::string& band) { return static_cast<std::uint32_t>(stable_hash64(band)); }


}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& path, std::size_t batch_size, const std::string& stemmer,
                         std::size_t segment_size)
    : path_(path), batch_size_(batch_size == 0 ? 1 : batch_size), segment_size_(segment_size),
      stemmer_term_(schema::stemmer_term(stemmer)) {
    merge_segments(path_);
    segments_.push_back(open_for_writing(path_));
    changed_.push_back(true);  // the metadata below
    auto& db = segments_.front();
    const auto version = db.get_metadata(std::string(schema::kVersionKey));
    if (db.get_doccount() > 0 && version != schema::kVersion)
        throw Error("database '" + path.string() + "' was not built by this version of telusur (schema '" +
                    version + "', expected '" + std::string(schema::kVersion) + "'); index into a new folder");
    started_empty_ = db.get_lastdocid() == 0;
    db.set_metadata(std::string(schema::kVersionKey), std::string(schema::kVersion));
    db.set_metadata(std::string(schema::kStemmerKey), stemmer);
    // An empty database is a telusur database from the start: if its first batch never commits
    // (a full disk, a kill), readers find an empty index, not a folder they refuse.
    if (db.get_doccount() == 0) commit();
}

Xapian::doccount IndexWriter::document_count() const {
    Xapian::doccount count = 0;
    for (const auto& segment : segments_) count += segment.get_doccount();
    return count;
}

Xapian::doccount IndexWriter::documents_of_other_stemmers() const {
    Xapian::doccount built_here = 0;
    for (const auto& segment : segments_) built_here += segment.get_termfreq(stemmer_term_);
    return document_count() - built_here;
}

bool IndexWriter::may_exist(const std::string& id) const {
    return !started_empty_ || written_.contains(stable_hash64(id));
}

std::optional<IndexWriter::Location> IndexWriter::find(const std::string& term) const {
    for (std::size_t i = 0; i < segments_.size(); ++i) {
        const auto it = segments_[i].postlist_begin(term);
        if (it != segments_[i].postlist_end(term)) return Location{i, *it};
    }
    return std::nullopt;
}

bool IndexWriter::closed_segments_may_hold(const std::string& band) const {
    const auto hash = band_hash(band);
    return std::binary_search(closed_bands_.begin(), closed_bands_.end(), hash) || late_closed_bands_.contains(hash);
}

bool IndexWriter::is_unchanged(const std::string& id, const std::string& hash) const {
    if (!may_exist(id)) return false;
    const auto at = find(id_term(id));
    if (!at) return false;
    return segments_[at->segment].get_document(at->docid, Xapian::DOC_ASSUME_VALID).get_value(schema::kContentHashSlot) ==
           hash;
}

IndexWriter::Cluster IndexWriter::cluster_of(const std::string& id, const std::optional<MinHashSignature>& signature,
                                             const std::vector<std::string>& bands, const std::string& own_key) const {
    if (!signature) return {own_key, std::nullopt, false};
    // Candidates share a band; a band shared by very many documents is boilerplate, so only the
    // first few postings of each band are compared. Segments are searched in order, so the
    // candidates are those of a database built in one piece.
    constexpr int kMaxCandidatesPerBand = 64;
    const auto self = id_term(id);
    const auto last = segments_.size() - 1;
    for (const auto& band : bands) {
        int seen = 0;
        const bool in_closed = last > 0 && closed_segments_may_hold(band);
        for (std::size_t s = 0; s <= last && seen < kMaxCandidatesPerBand; ++s) {
            // The database as it was opened is not in the in-memory list: always searched.
            if (s != last && !in_closed && !(s == 0 && !started_empty_)) continue;
            const auto& db = segments_[s];
            for (auto it = db.postlist_begin(band); it != db.postlist_end(band) && seen < kMaxCandidatesPerBand;
                 ++it, ++seen) {
                const auto other = db.get_document(*it, Xapian::DOC_ASSUME_VALID);
                const auto other_signature = decode_signature(other.get_value(schema::kSignatureSlot));
                if (!other_signature || estimated_similarity(*signature, *other_signature) < kNearDuplicateSimilarity)
                    continue;
                auto t = other.termlist_begin();
                t.skip_to(self);
                if (t != other.termlist_end() && *t == self) continue;  // the previous version of this article
                const Location where{s, *it};
                if (auto key = other.get_value(schema::kClusterSlot); !key.empty()) return {std::move(key), where, true};
                // Only documents with near-duplicates carry the key in the collapse slot; every
                // document has its cluster term.
                if (auto key = schema::term_after_prefix(other, schema::kClusterPrefix); !key.empty())
                    return {std::move(key), where, false};
            }
        }
    }
    return {own_key, std::nullopt, false};
}

void IndexWriter::rotate_segment_if_full() {
    if (segment_size_ == 0 || added_to_open_segment_ < segment_size_) return;
    commit();
    added_to_open_segment_ = 0;
    std::sort(open_bands_.begin(), open_bands_.end());
    const auto middle = closed_bands_.insert(closed_bands_.end(), open_bands_.begin(), open_bands_.end());
    std::inplace_merge(closed_bands_.begin(), middle, closed_bands_.end());
    open_bands_.clear();
    open_bands_.shrink_to_fit();
    const auto next = segment_path(path_, segments_.size());
    std::error_code ignored;
    std::filesystem::remove_all(next, ignored);  // cannot hold anything: leftovers are merged on opening
    std::filesystem::create_directories(next.parent_path());
    segments_.push_back(open_for_writing(next));
    changed_.push_back(false);
}

IndexOutcome IndexWriter::write(const std::string& id, Xapian::Document doc) {
    // Xapian writes table blocks as documents come, not only at commits: a full disk may stop
    // any of these calls.
    try {
        return write_unguarded(id, std::move(doc));
    } catch (const Xapian::DatabaseError& e) {
        throw write_error(e);
    }
}

IndexOutcome IndexWriter::write_unguarded(const std::string& id, Xapian::Document doc) {
    rotate_segment_if_full();
    const auto term = id_term(id);
    const auto existing = may_exist(id) ? find(term) : std::nullopt;
    const auto signature = decode_signature(doc.get_value(schema::kSignatureSlot));
    const auto bands = signature ? signature_band_terms(*signature) : std::vector<std::string>{};
    // A cluster of its own is named by the id and the content: an article rewritten into another
    // story must not take back the key its old copies keep, or they would collapse with it.
    const auto own_key = to_hex(stable_hash64(id + '\n' + doc.get_value(schema::kContentHashSlot)));
    const auto cluster = cluster_of(id, signature, bands, own_key);
    doc.add_boolean_term(std::string(schema::kClusterPrefix) + cluster.key);
    if (cluster.with) {
        doc.add_value(schema::kClusterSlot, cluster.key);
        if (!cluster.with_has_value) {
            // The earlier document was alone until now: it joins the collapse too. Only its
            // values change, which Xapian rewrites without touching its terms.
            auto& db = segments_[cluster.with->segment];
            auto earlier = db.get_document(cluster.with->docid);
            earlier.add_value(schema::kClusterSlot, cluster.key);
            db.replace_document(cluster.with->docid, earlier);
            changed_[cluster.with->segment] = true;
        }
    }
    const auto segment = existing.value_or(Location{segments_.size() - 1, 0}).segment;
    for (const auto& band : bands) {
        if (segment + 1 == segments_.size()) open_bands_.push_back(band_hash(band));
        else late_closed_bands_.insert(band_hash(band));
    }
    changed_[segment] = true;
    // Of an id already in the database: written before in this run, or (one chance in 2^64 per
    // pair) another id of this run with the same hash, which would only cost a needless warning.
    const bool written_before = !written_.insert(stable_hash64(id)).second;
    if (existing) {
        segments_[segment].replace_document(term, doc);
    } else {
        doc.add_boolean_term(term);  // usually there already; add_document then equals replace_document
        segments_.back().add_document(doc);
        ++added_to_open_segment_;
    }
    if (++pending_ >= batch_size_) commit();
    if (!existing) return IndexOutcome::Added;
    return written_before ? IndexOutcome::ReplacedFromThisRun : IndexOutcome::Replaced;
}

bool IndexWriter::remove(const std::string& id) {
    // An id too long for a term was never indexed (DocumentBuilder refuses it).
    if (id.size() > schema::kMaxIdBytes || !may_exist(id)) return false;
    try {
        const auto at = find(id_term(id));
        if (!at) return false;
        segments_[at->segment].delete_document(at->docid);
        changed_[at->segment] = true;
        if (++pending_ >= batch_size_) commit();
    } catch (const Xapian::DatabaseError& e) {
        throw write_error(e);
    }
    return true;
}

std::string IndexWriter::write_failure(const std::filesystem::path& db, const std::string& reason) {
    // A full disk, most often. Xapian commits atomically: what is on disk is the last batch
    // committed, and the next run skips what it holds.
    return "cannot write database '" + db.string() + "': " + reason +
           "; it keeps the batches committed before: make room and run the same command again to resume";
}

Error IndexWriter::write_error(const Xapian::Error& e) const { return Error(write_failure(path_, xapian_error_text(e))); }

const std::filesystem::path* IndexWriter::database_being_committed() { return g_committing.load(); }

void IndexWriter::commit() {
    // Every changed segment in step, so that a killed run leaves segments that belong together.
    const CommitMark mark(path_);
    try {
        for (std::size_t i = 0; i < segments_.size(); ++i)
            if (changed_[i]) segments_[i].commit();
    } catch (const Xapian::Error& e) {
        throw write_error(e);
    }
    std::fill(changed_.begin(), changed_.end(), false);
    pending_ = 0;
}

std::optional<CompactionResult> IndexWriter::close() {
    commit();
    segments_.clear();  // releases the write locks
    return merge_segments(path_);
}

}  // namespace telusur
