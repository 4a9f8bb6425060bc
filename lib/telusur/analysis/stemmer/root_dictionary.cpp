#include "telusur/analysis/stemmer/root_dictionary.h"

#include <algorithm>
#include <charconv>
#include <string>

#include "telusur/error.h"
#include "telusur/stable_hash.h"

namespace telusur {

RootDictionary RootDictionary::load(const std::vector<std::filesystem::path>& lists,
                                    const std::vector<std::filesystem::path>& removals) {
    std::vector<std::string> list_texts;
    std::vector<std::string> removal_texts;
    for (const auto& path : lists) list_texts.push_back(read_data_file(path));
    for (const auto& path : removals) removal_texts.push_back(read_data_file(path));
    return from_text(std::vector<std::string_view>(list_texts.begin(), list_texts.end()),
                     std::vector<std::string_view>(removal_texts.begin(), removal_texts.end()));
}

RootDictionary RootDictionary::from_text(const std::vector<std::string_view>& lists,
                                         const std::vector<std::string_view>& removals) {
    RootDictionary dictionary;
    for (const auto text : lists) {
        for (const auto& entry : parse_word_list(text)) {
            const auto tab = entry.find_first_of(" \t");
            std::string word = entry.substr(0, tab);
            int productivity = 0;
            if (tab != std::string::npos) {
                const auto number = entry.substr(entry.find_first_not_of(" \t", tab));
                const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), productivity);
                if (error != std::errc{} || end != number.data() + number.size() || productivity < 0)
                    throw DataError("root list entry \"" + entry + "\": expected `word` or `word<TAB>number`");
            }
            auto& stored = dictionary.words_[std::move(word)];
            stored = static_cast<std::uint8_t>(std::max<int>(stored, std::min(productivity, 255)));
        }
    }
    // Removals apply after every list, so a curated removal wins over any source that has the word.
    for (const auto text : removals)
        for (const auto& word : parse_word_list(text)) dictionary.words_.erase(word);
    return dictionary;
}

std::uint64_t RootDictionary::fingerprint() const {
    std::uint64_t sum = 0;  // a sum: the hash table's order does not matter
    for (const auto& [word, productivity] : words_) sum += stable_hash64("root\t" + word + '\t' + std::to_string(productivity));
    return sum;
}

}  // namespace telusur
