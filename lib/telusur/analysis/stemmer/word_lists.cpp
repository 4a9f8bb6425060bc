#include "telusur/analysis/stemmer/word_lists.h"

#include "telusur/data_file.h"

namespace telusur {

std::vector<std::string> parse_word_list(std::string_view text, std::string_view source) {
    std::vector<std::string> words;
    for (const auto& line : data_lines(text, source)) {
        words.emplace_back(line.text);
    }
    return words;
}

std::vector<std::pair<std::string, std::string>> parse_word_pairs(std::string_view text,
                                                                  std::string_view source) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& line : data_lines(text, source)) {
        const auto tab = line.text.find('\t');
        const auto left = trim(line.text.substr(0, tab));
        const auto right = tab == std::string_view::npos ? std::string_view{} : trim(line.text.substr(tab + 1));
        if (left.empty() || right.empty() || right.find('\t') != std::string_view::npos)
            throw data_error(source, line.number, "expected two tab-separated words");
        pairs.emplace_back(left, right);
    }
    return pairs;
}

}  // namespace telusur
