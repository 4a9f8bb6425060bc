#include "telusur/search/like_query.h"

#include <string>

#include "telusur/schema.h"
#include "telusur/search/article_lookup.h"

namespace telusur {

namespace {

/// Body stems other articles have too: a word only this article uses finds nothing else, and
/// title stems and filter terms say nothing the body's stems do not.
class SharedBodyStems : public Xapian::ExpandDecider {
  public:
    explicit SharedBodyStems(const Xapian::Database& db) : db_(db) {}
    bool operator()(const std::string& term) const override {
        return schema::is_body_stem_term(term) && db_.get_termfreq(term) > 1;
    }

  private:
    const Xapian::Database& db_;
};

}  // namespace

ParsedQuery like_query(const Xapian::Database& db, std::string_view id) {
    const auto found = find_docid(db, id);
    if (!found)
        throw QueryError("no article with id '" + std::string(id) + "' (ids as telusur-query --ids prints them)");
    const auto docid = *found;
    const auto id_term = std::string(schema::kIdPrefix) + std::string(id);

    Xapian::RSet article;
    article.add_document(docid);
    Xapian::Enquire enquire(db);
    const SharedBodyStems decider(db);
    const auto stems = enquire.get_eset(kLikeTerms, article, &decider);

    // Every document has a cluster term; only those with copies have the key in the collapse slot.
    const auto cluster = std::string(schema::kClusterPrefix) +
                         schema::term_after_prefix(db.get_document(docid), schema::kClusterPrefix);
    const Xapian::Query same_story(Xapian::Query::OP_OR, Xapian::Query(id_term), Xapian::Query(cluster));
    ParsedQuery parsed;
    parsed.any_word = Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, stems.begin(), stems.end()),
                                    same_story);
    parsed.all_words = parsed.any_word;
    return parsed;
}

}  // namespace telusur
