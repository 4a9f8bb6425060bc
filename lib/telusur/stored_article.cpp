#include "telusur/stored_article.h"

#include <nlohmann/json.hpp>

namespace telusur {

std::string encode_stored_article(const StoredArticle& a) {
    const nlohmann::json data = {{"id", a.id},       {"title", a.title},         {"date", a.date},
                                 {"url", a.url},     {"source", a.source},       {"body", a.body},
                                 {"date_origin", a.date_origin},
                                 {"people", a.people}, {"places", a.places},     {"orgs", a.orgs}};
    return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StoredArticle decode_stored_article(const std::string& data) {
    StoredArticle out;
    const auto json = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object()) return out;
    const auto field = [&](const char* name) {
        const auto it = json.find(name);
        return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    out.id = field("id");
    out.title = field("title");
    out.date = field("date");
    out.url = field("url");
    out.source = field("source");
    out.body = field("body");
    out.date_origin = field("date_origin");
    const auto list = [&](const char* name) {
        std::vector<std::string> values;
        const auto it = json.find(name);
        if (it != json.end() && it->is_array())
            for (const auto& v : *it)
                if (v.is_string()) values.push_back(v.get<std::string>());
        return values;
    };
    out.people = list("people");
    out.places = list("places");
    out.orgs = list("orgs");
    return out;
}

}  // namespace telusur
