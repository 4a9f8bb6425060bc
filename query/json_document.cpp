#include "output.h"

#include <algorithm>
#include <string_view>

#include "json_writer.h"

namespace telusur::query {

namespace {

/// The members of a hit object, in the order of `fields` (each field once).
void write_hit_members(JsonWriter& out, const Hit& hit, const std::vector<std::string>& fields) {
    const auto& a = hit.article;
    for (auto field = fields.begin(); field != fields.end(); ++field) {
        if (std::find(fields.begin(), field, *field) != field) continue;  // asked for twice
        if (*field == "rank") out.key("rank").number(hit.rank);
        if (*field == "id") out.key("id").string(a.id);
        if (*field == "title") out.key("title").string_or_null(a.title);
        if (*field == "date") out.key("date").string_or_null(a.date).key("date_origin").string_or_null(a.date_origin);
        if (*field == "url") out.key("url").string_or_null(a.url);
        if (*field == "source") out.key("source").string_or_null(a.source);
        if (*field == "score") out.key("score").number(hit.score);
        if (*field == "snippet") out.key("snippet").string(render_snippet(hit.snippet, "**", "**"));
        if (*field == "entities") {
            out.key("entities").begin_object();
            out.key("person").strings(a.people).key("place").strings(a.places).key("org").strings(a.orgs);
            out.end_object();
        }
        if (*field == "similar")
            out.key("similar_count").number(hit.similar_ids.size()).key("similar_ids").strings(hit.similar_ids);
    }
    if (!hit.matches.empty()) {
        out.key("matches").begin_array();
        for (const auto& m : hit.matches) {
            out.begin_object().key("term").string(m.term).key("field").string(m.field).key("word").string(m.word);
            out.key("weight").number(m.weight).end_object();
        }
        out.end_array();
    }
}

/// {"person": [{"value", "count"}, …], …} for the facets asked for (each kind once).
void write_facets(JsonWriter& out, const SearchResults& results) {
    out.begin_object();
    for (auto facet = results.facets.begin(); facet != results.facets.end(); ++facet) {
        const auto same_kind = [&](const Facet& f) { return f.kind == facet->kind; };
        if (std::find_if(results.facets.begin(), facet, same_kind) != facet) continue;
        out.key(facet->kind).begin_array();
        for (const auto& [value, count] : facet->values)
            out.begin_object().key("value").string(value).key("count").number(count).end_object();
        out.end_array();
    }
    out.end_object();
}

void write_explanation(JsonWriter& out, const QueryExplanation& explanation) {
    out.begin_object().key("tokens").begin_array();
    for (const auto& t : explanation.tokens) {
        out.begin_object().key("text").string(t.text).key("normalized").string(t.normalized);
        out.key("stem").string_or_null(t.stem).key("stopword").boolean(t.stopword);
        out.key("aliases").strings(t.aliases).end_object();
    }
    out.end_array();
    out.key("tiered").boolean(explanation.tiered).key("all_words").string(explanation.all_words);
    out.key("most_words").string_or_null(explanation.most_words).key("any_word").string(explanation.any_word);
    out.key("exact_forms").string_or_null(explanation.exact_forms).end_object();
}

/// The members of the results document up to "elapsed_ms", whose value comes next.
void write_members_before_elapsed(JsonWriter& out, const SearchResults& results) {
    out.key("schema_version").number(kJsonSchemaVersion);
    out.key("query").string(results.query).key("like").string_or_null(results.like);
    out.key("expanded_query").string(results.expanded_query);
    out.key("parsed_query").string(results.parsed_query).key("estimated_total").number(results.estimated_total);
    out.key("total_exact").boolean(results.total_is_exact);
    out.key("elapsed_ms");
}

/// The members after "elapsed_ms"; the hits only when `with_hits`.
void write_members_after_elapsed(JsonWriter& out, const SearchResults& results, const std::vector<std::string>& fields,
                                 bool with_hits) {
    out.key("suggestion").string_or_null(results.suggestion);
    out.key("filter_suggestions").begin_array();
    for (const auto& filter : results.filter_suggestions) out.string(filter);
    out.end_array();
    if (with_hits) {
        out.key("hits").begin_array();
        for (const auto& hit : results.hits) {
            out.begin_object();
            write_hit_members(out, hit, fields);
            out.end_object();
        }
        out.end_array();
    }
    out.key("facets");
    write_facets(out, results);
    // How many distinct values each facet has before --facet-limit: "+N more" in text.
    out.key("facet_distinct").begin_object();
    for (auto facet = results.facets.begin(); facet != results.facets.end(); ++facet) {
        const auto same_kind = [&](const Facet& f) { return f.kind == facet->kind; };
        if (std::find_if(results.facets.begin(), facet, same_kind) == facet) out.key(facet->kind).number(facet->distinct);
    }
    out.end_object();
    if (results.explanation) write_explanation(out.key("explain"), *results.explanation);
}

/// Every member of the results document, the hits only when `with_hits`.
void write_members(JsonWriter& out, const SearchResults& results, const std::vector<std::string>& fields,
                   bool with_hits) {
    write_members_before_elapsed(out, results);
    out.number(results.elapsed_ms);
    write_members_after_elapsed(out, results, fields, with_hits);
}

}  // namespace

std::string results_document(const SearchResults& results, const std::vector<std::string>& fields) {
    JsonWriter out;
    out.begin_object();
    write_members(out, results, fields, true);
    return out.end_object().take();
}

SerializedResults::SerializedResults(const SearchResults& results, const std::vector<std::string>& fields) {
    JsonWriter out;
    out.begin_object();
    write_members_before_elapsed(out, results);
    before_elapsed_ = out.text();
    out.number(0.0);  // stands in for the value; what follows is cut after it
    const auto value_end = out.text().size();
    write_members_after_elapsed(out, results, fields, true);
    out.end_object();
    after_elapsed_ = out.text().substr(value_end);
}

std::string SerializedResults::with_elapsed(double elapsed_ms) const {
    JsonWriter value;
    value.number(elapsed_ms);
    std::string document;
    document.reserve(before_elapsed_.size() + value.text().size() + after_elapsed_.size());
    return document.append(before_elapsed_).append(value.text()).append(after_elapsed_);
}

std::string article_document(const ArticleView& view) {
    const auto& a = view.article;
    JsonWriter out;
    out.begin_object().key("schema_version").number(kJsonSchemaVersion);
    out.key("id").string(a.id).key("title").string_or_null(a.title);
    out.key("date").string_or_null(a.date).key("date_origin").string_or_null(a.date_origin);
    out.key("url").string_or_null(a.url).key("source").string_or_null(a.source);
    out.key("entities").begin_object();
    out.key("person").strings(a.people).key("place").strings(a.places).key("org").strings(a.orgs);
    out.end_object();
    out.key("similar_count").number(view.copy_count).key("similar_ids").strings(view.copies);
    out.key("body").string(a.body);
    return out.end_object().take();
}

std::string dump_json(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

void write_json(std::ostream& out, const Json& value, int indent) {
    out << value.dump(indent, ' ', false, Json::error_handler_t::replace) << '\n';
}

void print_json(std::ostream& out, const SearchResults& results, const std::vector<std::string>& fields) {
    // Indented for people, from the same text the HTTP API sends.
    write_json(out, Json::parse(results_document(results, fields)), 2);
}

void print_jsonl(std::ostream& out, const SearchResults& results, const std::vector<std::string>& fields) {
    for (const auto& hit : results.hits) {
        JsonWriter line;
        line.begin_object().key("type").string("hit");
        write_hit_members(line, hit, fields);
        out << line.end_object().text() << '\n';
    }
    JsonWriter summary;
    summary.begin_object().key("type").string("summary");
    write_members(summary, results, fields, false);
    out << summary.end_object().text() << '\n';
}

}  // namespace telusur::query
