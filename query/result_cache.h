// ResultCache: recent answers of the HTTP server, for queries asked again.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "output.h"
#include "telusur/search/searcher.h"

namespace telusur::query {

/// A bounded LRU of finished answers (their serialised JSON documents), keyed by every field of the request that changes
/// the answer and valid for one database version (database_version: its UUID and revision): the
/// first use at another version (a commit by telusur-index, a compaction) empties it, so a cached
/// answer is always the answer a search would give now.
/// Capacity 0 turns it off. Thread-safe.
class ResultCache {
  public:
    explicit ResultCache(std::size_t capacity) : capacity_(capacity) {}

    bool enabled() const { return capacity_ > 0; }

    /// The answer cached for `request` at `version`, or null.
    std::shared_ptr<const SerializedResults> find(const std::string& version, const SearchRequest& request);

    /// Keeps the answer `results` to `request` at `version`, evicting the least recently used entry when full.
    void insert(const std::string& version, const SearchRequest& request, std::shared_ptr<const SerializedResults> results);

    std::size_t size() const;

    /// The request as a cache key: each field length-prefixed, so no two requests share one.
    static std::string key(const SearchRequest& request);

  private:
    using Entry = std::pair<std::string, std::shared_ptr<const SerializedResults>>;
    /// Empties the cache if `version` is not the one it holds. Needs the lock.
    void move_to(const std::string& version);

    const std::size_t capacity_;
    mutable std::mutex mutex_;
    std::string version_;
    std::list<Entry> recent_;  ///< Most recently used first.
    std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
};

}  // namespace telusur::query
