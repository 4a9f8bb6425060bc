#include <nlohmann/json.hpp>

#include "output.h"

namespace telusur::query {

void print_json(std::ostream& out, const SearchResults& results) {
    using json = nlohmann::ordered_json;  // keys in the documented order
    const auto or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    json hits = json::array();
    for (const auto& hit : results.hits) {
        const auto& a = hit.article;
        hits.push_back({{"rank", hit.rank},
                        {"id", a.id},
                        {"title", or_null(a.title)},
                        {"date", or_null(a.date)},
                        {"url", or_null(a.url)},
                        {"source", or_null(a.source)},
                        {"score", hit.score},
                        {"snippet", render_snippet(hit.snippet, "**", "**")}});
    }
    const json document = {{"query", results.query},
                           {"expanded_query", results.expanded_query},
                           {"estimated_total", results.estimated_total},
                           {"hits", std::move(hits)}};
    // Replace rather than throw on text that is not UTF-8: output must never abort half-way.
    out << document.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace telusur::query
