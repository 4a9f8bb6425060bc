#include "telusur/analysis/stemmer/word_shape.h"

#include <algorithm>

namespace telusur {

namespace {

bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

bool is_hyphenated_clitic(std::string_view part) {
    return part == "nya" || part == "ku" || part == "mu" || part == "lah" || part == "kah" || part == "pun";
}

bool is_plain_word(std::string_view word) {
    if (word.empty() || !is_letter(word.front()) || !is_letter(word.back())) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (is_letter(word[i])) continue;
        if (word[i] != '-' || word[i + 1] == '-') return false;  // back() is a letter, so i + 1 is in range
    }
    return true;
}

std::vector<std::string> respellings_without_elongation(std::string_view word) {
    std::vector<std::string> out;
    auto collapse = [&](std::size_t min_run) {
        std::string result;
        for (std::size_t i = 0; i < word.size();) {
            std::size_t j = i;
            while (j < word.size() && word[j] == word[i]) ++j;
            result.append(j - i >= min_run ? 1 : j - i, word[i]);
            i = j;
        }
        return result;
    };
    if (auto collapsed = collapse(3); collapsed != word) out.push_back(std::move(collapsed));
    // A doubled last letter: vowels and the consonants Indonesian words end in, not the s, l,
    // f, z, d that English doubles (bass, all, off, jazz, add).
    const auto last = word.back();
    const bool indonesian_final = std::string_view("aiueonghktpmr").find(last) != std::string_view::npos;
    if (word.size() > 2 && last == word[word.size() - 2] && indonesian_final) {
        std::string trimmed(word.substr(0, word.size() - 1));
        if (std::find(out.begin(), out.end(), trimmed) == out.end()) out.push_back(std::move(trimmed));
    }
    return out;
}

}  // namespace telusur
