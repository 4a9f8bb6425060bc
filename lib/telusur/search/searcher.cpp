#include "telusur/search/searcher.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <unordered_map>

#include "telusur/analysis/stemmer/confix_stemmer.h"
#include "telusur/error.h"
#include "telusur/schema.h"
#include "telusur/search/like_query.h"
#include "telusur/search/query_syntax.h"
#include "telusur/search/snippet_terms.h"
#include "telusur/search/term_suggester.h"
#include "telusur/source/utf8.h"
#include "telusur/xapian_error_text.h"

namespace telusur {

namespace {

constexpr std::size_t kMaxSimilarIds = 20;

/// Matches Xapian checks before it estimates the total: with results collapsed it may stop early
/// and round ("banjir": about 100 for 180). Sets up to 100 are counted exactly; no cost measured
/// on result pages, unlike 1,000 or the any-word estimate (bench/results/search-latency.md).
constexpr Xapian::doccount kCheckAtLeast = 100;

Xapian::Database open_database(const std::filesystem::path& path) {
    // Xapian would read a file as a stub listing databases and fail with "x.txt:1: Bad line".
    if (std::error_code ec; std::filesystem::is_regular_file(path, ec))
        throw Error("'" + path.string() + "' is a file; --db names a database folder");
    try {
        return Xapian::Database(path.string());
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw Error("no database at '" + path.string() + "' (build one with telusur-index --db " + path.string() + " INPUT)");
    } catch (const Xapian::Error& e) {
        throw Error("cannot open database '" + path.string() + "': " + xapian_error_text(e));
    }
}

/// Throws Error if `db` records another stemmer than `stemmer` (`advice` ends the message), or
/// holds documents another stemmer built: left by a run after stemmer-data changed that did not
/// index every article again, they would be searched for stems they do not have.
void check_same_stemmer(const Xapian::Database& db, const std::filesystem::path& path, const Xapian::Stem& stemmer,
                        std::string_view advice) {
    const auto built_with = db.get_metadata(std::string(schema::kStemmerKey));
    if (built_with != stemmer.get_description())
        throw Error("database '" + path.string() + "' was built with stemmer '" + built_with + "' but this telusur uses '" +
                    stemmer.get_description() + "': " + std::string(advice));
    const auto total = db.get_doccount();
    if (const auto others = total - db.get_termfreq(schema::stemmer_term(built_with)); others > 0)
        throw Error("database '" + path.string() + "': " + std::to_string(others) + " of its " + std::to_string(total) +
                    " documents were built with other stemmer-data or by an older telusur: index their "
                    "articles again with telusur-index");
}

void check_compatible(const Xapian::Database& db, const std::filesystem::path& path, const Xapian::Stem& stemmer) {
    const auto version = db.get_metadata(std::string(schema::kVersionKey));
    if (version != schema::kVersion)
        throw Error("'" + path.string() + "' is not a telusur database of schema " + std::string(schema::kVersion) +
                    (version.empty() ? "" : " (it has schema " + version + "): re-index it"));
    check_same_stemmer(db, path, stemmer, "re-index it");
}

/// How many documents a match set holds, and whether that is the count or an estimate.
struct MatchCount {
    Xapian::doccount count = 0;
    bool exact = false;
};

/// How many documents `mset` matches, of a match that looked at up to `checked` of them. Once
/// Xapian 1.4 has seen every match (fewer than `checked`), its lower bound is the exact count;
/// when collapsing, its estimate is not: it still scales by the terms' frequencies ("banjir"
/// filtered to place:Jakarta: an estimate of 80 for 66, with none asked for 1 for 0).
MatchCount matches_of(const Xapian::MSet& mset, Xapian::doccount checked) {
    if (mset.get_uncollapsed_matches_lower_bound() < checked) return {mset.get_matches_lower_bound(), true};
    const bool bounded = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    return {mset.get_matches_estimated(), bounded};
}

/// `query` ranked higher where a document uses the forms typed (see ParsedQuery::exact_forms).
Xapian::Query with_exact_forms(const Xapian::Query& query, const ParsedQuery& parsed) {
    if (parsed.exact_forms.empty()) return query;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, parsed.exact_forms);
}

/// Throws QueryError when `text` (the request's `what`) is not UTF-8: a query typed in another
/// encoding cannot match an index of UTF-8 words, so saying so beats searching for U+FFFD.
void require_utf8(std::string_view text, std::string_view what) {
    if (const auto bad = find_invalid_utf8(text))
        throw QueryError(std::string(what) + " is not valid UTF-8 (byte " + std::to_string(*bad + 1) + " of " +
                         std::to_string(text.size()) + ")");
}

void require_utf8(const SearchRequest& request) {
    require_utf8(request.query, "the query");
    require_utf8(request.like, "the article id");
    for (const auto& filter : request.filters) require_utf8(filter, "a filter");
    require_utf8(request.since, "since");
    require_utf8(request.until, "until");
    for (const auto& facet : request.facets) require_utf8(facet, "a facet");
}

std::vector<std::string> keys_of(const std::unordered_map<std::string, double>& map) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : map) keys.push_back(key);
    return keys;
}

}  // namespace

Searcher::Searcher(const std::filesystem::path& path, const LanguageData& data)
    : path_(path), version_(path), folder_(folder_identity(path)), db_(open_database(path)), data_(data),
      stemmer_(data.make_stemmer()),
      irregular_(irregular_forms(*data.stemmer_data.stemmer(), stemmer_)), builder_(data, stemmer_, db_),
      analyzer_(data.stopwords, stemmer_, data.stemmer_data.stemmer()) {
    check_compatible(db_, path, stemmer_);
}

bool Searcher::reopen() {
    if (!version_.changed()) return false;
    return reopen_database();
}

bool Searcher::reopen_database() {
    bool moved = false;
    try {
        const auto folder = folder_;
        moved = reopen_latest(db_, path_, folder_);
        if (folder_ != folder) builder_.set_database(db_);  // a new handle: the parser held the old one
    } catch (const Xapian::Error& e) {
        // Deleted or being replaced by hand: said as such (HTTP 503), and tried again next time.
        version_.forget();
        throw Error("cannot reopen database '" + path_.string() + "': " + xapian_error_text(e));
    }
    try {
        check_same_stemmer(db_, path_, stemmer_,
                           "it was re-indexed after this telusur-query started; restart it with the stemmer-data "
                           "the index was built with");
    } catch (const Error&) {
        version_.forget();  // checked again next time, not taken as seen
        throw;
    }
    return moved;
}

SearchResults Searcher::search(const SearchRequest& request) {
    if (request.query.size() > kMaxQueryBytes)
        throw QueryError("query too long (" + std::to_string(request.query.size()) + " bytes; at most " +
                         std::to_string(kMaxQueryBytes) + ")");
    require_utf8(request);
    const auto started = std::chrono::steady_clock::now();
    for (const auto& kind : request.facets)
        if (!is_facet_kind(kind))
            throw QueryError("unknown facet '" + kind + "' (expected person, place, org, entity, date or source)");
    if (!request.like.empty() && !request.query.empty())
        throw QueryError("give a query or an article to find others like, not both");
    // A writer may commit between our reads: retry once on a fresh view instead of failing.
    ParsedQuery parsed;
    SearchResults results;
    try {
        parsed = parse(request);
        results = run(request, parsed);
    } catch (const Xapian::DatabaseModifiedError&) {
        version_.changed();  // the new stamp first, then the database it stamps
        reopen_database();
        parsed = parse(request);
        results = run(request, parsed);
    }
    if (request.explain) results.explanation = explain_query(request.query, parsed, analyzer_, data_.aliases);
    const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - started;
    results.elapsed_ms = elapsed.count();
    return results;
}

ParsedQuery Searcher::parse(const SearchRequest& request) {
    auto parsed = request.like.empty() ? builder_.build(request.query) : like_query(db_, request.like);
    // Filters and dates narrow both tiers alike.
    std::vector<Filter> filters;
    for (const auto& text : request.filters) filters.push_back(Filter::parse(text));
    auto narrowing = filters_query(filters, data_);
    if (!request.since.empty() || !request.until.empty()) {
        const auto dates = date_range_query(request.since, request.until);
        narrowing = narrowing.empty() ? dates : Xapian::Query(Xapian::Query::OP_AND, narrowing, dates);
    }
    if (!narrowing.empty()) {
        parsed.all_words = Xapian::Query(Xapian::Query::OP_FILTER, parsed.all_words, narrowing);
        parsed.any_word = Xapian::Query(Xapian::Query::OP_FILTER, parsed.any_word, narrowing);
        if (!parsed.most_words.empty())
            parsed.most_words = Xapian::Query(Xapian::Query::OP_FILTER, parsed.most_words, narrowing);
    }
    return parsed;
}

SearchResults Searcher::run(const SearchRequest& request, const ParsedQuery& parsed) {
    SearchResults results;
    results.query = request.query;
    results.like = request.like;
    results.expanded_query = parsed.expanded;
    results.parsed_query = parsed.any_word.get_description();

    Xapian::Enquire enquire(db_);
    if (request.collapse) enquire.set_collapse_key(schema::kClusterSlot);
    const auto limit = static_cast<Xapian::doccount>(request.limit);
    const auto offset = static_cast<Xapian::doccount>(request.offset);
    const bool by_date = request.sort != SearchRequest::Sort::Relevance;
    // Asked for no hits means asked for the count: check every match so it is exact.
    const Xapian::doccount check = request.limit == 0 ? db_.get_doccount() : kCheckAtLeast;
    // Articles without a date come last in either order, as Elasticsearch puts missing values:
    // "oldest first" listing every undated article before 1998 answers nothing.
    Xapian::MultiValueKeyMaker by_date_key;  // outlives the get_mset calls below
    if (by_date) {
        const bool newest_first = request.sort == SearchRequest::Sort::DateDescending;
        by_date_key.add_value(schema::kDateSlot, newest_first, newest_first ? "" : "\xff");
        // Within a day, by the time the date field gave (an article with none at the day's start).
        by_date_key.add_value(schema::kTimeSlot, newest_first);
        enquire.set_sort_by_key_then_relevance(&by_date_key, false);
    }
    // A count (limit 0) needs no order: the tiers divide the any-word matches between them.
    // Sorted by date, each tier is in date order: the newest articles with every word first,
    // not the newest with any one of them.
    if (parsed.single_reading() || limit == 0) {
        enquire.set_query(limit == 0 ? parsed.any_word : with_exact_forms(parsed.any_word, parsed));
        const auto mset = enquire.get_mset(offset, limit, check);
        const auto total = matches_of(mset, check);
        results.estimated_total = total.count;
        results.total_is_exact = total.exact;
        add_hits(enquire, mset, parsed, request, results.hits);
    } else {
        run_tiers(enquire, parsed, request, results);
    }
    results.suggestion = suggest(request.query);
    results.filter_suggestions = suggest_filters(request.filters);
    if (!request.facets.empty()) results.facets = count_facets(request, parsed.any_word);
    return results;
}

void Searcher::run_tiers(Xapian::Enquire& enquire, const ParsedQuery& parsed, const SearchRequest& request,
                         SearchResults& results) {
    // Documents with every word, then (three words or more) with every word but one, then the
    // rest: each tier continues the ranking list of the one before.
    std::vector<Xapian::Query> levels{parsed.all_words};
    if (!parsed.most_words.empty()) levels.push_back(parsed.most_words);
    levels.push_back(parsed.any_word);
    const auto limit = static_cast<Xapian::doccount>(request.limit);
    Xapian::doccount before = 0;                                       // documents of the tiers passed
    auto skip = static_cast<Xapian::doccount>(request.offset);  // of the page's offset, still to skip
    for (std::size_t tier = 0; tier < levels.size(); ++tier) {
        const bool last = tier + 1 == levels.size();
        auto query = tier == 0 ? levels[0] : Xapian::Query(Xapian::Query::OP_AND_NOT, levels[tier], levels[tier - 1]);
        // Not in the last tier: its documents lack words anyway, and there the exact forms would
        // stop Xapian from skipping the postings of common words (syn-100k p99 4.3–4.8 ms against
        // 2.0–2.7 ms without them there, bench/results/search-latency.md).
        enquire.set_query(last ? query : with_exact_forms(query, parsed));
        const auto wanted = limit - static_cast<Xapian::doccount>(results.hits.size());
        const auto mset = enquire.get_mset(skip, wanted, kCheckAtLeast);
        add_hits(enquire, mset, parsed, request, results.hits);
        if (last) {
            const auto total = matches_of(mset, kCheckAtLeast);
            results.estimated_total = before + total.count;
            results.total_is_exact = total.exact;
            return;
        }
        if (mset.size() == wanted) {
            // The page is full: the later tiers are only estimated, as Xapian's counts are.
            enquire.set_query(parsed.any_word);
            results.estimated_total =
                std::max(enquire.get_mset(0, 0).get_matches_estimated(), before + matches_of(mset, kCheckAtLeast).count);
            return;
        }
        // The tier ended on this page, so its size is known exactly, unless the page starts past
        // its end: then its results are fetched, because their number decides where the next tier
        // starts. (A count by get_mset(0, 0, all) is only an estimate once results collapse.)
        const auto size = mset.size() > 0 || skip == 0 ? skip + mset.size() : enquire.get_mset(0, skip).size();
        before += size;
        skip = skip > size ? skip - size : 0;
    }
}

std::vector<Facet> Searcher::count_facets(const SearchRequest& request, const Xapian::Query& query) {
    // A separate pass over the whole match set, uncollapsed, with every document checked: the
    // counts are exact whatever page is shown.
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    // Counting needs no ranking: without weights the matcher skips scoring every document.
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<std::unique_ptr<FacetCounter>> counters;
    for (const auto& kind : request.facets) {
        counters.push_back(std::make_unique<FacetCounter>(kind, db_));
        enquire.add_matchspy(counters.back().get());
    }
    enquire.get_mset(0, 0, db_.get_doccount());
    std::vector<Facet> facets;
    for (const auto& counter : counters) facets.push_back(counter->result(request.facet_limit));
    return facets;
}

void Searcher::add_hits(Xapian::Enquire& enquire, const Xapian::MSet& mset, const ParsedQuery& parsed,
                        const SearchRequest& request, std::vector<Hit>& hits) {
    std::optional<SnippetQuery> snippet_terms;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = request.offset + hits.size() + 1;
        hit.docid = *it;
        hit.score = it.get_weight();
        const auto doc = it.get_document();
        hit.article = decode_stored_article(doc.get_data());
        if (request.snippet_bytes > 0) {
            if (!snippet_terms) {
                snippet_terms = snippet_query(parsed, mset, db_);
                // Skips the words that cannot stem to the query: most of them.
                auto* snippet_stemmer = new SnippetStemmer(stemmer_, keys_of(snippet_terms->stems), irregular_);
                snippet_terms->stem_needles = snippet_stemmer->needles();
                snippet_terms->stem = [stem = Xapian::Stem(snippet_stemmer)](const std::string& word) mutable {
                    return stem(word);
                };
                snippet_terms->whole_stem = [confix = data_.stemmer_data.stemmer()](const std::string& word) {
                    return confix->whole_word_stem(word);
                };
            }
            hit.snippet = make_snippet(hit.article.body, request.snippet_bytes, *snippet_terms);
        }
        if (request.collapse && it.get_collapse_count() > 0) {
            // The collapse count is a lower bound; list the cluster's other matching documents.
            Xapian::Enquire similar(db_);
            const auto cluster = std::string(schema::kClusterPrefix) + doc.get_value(schema::kClusterSlot);
            similar.set_query(Xapian::Query(Xapian::Query::OP_FILTER, parsed.any_word, Xapian::Query(cluster)));
            const auto others = similar.get_mset(0, kMaxSimilarIds + 1);
            for (auto o = others.begin(); o != others.end(); ++o)
                if (*o != hit.docid && hit.similar_ids.size() < kMaxSimilarIds)
                    hit.similar_ids.push_back(schema::term_after_prefix(o.get_document(), schema::kIdPrefix));
        }
        if (request.explain)
            hit.matches = term_matches(db_, enquire, enquire.get_query(), hit.docid,
                                       std::string(schema::kIdPrefix) + hit.article.id, parsed.wildcards);
        hits.push_back(std::move(hit));
    }
}

Xapian::doccount Searcher::count(const SearchRequest& request) {
    auto counting = request;
    counting.limit = 0;
    counting.facets.clear();
    counting.explain = false;
    counting.collapse = false;
    return search(counting).estimated_total;
}

}  // namespace telusur
