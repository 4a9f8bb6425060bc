#include "telusur/source/html_file_reader.h"

#include "telusur/blank_text.h"
#include "telusur/clean/html_page.h"
#include "telusur/error.h"
#include "telusur/source/record_article.h"
#include "telusur/source/whole_file.h"

namespace telusur {

std::optional<Article> read_html_file(const std::filesystem::path& path, std::string id, std::size_t max_bytes,
                                      const std::atomic<bool>* stop) {
    const std::string name = path.string();
    check_file_id(name, id);
    const auto bytes = read_whole_file(path, max_bytes, stop);
    if (!bytes) return std::nullopt;

    auto page = read_html_page(*bytes);
    Article article;
    article.id = std::move(id);
    article.title = std::move(page.title);
    article.body = std::move(page.body);
    article.date = std::move(page.date);
    article.url = std::move(page.url);
    article.source = std::move(page.source);
    article.input_bytes = bytes->size();
    if (is_blank(article.body) && is_blank(article.title)) throw InputError(name, 0, "no text in the page");
    finish_record_article(article, name, 0);
    return article;
}

}  // namespace telusur
