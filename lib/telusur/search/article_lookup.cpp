#include "telusur/search/article_lookup.h"

#include <algorithm>

#include "telusur/schema.h"
#include "telusur/search/query_builder.h"
#include "telusur/source/utf8.h"

namespace telusur {

std::optional<Xapian::docid> find_docid(const Xapian::Database& db, std::string_view id) {
    if (id.empty() || id.size() > schema::kMaxIdBytes) return std::nullopt;
    const auto id_term = std::string(schema::kIdPrefix) + std::string(id);
    const auto posting = db.postlist_begin(id_term);
    if (posting == db.postlist_end(id_term)) return std::nullopt;
    return *posting;
}

std::optional<ArticleView> find_article(const Xapian::Database& db, std::string_view id) {
    if (const auto bad = find_invalid_utf8(id))
        throw QueryError("the article id is not valid UTF-8 (byte " + std::to_string(*bad + 1) + " of " +
                         std::to_string(id.size()) + ")");
    const auto found = find_docid(db, id);
    if (!found) return std::nullopt;
    const auto docid = *found;
    const auto doc = db.get_document(docid);

    ArticleView view;
    view.article = decode_stored_article(doc.get_data());
    if (view.article.id.empty()) view.article.id = std::string(id);  // data written by another tool
    // Every document has a cluster term; the near-duplicates of an article share it.
    const auto cluster = std::string(schema::kClusterPrefix) + schema::term_after_prefix(doc, schema::kClusterPrefix);
    if (cluster.size() == schema::kClusterPrefix.size()) return view;
    for (auto other = db.postlist_begin(cluster); other != db.postlist_end(cluster); ++other) {
        if (*other == docid) continue;
        ++view.copy_count;
        if (view.copies.size() < kMaxListedCopies)
            view.copies.push_back(schema::term_after_prefix(db.get_document(*other), schema::kIdPrefix));
    }
    std::sort(view.copies.begin(), view.copies.end());
    return view;
}

}  // namespace telusur
