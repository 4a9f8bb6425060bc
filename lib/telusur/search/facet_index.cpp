#include "telusur/search/facet_index.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "telusur/analysis/normalizer.h"
#include "telusur/schema.h"

namespace telusur {

namespace {

/// Calls `each` with every facet value stored in one document's value of `slot`.
template <typename Each>
void for_each_value(Xapian::valueno slot, std::string_view stored, Each each) {
    if (slot == schema::kDateSlot) {  // YYYYMMDD → "YYYY-MM"
        if (stored.size() >= 6) {
            const char month[] = {stored[0], stored[1], stored[2], stored[3], '-', stored[4], stored[5]};
            each(std::string_view(month, sizeof month));
        }
        return;
    }
    std::size_t start = 0;
    while (start < stored.size()) {
        auto end = stored.find('\n', start);
        if (end == std::string_view::npos) end = stored.size();
        if (end > start) each(stored.substr(start, end - start));
        start = end + 1;
    }
}

}  // namespace

FacetSlotIndex FacetSlotIndex::build(const Xapian::Database& db, Xapian::valueno slot) {
    FacetSlotIndex index;
    index.starts_.assign(std::size_t(db.get_lastdocid()) + 2, 0);
    index.text_starts_.push_back(0);
    std::unordered_map<std::string, ValueId> ids;      // value (an outlet's normalised) → id, while reading
    std::unordered_map<std::string, ValueId> written;  // an outlet as written → id
    Xapian::docid filled = 0;                          // starts_ is set up to this docid
    std::vector<ValueId> of_doc;
    static const Normalizer normalizer;
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        const auto docid = it.get_docid();
        for (; filled < docid; ++filled) index.starts_[filled + 1] = std::uint32_t(index.ids_.size());
        of_doc.clear();
        for_each_value(slot, *it, [&](std::string_view value) {
            // Outlets are filtered by their normalised name (source:"uji dua" finds "Uji Dua"
            // too), so they are counted by it as well, shown as first met. A few spellings
            // repeat over the whole archive: each is normalised once.
            const bool outlet = slot == schema::kSourceSlot;
            if (outlet) {
                if (const auto spelt = written.find(std::string(value)); spelt != written.end()) {
                    of_doc.push_back(spelt->second);
                    return;
                }
            }
            auto key = outlet ? normalizer.normalize(value) : std::string(value);
            const auto [entry, added] = ids.try_emplace(std::move(key), ValueId(ids.size()));
            if (added) {
                index.text_.append(value);
                index.text_starts_.push_back(std::uint32_t(index.text_.size()));
            }
            if (outlet) written.emplace(value, entry->second);
            of_doc.push_back(entry->second);
        });
        std::sort(of_doc.begin(), of_doc.end());  // a value named twice counts once
        of_doc.erase(std::unique(of_doc.begin(), of_doc.end()), of_doc.end());
        index.ids_.insert(index.ids_.end(), of_doc.begin(), of_doc.end());
    }
    for (; filled + 1 < index.starts_.size(); ++filled) index.starts_[filled + 1] = std::uint32_t(index.ids_.size());
    return index;
}

std::size_t FacetSlotIndex::memory_bytes() const {
    return starts_.capacity() * sizeof(std::uint32_t) + ids_.capacity() * sizeof(ValueId) + text_.capacity() +
           text_starts_.capacity() * sizeof(std::uint32_t);
}

std::shared_ptr<const FacetSlotIndex> shared_facet_slot_index(const Xapian::Database& db, Xapian::valueno slot) {
    const auto unshared = [&] { return std::make_shared<const FacetSlotIndex>(FacetSlotIndex::build(db, slot)); };
    // An in-memory database has no UUID, and several databases opened as one have no single
    // revision: their indexes are not shared.
    const auto uuid = db.get_uuid();
    if (uuid.empty()) return unshared();
    Xapian::rev revision = 0;
    try {
        revision = db.get_revision();
    } catch (const Xapian::InvalidOperationError&) {
        return unshared();
    }

    struct Entry {
        Xapian::rev revision = 0;
        std::shared_ptr<const FacetSlotIndex> index;
    };
    static std::mutex mutex;
    static std::map<std::pair<std::string, Xapian::valueno>, Entry> newest;  // per database and slot
    // Built under the lock: searchers asking at once for the same new revision build it once.
    const std::lock_guard<std::mutex> lock(mutex);
    auto& entry = newest[{uuid, slot}];
    if (entry.index && entry.revision == revision) return entry.index;
    auto built = std::make_shared<const FacetSlotIndex>(FacetSlotIndex::build(db, slot));
    if (!entry.index || revision > entry.revision) entry = Entry{revision, built};  // an older view keeps its own
    return built;
}

}  // namespace telusur
