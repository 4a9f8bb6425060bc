#include "telusur/stored_article.h"

#include <nlohmann/json.hpp>

namespace telusur {

std::string encode_stored_article(const Article& article) {
    const nlohmann::json data = {{"id", article.id},     {"title", article.title},   {"date", article.date},
                                 {"url", article.url},   {"source", article.source}, {"body", article.body}};
    return data.dump();
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
    return out;
}

}  // namespace telusur
