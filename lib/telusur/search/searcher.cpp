#include "telusur/search/searcher.h"

#include <xapian.h>

#include "telusur/analysis/snowball_stemmer.h"
#include "telusur/error.h"
#include "telusur/schema.h"

namespace telusur {

namespace {

Xapian::Database open_database(const std::filesystem::path& path) {
    try {
        return Xapian::Database(path.string());
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw Error("no database at '" + path.string() + "' (build one with telusur-index --db " + path.string() + " INPUT)");
    } catch (const Xapian::Error& e) {
        throw Error("cannot open database '" + path.string() + "': " + e.get_msg());
    }
}

void check_compatible(const Xapian::Database& db, const std::filesystem::path& path, const Xapian::Stem& stemmer) {
    const auto version = db.get_metadata(std::string(schema::kVersionKey));
    if (version != schema::kVersion)
        throw Error("'" + path.string() + "' is not a telusur database of schema " + std::string(schema::kVersion) +
                    (version.empty() ? "" : " (it has schema " + version + ")"));
    const auto built_with = db.get_metadata(std::string(schema::kStemmerKey));
    if (built_with != stemmer.get_description())
        throw Error("database '" + path.string() + "' was built with stemmer '" + built_with + "' but this telusur uses '" +
                    stemmer.get_description() + "': re-index it");
}

void append_hits(const Xapian::MSet& mset, const Xapian::Stem& stemmer, std::size_t snippet_bytes,
                 std::size_t first_rank, std::vector<Hit>& hits) {
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = first_rank + hits.size();
        hit.docid = *it;
        hit.score = it.get_weight();
        hit.article = decode_stored_article(it.get_document().get_data());
        const auto marked = mset.snippet(hit.article.body, snippet_bytes, stemmer,
                                         Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                         std::string(kHighlightStart), std::string(kHighlightEnd), "…");
        hit.snippet = parse_xapian_snippet(marked);
        hits.push_back(std::move(hit));
    }
}

}  // namespace

Searcher::Searcher(const std::filesystem::path& path, const LanguageData& data)
    : db_(open_database(path)), stemmer_(make_stemmer()), builder_(data, stemmer_, db_) {
    check_compatible(db_, path, stemmer_);
}

SearchResults Searcher::search(const SearchRequest& request) {
    const auto parsed = builder_.build(request.query);
    SearchResults results;
    results.query = request.query;
    results.expanded_query = parsed.expanded;

    Xapian::Enquire enquire(db_);
    const auto limit = static_cast<Xapian::doccount>(request.limit);
    const auto offset = static_cast<Xapian::doccount>(request.offset);
    if (parsed.single_reading()) {
        enquire.set_query(parsed.any_word);
        const auto mset = enquire.get_mset(offset, limit);
        results.estimated_total = mset.get_matches_estimated();
        append_hits(mset, stemmer_, request.snippet_bytes, request.offset + 1, results.hits);
        return results;
    }

    // Tier 1: every word. Counted exactly, because it decides where tier 2 starts.
    enquire.set_query(parsed.all_words);
    const auto complete = enquire.get_mset(offset, limit, db_.get_doccount());
    const auto complete_total = complete.get_matches_estimated();
    append_hits(complete, stemmer_, request.snippet_bytes, request.offset + 1, results.hits);

    // Tier 2: the rest of the any-word matches, continuing the same ranking list.
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, parsed.any_word, parsed.all_words));
    const auto rest_offset = offset > complete_total ? offset - complete_total : 0;
    const auto rest_limit = limit - static_cast<Xapian::doccount>(results.hits.size());
    const auto rest = enquire.get_mset(rest_offset, rest_limit);
    if (rest_limit > 0) append_hits(rest, stemmer_, request.snippet_bytes, request.offset + 1, results.hits);
    results.estimated_total = complete_total + rest.get_matches_estimated();
    return results;
}

}  // namespace telusur
