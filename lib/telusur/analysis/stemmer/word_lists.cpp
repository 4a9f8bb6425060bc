#include "telusur/analysis/stemmer/word_lists.h"

#include "telusur/analysis/normalizer.h"
#include "telusur/data_file.h"

namespace telusur {

namespace {

bool is_one_word(std::string_view text) { return text.find_first_of(" \t") == std::string_view::npos; }

std::string normalized(std::string_view word) {
    static const Normalizer normalizer;  // stateless, thread-safe
    return normalizer.normalize(word);
}

}  // namespace

std::vector<std::string> parse_word_list(std::string_view text, std::string_view source) {
    std::vector<std::string> words;
    for (const auto& line : data_lines(text, source)) {
        if (!is_one_word(line.text)) throw data_error(source, line.number, "expected one word, found '" + std::string(line.text) + "'");
        words.push_back(normalized(line.text));
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
        if (left.empty() || right.empty() || !is_one_word(left) || !is_one_word(right))
            throw data_error(source, line.number, "expected two tab-separated words");
        pairs.emplace_back(normalized(left), normalized(right));
    }
    return pairs;
}

}  // namespace telusur
