// article_lookup: one article of a database by its id, as the indexer stored it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "telusur/stored_article.h"

namespace telusur {

/// Most near-duplicate copies an ArticleView lists (a wire story may be in hundreds of outlets).
inline constexpr std::size_t kMaxListedCopies = 100;

/// A whole article, for reading after a search found it.
struct ArticleView {
    StoredArticle article;             ///< Every stored field, the whole cleaned body included.
    std::vector<std::string> copies;   ///< Ids of its near-duplicates (at most kMaxListedCopies), sorted.
    std::size_t copy_count = 0;        ///< How many near-duplicates it has, listed or not.
};

/// The document of the article `id` of `db`, or nullopt when `db` holds none (an empty id, or
/// one longer than any indexed id, is not looked up: Xapian refuses terms that long).
std::optional<Xapian::docid> find_docid(const Xapian::Database& db, std::string_view id);

/// The article `id` of `db` (ids as telusur-query --ids prints them), or nullopt when `db` holds
/// none. Throws QueryError when `id` is not UTF-8 (no indexed id is: a request in another
/// encoding, told as --like tells it), and what Xapian throws (DatabaseModifiedError while a
/// writer commits).
std::optional<ArticleView> find_article(const Xapian::Database& db, std::string_view id);

}  // namespace telusur
