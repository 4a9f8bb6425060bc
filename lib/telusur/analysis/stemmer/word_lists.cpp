#include "telusur/analysis/stemmer/word_lists.h"

#include <fstream>
#include <sstream>

#include "telusur/error.h"
#include "telusur/text_trim.h"

namespace telusur {
namespace {


/// Calls `on_line(content, line_number)` for every line that is not blank once its comment is cut.
template <typename OnLine>
void for_each_content_line(std::string_view text, OnLine on_line) {
    std::size_t line_number = 0;
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++line_number;
        if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        line = trim(line);
        if (!line.empty()) on_line(line, line_number);
    }
}

}  // namespace

std::string read_data_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError("cannot open stemmer data file " + path.string());
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> parse_word_list(std::string_view text) {
    std::vector<std::string> words;
    for_each_content_line(text, [&](std::string_view line, std::size_t) { words.emplace_back(line); });
    return words;
}

std::vector<std::pair<std::string, std::string>> parse_word_pairs(std::string_view text,
                                                                  std::string_view source) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for_each_content_line(text, [&](std::string_view line, std::size_t line_number) {
        const auto tab = line.find('\t');
        const auto left = trim(line.substr(0, tab));
        const auto right = tab == std::string_view::npos ? std::string_view{} : trim(line.substr(tab + 1));
        if (left.empty() || right.empty() || right.find('\t') != std::string_view::npos)
            throw DataError(std::string(source) + ":" + std::to_string(line_number) +
                            ": expected two tab-separated words");
        pairs.emplace_back(left, right);
    });
    return pairs;
}

}  // namespace telusur
