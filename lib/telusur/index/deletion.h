// Deleting articles by id: stories retracted or taken down after they were indexed.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <vector>

#include "telusur/error.h"
#include "telusur/index/index_writer.h"
#include "telusur/source/id_list.h"

namespace telusur {

/// What a deletion run did, for the summary line and the exit code.
struct DeletionStats {
    std::size_t deleted = 0;
    std::size_t not_found = 0;  ///< Ids no document has: told, not an error of the database.
    bool interrupted = false;   ///< Stopped early by `stop`; the deletions before it are committed.
};

/// Deletes the document of each of `ids` through `writer`, in order, then commits. An id that no
/// document has goes to `on_missing` as "no article with id '…'" at its list line or option.
/// Checks `stop` between ids. Deleting an id twice finds it the second time no more.
DeletionStats delete_articles(const std::vector<ListedId>& ids, IndexWriter& writer,
                              const std::function<void(const InputError&)>& on_missing, const std::atomic<bool>& stop);

}  // namespace telusur
