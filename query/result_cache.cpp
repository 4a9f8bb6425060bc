#include "result_cache.h"

namespace telusur::query {

namespace {

void add_field(std::string& key, std::string_view value) {
    key += std::to_string(value.size());
    key += ':';
    key += value;
}

}  // namespace

std::string ResultCache::key(const SearchRequest& request) {
    std::string key;
    add_field(key, request.query);
    add_field(key, request.like);
    add_field(key, std::to_string(request.offset));
    add_field(key, std::to_string(request.limit));
    add_field(key, std::to_string(request.snippet_bytes));
    add_field(key, request.collapse ? "c" : "");
    add_field(key, request.explain ? "e" : "");
    add_field(key, std::to_string(request.filters.size()));
    for (const auto& filter : request.filters) add_field(key, filter);
    add_field(key, request.since);
    add_field(key, request.until);
    add_field(key, std::to_string(static_cast<int>(request.sort)));
    add_field(key, std::to_string(request.facets.size()));
    for (const auto& facet : request.facets) add_field(key, facet);
    add_field(key, std::to_string(request.facet_limit));
    return key;
}

std::shared_ptr<const SerializedResults> ResultCache::find(const std::string& version, const SearchRequest& request) {
    if (!enabled()) return nullptr;
    const auto wanted = key(request);
    const std::lock_guard<std::mutex> lock(mutex_);
    move_to(version);
    const auto it = by_key_.find(wanted);
    if (it == by_key_.end()) return nullptr;
    recent_.splice(recent_.begin(), recent_, it->second);
    return it->second->second;
}

void ResultCache::insert(const std::string& version, const SearchRequest& request,
                         std::shared_ptr<const SerializedResults> results) {
    if (!enabled()) return;
    auto wanted = key(request);
    const std::lock_guard<std::mutex> lock(mutex_);
    move_to(version);
    if (const auto it = by_key_.find(wanted); it != by_key_.end()) {  // another thread was first
        recent_.splice(recent_.begin(), recent_, it->second);
        return;
    }
    if (recent_.size() >= capacity_) {
        by_key_.erase(recent_.back().first);
        recent_.pop_back();
    }
    recent_.emplace_front(std::move(wanted), std::move(results));
    by_key_.emplace(recent_.front().first, recent_.begin());
}

std::size_t ResultCache::size() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return recent_.size();
}

void ResultCache::move_to(const std::string& version) {
    if (version == version_) return;
    recent_.clear();
    by_key_.clear();
    version_ = version;
}

}  // namespace telusur::query
