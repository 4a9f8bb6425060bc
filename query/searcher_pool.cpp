#include "searcher_pool.h"

#include <algorithm>

#include "telusur/error.h"
#include "telusur/xapian_error_text.h"

namespace telusur::query {

SearcherPool::SearcherPool(const std::string& db, const LanguageData& data, std::size_t size)
    // The stamp and the folder before watcher_ opens, so that a commit or compaction in between is seen.
    : db_(db), watcher_stamp_(db), watcher_folder_(folder_identity(db)) {
    for (std::size_t i = 0; i < std::max<std::size_t>(size, 1); ++i) idle_.push_back({{}, std::make_unique<Searcher>(db, data)});
    watcher_ = Xapian::Database(db);  // its own handle: Xapian handles are not shared across threads
}

SearcherPool::Lease::~Lease() {
    if (searcher_) pool_->give_back(std::move(searcher_));
}

SearcherPool::Lease SearcherPool::lease() {
    std::unique_ptr<Searcher> searcher;
    {
        std::unique_lock<std::mutex> lock(mutex_);
        if (waiting_.empty() && !idle_.empty()) {
            const auto me = std::this_thread::get_id();
            auto mine = std::find_if(idle_.begin(), idle_.end(), [me](const Idle& idle) { return idle.last_user == me; });
            if (mine == idle_.end()) mine = idle_.end() - 1;
            searcher = std::move(mine->searcher);
            idle_.erase(mine);
        } else {
            Waiter me;
            waiting_.push_back(&me);
            me.handed.wait(lock, [&me] { return me.searcher != nullptr; });
            searcher = std::move(me.searcher);
        }
    }
    Lease lease(*this, std::move(searcher));
    lease->reopen();  // outside the lock: it stats the version file
    return lease;
}

std::string SearcherPool::latest_version() {
    const std::lock_guard<std::mutex> lock(watcher_mutex_);
    if (watcher_stamp_.changed()) {
        try {
            reopen_latest(watcher_, db_, watcher_folder_);
        } catch (const Xapian::Error& e) {
            watcher_stamp_.forget();
            throw Error("cannot reopen database '" + db_ + "': " + xapian_error_text(e));
        }
    }
    return database_version(watcher_);
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (waiting_.empty()) {
        idle_.push_back({std::this_thread::get_id(), std::move(searcher)});
        return;
    }
    Waiter* next = waiting_.front();
    waiting_.pop_front();
    next->searcher = std::move(searcher);
    // Notified under the lock: the waiter cannot wake, return and destroy `next` before we are done.
    next->handed.notify_one();
}

}  // namespace telusur::query
