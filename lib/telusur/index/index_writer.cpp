#include "telusur/index/index_writer.h"

#include <xapian.h>

#include "telusur/error.h"
#include "telusur/index/near_duplicate.h"
#include "telusur/schema.h"

namespace telusur {

namespace {

Xapian::WritableDatabase open_for_writing(const std::filesystem::path& path) {
    try {
        return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw Error("database '" + path.string() + "' is locked by another writer (is telusur-index already running?)");
    } catch (const Xapian::Error& e) {
        throw Error("cannot open database '" + path.string() + "' for writing: " + e.get_msg());
    }
}

std::string id_term(const std::string& id) { return std::string(schema::kIdPrefix) + id; }

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& path, std::size_t batch_size, const std::string& stemmer)
    : db_(open_for_writing(path)), batch_size_(batch_size == 0 ? 1 : batch_size) {
    const auto version = db_.get_metadata(std::string(schema::kVersionKey));
    if (db_.get_doccount() > 0 && version != schema::kVersion)
        throw Error("database '" + path.string() + "' was not built by this version of telusur (schema '" +
                    version + "', expected '" + std::string(schema::kVersion) + "'); index into a new folder");
    // Stored hashes only vouch for documents built by this stemmer; an empty database has none.
    hashes_valid_ = db_.get_doccount() == 0 || db_.get_metadata(std::string(schema::kStemmerKey)) == stemmer;
    started_empty_ = db_.get_lastdocid() == 0;
    db_.set_metadata(std::string(schema::kVersionKey), std::string(schema::kVersion));
    db_.set_metadata(std::string(schema::kStemmerKey), stemmer);
}

bool IndexWriter::may_exist(const std::string& id) const {
    return !started_empty_ || written_.contains(stable_hash64(id));
}

bool IndexWriter::is_unchanged(const std::string& id, const std::string& hash) const {
    if (!hashes_valid_ || !may_exist(id)) return false;
    const auto term = id_term(id);
    const auto it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return false;
    return db_.get_document(*it, Xapian::DOC_ASSUME_VALID).get_value(schema::kContentHashSlot) == hash;
}

IndexWriter::Cluster IndexWriter::cluster_of(const std::string& id, const Xapian::Document& doc) const {
    const auto signature = decode_signature(doc.get_value(schema::kSignatureSlot));
    if (!signature) return {to_hex(stable_hash64(id)), 0, false};
    // Candidates share a band; a band shared by very many documents is boilerplate, so only the
    // first few postings of each band are compared.
    constexpr int kMaxCandidatesPerBand = 64;
    const auto self = id_term(id);
    for (const auto& band : signature_band_terms(*signature)) {
        int seen = 0;
        for (auto it = db_.postlist_begin(band); it != db_.postlist_end(band) && seen < kMaxCandidatesPerBand; ++it, ++seen) {
            const auto other = db_.get_document(*it, Xapian::DOC_ASSUME_VALID);
            const auto other_signature = decode_signature(other.get_value(schema::kSignatureSlot));
            if (!other_signature || estimated_similarity(*signature, *other_signature) < kNearDuplicateSimilarity)
                continue;
            auto t = other.termlist_begin();
            t.skip_to(self);
            if (t != other.termlist_end() && *t == self) continue;  // the previous version of this article
            if (auto key = other.get_value(schema::kClusterSlot); !key.empty()) return {std::move(key), *it, true};
            // Only documents with near-duplicates carry the key in the collapse slot; every
            // document has its cluster term.
            if (auto key = schema::term_after_prefix(other, schema::kClusterPrefix); !key.empty())
                return {std::move(key), *it, false};
        }
    }
    return {to_hex(stable_hash64(id)), 0, false};
}

IndexOutcome IndexWriter::write(const std::string& id, Xapian::Document doc) {
    const auto term = id_term(id);
    const bool exists = may_exist(id) && db_.term_exists(term);
    const auto cluster = cluster_of(id, doc);
    doc.add_boolean_term(std::string(schema::kClusterPrefix) + cluster.key);
    if (cluster.with != 0) {
        doc.add_value(schema::kClusterSlot, cluster.key);
        if (!cluster.with_has_value) {
            // The earlier document was alone until now: it joins the collapse too. Only its
            // values change, which Xapian rewrites without touching its terms.
            auto earlier = db_.get_document(cluster.with);
            earlier.add_value(schema::kClusterSlot, cluster.key);
            db_.replace_document(cluster.with, earlier);
        }
    }
    if (exists) {
        db_.replace_document(term, doc);
    } else {
        doc.add_boolean_term(term);  // usually there already; add_document then equals replace_document
        db_.add_document(doc);
        if (started_empty_) written_.insert(stable_hash64(id));
    }
    if (++pending_ >= batch_size_) commit();
    return exists ? IndexOutcome::Replaced : IndexOutcome::Added;
}

void IndexWriter::commit() {
    db_.commit();
    pending_ = 0;
}

}  // namespace telusur
