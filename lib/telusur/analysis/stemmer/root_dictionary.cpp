#include "telusur/analysis/stemmer/root_dictionary.h"

#include <algorithm>
#include <charconv>
#include <string>

#include "telusur/analysis/normalizer.h"
#include "telusur/data_file.h"
#include "telusur/error.h"
#include "telusur/stable_hash.h"

namespace telusur {

RootDictionary RootDictionary::load(const std::vector<std::filesystem::path>& lists,
                                    const std::vector<std::filesystem::path>& removals) {
    RootDictionary dictionary;
    for (const auto& path : lists) dictionary.add_list(read_data_file(path, "root list"), path.string());
    // Removals apply after every list, so a curated removal wins over any source that has the word.
    for (const auto& path : removals) dictionary.remove_list(read_data_file(path, "root list"), path.string());
    return dictionary;
}

RootDictionary RootDictionary::from_text(const std::vector<std::string_view>& lists,
                                         const std::vector<std::string_view>& removals) {
    RootDictionary dictionary;
    for (std::size_t i = 0; i < lists.size(); ++i) dictionary.add_list(lists[i], "<roots " + std::to_string(i + 1) + ">");
    for (std::size_t i = 0; i < removals.size(); ++i)
        dictionary.remove_list(removals[i], "<removals " + std::to_string(i + 1) + ">");
    return dictionary;
}

void RootDictionary::add_list(std::string_view text, std::string_view source) {
    static const Normalizer normalizer;  // stateless, thread-safe
    for (const auto& line : data_lines(text, source)) {
        const auto gap = line.text.find_first_of(" \t");
        const auto word = line.text.substr(0, gap);
        int productivity = 0;
        if (gap != std::string_view::npos) {
            const auto number = trim(line.text.substr(gap));
            const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), productivity);
            if (error != std::errc{} || end != number.data() + number.size() || productivity < 0)
                throw data_error(source, line.number, "expected `word` or `word<TAB>number`, found '" + std::string(line.text) + "'");
        }
        auto& stored = words_[normalizer.normalize(word)];
        stored = static_cast<std::uint8_t>(std::max<int>(stored, std::min(productivity, 255)));
    }
}

void RootDictionary::remove_list(std::string_view text, std::string_view source) {
    for (const auto& word : parse_word_list(text, source)) words_.erase(word);
}

std::uint64_t RootDictionary::fingerprint() const {
    std::uint64_t sum = 0;  // a sum: the hash table's order does not matter
    for (const auto& [word, productivity] : words_) sum += stable_hash64("root\t" + word + '\t' + std::to_string(productivity));
    return sum;
}

}  // namespace telusur
