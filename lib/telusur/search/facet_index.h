// FacetSlotIndex: one facet value slot of one database revision, uninverted into memory.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace telusur {

/// Every document's facet values of one value slot as small integer ids, read once from the
/// slot's value stream. Counting a facet over a match set is then an array increment per value,
/// instead of reading, copying and hashing each matching document's value strings (Lucene's
/// doc values and Solr's UnInvertedField trade memory for the same speed).
///
/// Multi-valued slots (people, places, organisations) hold values separated by '\n'; the date
/// slot's YYYYMMDD becomes its year-month, "2024-11". A document's values are distinct.
/// Immutable once built, so one index may serve many threads.
class FacetSlotIndex {
  public:
    using ValueId = std::uint32_t;

    /// Reads the whole value stream of `slot` in `db`'s current revision. May throw
    /// Xapian::DatabaseModifiedError if a writer commits meanwhile (the caller reopens).
    static FacetSlotIndex build(const Xapian::Database& db, Xapian::valueno slot);

    /// The ids of document `docid`'s values (empty for a document without any).
    std::span<const ValueId> values_of(Xapian::docid docid) const {
        if (docid + 1 >= starts_.size()) return {};
        return {ids_.data() + starts_[docid], ids_.data() + starts_[docid + 1]};
    }

    /// The value with id `id`, which is below `distinct_values()`.
    std::string_view value(ValueId id) const {
        return std::string_view(text_).substr(text_starts_[id], text_starts_[id + 1] - text_starts_[id]);
    }

    std::size_t distinct_values() const { return text_starts_.size() - 1; }
    std::size_t memory_bytes() const;

  private:
    std::vector<std::uint32_t> starts_;       // docid → first of its ids in ids_ (docid + 1 → end)
    std::vector<ValueId> ids_;                // every document's value ids, in docid order
    std::string text_;                        // the distinct values, one after another
    std::vector<std::uint32_t> text_starts_;  // id → start of its value in text_ (id + 1 → end)
};

/// The index of `slot` for `db`'s current revision (UUID and revision number), shared by every
/// Searcher of the process that asks while another still holds it: a server's searchers build
/// it once per revision, not once each. Built on first use; a new revision builds anew.
std::shared_ptr<const FacetSlotIndex> shared_facet_slot_index(const Xapian::Database& db, Xapian::valueno slot);

}  // namespace telusur
