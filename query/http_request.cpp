#include "http_request.h"

#include <algorithm>
#include <charconv>
#include <iterator>

#include "request.h"

namespace telusur::query {

namespace {

constexpr std::size_t kMaxLimit = 100;
constexpr std::size_t kMaxOffset = 10000;

std::size_t number_param(const Params& params, const char* name, std::size_t fallback, std::size_t max) {
    const auto* text = params.find(name);
    if (text == nullptr) return fallback;
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size())
        throw BadRequest{std::string("parameter '") + name + "' must be a whole number"};
    if (value > max) throw BadRequest{std::string("parameter '") + name + "' is at most " + std::to_string(max)};
    return value;
}

/// GET /search's parameters; only `facet` and `filter` may be repeated.
constexpr std::string_view kSingleParams[] = {"q", "like", "limit", "offset", "format", "sort", "since", "until",
                                              "facet_limit", "collapse"};
constexpr std::string_view kRepeatableParams[] = {"facet", "filter"};

void check_names(const Params& params) {
    const auto known = [](const auto& list, std::string_view name) {
        return std::find(std::begin(list), std::end(list), name) != std::end(list);
    };
    const auto names = params.names();
    for (auto it = names.begin(); it != names.end(); ++it) {
        if (it->empty() || known(kRepeatableParams, *it)) continue;  // "a=1&&b=2" has an empty one
        if (!known(kSingleParams, *it))
            throw BadRequest{"unknown parameter '" + std::string(*it) +
                             "' (GET /search takes q, like, limit, offset, facet, facet_limit, filter, since, until, sort, "
                             "collapse, format)"};
        if (std::find(names.begin(), it, *it) != it)
            throw BadRequest{"parameter '" + std::string(*it) + "' given more than once"};
    }
}

}  // namespace

Params::Params(MHD_Connection* connection) {
    MHD_get_connection_values_n(connection, MHD_GET_ARGUMENT_KIND, &Params::add, this);
}

const std::string* Params::find(std::string_view name) const {
    for (const auto& [key, value] : pairs_)
        if (key == name) return &value;
    return nullptr;
}

std::vector<std::string> Params::all(std::string_view name) const {
    std::vector<std::string> values;
    for (const auto& [key, value] : pairs_)
        if (key == name) values.push_back(value);
    return values;
}

std::vector<std::string_view> Params::names() const {
    std::vector<std::string_view> names;
    for (const auto& pair : pairs_) names.push_back(pair.first);
    return names;
}

MHD_Result Params::add(void* self, MHD_ValueKind, const char* key, size_t key_size, const char* value,
                       size_t value_size) {
    static_cast<Params*>(self)->pairs_.emplace_back(std::string(key, key_size),
                                                    value != nullptr ? std::string(value, value_size) : std::string());
    return MHD_YES;
}

SearchRequest parse_search_request(const Params& params) {
    check_names(params);
    SearchRequest request;
    const auto* query = params.find("q");
    const auto* like = params.find("like");
    if (query == nullptr && like == nullptr) throw BadRequest{"missing parameter 'q' (or 'like', an article id)"};
    if (query != nullptr && like != nullptr) throw BadRequest{"give 'q' or 'like', not both"};
    if (query != nullptr) request.query = *query;
    if (like != nullptr) {
        if (like->empty()) throw BadRequest{"parameter 'like' needs an article id"};
        request.like = *like;
    }
    if (request.query.size() > kMaxQueryBytes)
        throw BadRequest{"parameter 'q' is longer than " + std::to_string(kMaxQueryBytes) + " bytes"};
    request.limit = number_param(params, "limit", 10, kMaxLimit);
    request.offset = number_param(params, "offset", 0, kMaxOffset);
    if (const auto* format = params.find("format"); format != nullptr && *format != "json")
        throw BadRequest{"parameter 'format' must be json"};
    if (const auto* sort = params.find("sort")) request.sort = parse_sort(*sort);
    request.facets = params.all("facet");
    request.filters = params.all("filter");
    // Empty, a bound would read as none: "since=" from a script's unset variable lists every date.
    for (const char* name : {"since", "until"})
        if (const auto* date = params.find(name); date != nullptr && date->empty())
            throw BadRequest{std::string("parameter '") + name + "' is empty (YYYY, YYYY-MM or YYYY-MM-DD)"};
    if (const auto* since = params.find("since")) request.since = *since;
    if (const auto* until = params.find("until")) request.until = *until;
    request.facet_limit = number_param(params, "facet_limit", 10, 1000);
    if (const auto* collapse = params.find("collapse")) {
        // "collapse=false" read as on would answer with the copies hidden that the client asked to see.
        if (*collapse != "0" && *collapse != "1") throw BadRequest{"parameter 'collapse' must be 0 or 1"};
        request.collapse = *collapse == "1";
    }
    return request;
}

std::string parse_article_id(const Params& params) {
    const auto names = params.names();
    for (auto it = names.begin(); it != names.end(); ++it) {
        if (it->empty()) continue;
        if (*it != "id") throw BadRequest{"unknown parameter '" + std::string(*it) + "' (GET /article takes id)"};
        if (std::find(names.begin(), it, *it) != it) throw BadRequest{"parameter 'id' given more than once"};
    }
    const auto* id = params.find("id");
    if (id == nullptr || id->empty())
        throw BadRequest{"missing parameter 'id' (an article id, as /search's hits give it)"};
    return *id;
}

}  // namespace telusur::query
