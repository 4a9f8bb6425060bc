#include "telusur/source/text_file_reader.h"

#include <fstream>
#include <iterator>

#include "telusur/error.h"
#include "telusur/source/utf8.h"

namespace telusur {

namespace {

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

}  // namespace

Article read_text_file(const std::filesystem::path& path, std::string id) {
    const std::string name = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(name, 0, "cannot open file");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw InputError(name, 0, "read error");

    if (const auto nul = text.find('\0'); nul != std::string::npos)
        throw InputError(name, line_of_offset(text, nul), "binary file (NUL byte)");
    if (const auto bad = find_invalid_utf8(text))
        throw InputError(name, line_of_offset(text, *bad), "invalid UTF-8");
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
