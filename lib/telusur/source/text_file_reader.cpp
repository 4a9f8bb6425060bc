#include "telusur/source/text_file_reader.h"

#include "telusur/blank_text.h"
#include "telusur/error.h"
#include "telusur/source/control_characters.h"
#include "telusur/source/utf8.h"
#include "telusur/source/whole_file.h"

namespace telusur {

namespace {

/// Every line break as LF: CRLF (Windows) and a lone CR (classic Mac OS) too. The first line
/// becomes the title, and a CR left in it would send the terminal's cursor back over the title
/// ("Berita Resmi\rHOAKS" shows as "HOAKSa Resmi"); a Mac file would be one line, all title.
void unify_line_breaks(std::string& text) {
    std::size_t out = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            text[out++] = '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            continue;
        }
        text[out++] = text[i];
    }
    text.resize(out);
}

}  // namespace

Article read_text_file(const std::filesystem::path& path, std::string id, std::size_t max_bytes) {
    return *read_text_file(path, std::move(id), max_bytes, nullptr);
}

std::optional<Article> read_text_file(const std::filesystem::path& path, std::string id, std::size_t max_bytes,
                                      const std::atomic<bool>* stop) {
    const std::string name = path.string();
    check_file_id(name, id);
    auto read = read_whole_file(path, max_bytes, stop);
    if (!read) return std::nullopt;
    std::string text = std::move(*read);
    if (const auto nul = text.find('\0'); nul != std::string::npos)
        throw InputError(name, line_of_offset(text, nul), "binary file (NUL byte)");
    if (const auto bad = find_invalid_utf8(text))
        throw InputError(name, line_of_offset(text, *bad), "invalid UTF-8");
    unify_line_breaks(text);
    blank_control_characters(text, FieldLines::Many);
    // A UTF-8 byte order mark is legal but is not text.
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    if (is_blank(text)) throw InputError(name, 0, "empty file");

    Article article;
    article.id = std::move(id);
    article.input_bytes = text.size();
    article.body = std::move(text);
    article.title_from_first_line = true;
    article.origin_file = name;
    return article;
}

}  // namespace telusur
