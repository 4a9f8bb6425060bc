#include "output.h"

#include <stdexcept>
#include <string_view>

namespace telusur::query {

namespace {

Json or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

/// An empty object with room for `keys` members. An ordered_json object is a vector of
/// (const key, value) pairs, which cannot be moved: each time it grows, every value already
/// in it is deep-copied (all the hits, when "facets" came after them).
Json object_with_room(std::size_t keys) {
    Json object = Json::object();
    object.get_ref<Json::object_t&>().reserve(keys);
    return object;
}

Json explanation_json(const QueryExplanation& explanation) {
    Json tokens = Json::array();
    for (const auto& t : explanation.tokens)
        tokens.push_back({{"text", t.text}, {"normalized", t.normalized}, {"stem", or_null(t.stem)},
                          {"stopword", t.stopword}, {"aliases", t.aliases}});
    return {{"tokens", std::move(tokens)}, {"tiered", explanation.tiered},
            {"all_words", explanation.all_words}, {"most_words", or_null(explanation.most_words)},
            {"any_word", explanation.any_word}, {"exact_forms", or_null(explanation.exact_forms)}};
}

}  // namespace

Json hit_json(const Hit& hit, const std::vector<std::string>& fields) {
    const auto& a = hit.article;
    Json out = object_with_room(fields.size() + 4);  // date and similar give two keys each; matches
    for (const auto& field : fields) {
        if (field == "rank") out["rank"] = hit.rank;
        if (field == "id") out["id"] = a.id;
        if (field == "title") out["title"] = or_null(a.title);
        if (field == "date") out["date"] = or_null(a.date);
        if (field == "url") out["url"] = or_null(a.url);
        if (field == "source") out["source"] = or_null(a.source);
        if (field == "score") out["score"] = hit.score;
        if (field == "snippet") out["snippet"] = render_snippet(hit.snippet, "**", "**");
        if (field == "date") out["date_origin"] = or_null(a.date_origin);
        if (field == "entities") {
            Json entities = Json::object();
            entities["person"] = a.people;
            entities["place"] = a.places;
            entities["org"] = a.orgs;
            out["entities"] = std::move(entities);
        }
        if (field == "similar") {
            out["similar_count"] = hit.similar_ids.size();
            out["similar_ids"] = hit.similar_ids;
        }
    }
    if (!hit.matches.empty()) {
        Json matches = Json::array();
        for (const auto& m : hit.matches)
            matches.push_back({{"term", m.term}, {"field", m.field}, {"word", m.word}, {"weight", m.weight}});
        out["matches"] = std::move(matches);
    }
    return out;
}

Json facets_json(const SearchResults& results) {
    Json facets = Json::object();
    for (const auto& facet : results.facets) {
        Json values = Json::array();
        for (const auto& [value, count] : facet.values) values.push_back({{"value", value}, {"count", count}});
        facets[facet.kind] = std::move(values);
    }
    return facets;
}

Json results_json(const SearchResults& results, const std::vector<std::string>& fields) {
    Json hits = Json::array();
    for (const auto& hit : results.hits) hits.push_back(hit_json(hit, fields));
    Json out = object_with_room(10);
    out["schema_version"] = kJsonSchemaVersion;
    out["query"] = results.query;
    out["expanded_query"] = results.expanded_query;
    out["parsed_query"] = results.parsed_query;
    out["estimated_total"] = results.estimated_total;
    out["elapsed_ms"] = results.elapsed_ms;
    out["suggestion"] = or_null(results.suggestion);
    out["hits"] = std::move(hits);
    out["facets"] = facets_json(results);
    if (results.explanation) out["explain"] = explanation_json(*results.explanation);
    return out;
}

SerializedResults::SerializedResults(const SearchResults& results, const std::vector<std::string>& fields) {
    auto document = results_json(results, fields);
    document["elapsed_ms"] = 0;
    const auto text = dump_json(document);
    // The first "elapsed_ms": is the key: the string values before it (the query as typed and
    // parsed) have their quotes escaped, so they cannot hold that text.
    constexpr std::string_view kKey = "\"elapsed_ms\":0";
    const auto at = text.find(kKey);
    if (at == std::string::npos) throw std::logic_error("results_json has no elapsed_ms");
    const auto value = at + kKey.size() - 1;
    before_elapsed_ = text.substr(0, value);
    after_elapsed_ = text.substr(value + 1);
}

std::string SerializedResults::with_elapsed(double elapsed_ms) const {
    return before_elapsed_ + Json(elapsed_ms).dump() + after_elapsed_;
}

std::string dump_json(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

void write_json(std::ostream& out, const Json& value, int indent) {
    out << value.dump(indent, ' ', false, Json::error_handler_t::replace) << '\n';
}

void print_json(std::ostream& out, const SearchResults& results, const std::vector<std::string>& fields) {
    write_json(out, results_json(results, fields), 2);
}

void print_jsonl(std::ostream& out, const SearchResults& results, const std::vector<std::string>& fields) {
    for (const auto& hit : results.hits) {
        Json line = {{"type", "hit"}};
        line.update(hit_json(hit, fields));
        write_json(out, line, -1);
    }
    auto summary = results_json(results, fields);
    summary.erase("hits");
    Json line = {{"type", "summary"}};
    line.update(summary);
    write_json(out, line, -1);
}

}  // namespace telusur::query
