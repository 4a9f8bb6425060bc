// SearcherPool: the HTTP server's Xapian handles, shared by its threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "telusur/language_data.h"
#include "telusur/search/database_folder.h"
#include "telusur/search/searcher.h"
#include "telusur/search/version_stamp.h"

namespace telusur::query {

/// A fixed set of Searchers, each with its own database handle. A server thread leases one for a
/// request and gives it back at the end, so at most `size` searches run at once: on a machine
/// with few cores, more parallel searches only share the same CPU. (The server runs as many
/// threads as searchers, so a lease does not wait there.) Waiting requests are served first come, first served: a returned searcher
/// goes straight to the longest waiter, so no request is overtaken again and again (a plain
/// condition variable lets newcomers barge in, which shows up as a long latency tail). Thread-safe.
class SearcherPool {
  public:
    /// Opens `size` (≥ 1) searchers; throws Error like Searcher does. `data` must outlive the pool.
    SearcherPool(const std::string& db, const LanguageData& data, std::size_t size);

    /// A leased searcher, returned to the pool when the lease ends.
    class Lease {
      public:
        Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher) : pool_(&pool), searcher_(std::move(searcher)) {}
        Lease(Lease&&) = default;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        Searcher& operator*() const { return *searcher_; }
        Searcher* operator->() const { return searcher_.get(); }

      private:
        SearcherPool* pool_;
        std::unique_ptr<Searcher> searcher_;
    };

    /// Waits for a free searcher and brings it up to the latest commit (a cheap check of the
    /// database's version file when nothing changed), so a document committed by a running
    /// telusur-index is visible to the next request. A thread gets back the searcher it used
    /// last when that one is free: memory Xapian allocated on one thread and freed on another
    /// made the server's threads queue for each other's malloc locks (bench/results/http-load.md).
    Lease lease();

    /// The database_version of the latest commit, without waiting for a searcher: what a result
    /// cache checks before deciding whether a search is needed at all. Throws Error when the
    /// database cannot be reopened (deleted, or replaced by hand); the next call tries again.
    std::string latest_version();

  private:
    /// A request waiting for a searcher; lives on its thread's stack until it is handed one.
    struct Waiter {
        std::unique_ptr<Searcher> searcher;
        std::condition_variable handed;
    };

    void give_back(std::unique_ptr<Searcher> searcher);

    /// A free searcher and the thread that used it last.
    struct Idle {
        std::thread::id last_user;
        std::unique_ptr<Searcher> searcher;
    };

    std::mutex mutex_;
    std::vector<Idle> idle_;
    std::deque<Waiter*> waiting_;  ///< Oldest first.
    std::mutex watcher_mutex_;
    std::string db_;              ///< The database's folder, for messages.
    VersionStamp watcher_stamp_;     ///< So that watcher_ is reopened only after a commit.
    FolderIdentity watcher_folder_;  ///< The folder watcher_ reads (reopen_latest).
    Xapian::Database watcher_;       ///< Only reopened, to read the version.
};

}  // namespace telusur::query
