#include "telusur/search/snippet_stemmer.h"

#include <algorithm>
#include <string_view>

#include "telusur/search/word_scan.h"

namespace telusur {

namespace {

bool is_vowel(char c) { return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o'; }

/// Runs of one letter written once: elongated words (bangeeet) still spell the core.
std::string collapse_runs(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text)
        if (out.empty() || out.back() != c) out += c;
    return out;
}

}  // namespace

IrregularForms irregular_forms(const ConfixStemmer& confix, Xapian::Stem& stemmer) {
    IrregularForms forms;
    for (const auto& word : confix.irregular_words()) forms[stemmer(word)].push_back(word);
    return forms;
}

std::string stem_core(std::string_view stem) {
    if (stem.size() < 2) return {};
    auto end = stem.size();
    while (end > 1 && !is_vowel(stem[end - 1])) --end;  // past the final consonants
    while (end > 1 && is_vowel(stem[end - 1])) --end;   // and the final vowels
    return collapse_runs(stem.substr(1, end - 1));  // empty for short stems (tas, bom, cuai): no filter
}

SnippetStemmer::SnippetStemmer(Xapian::Stem stemmer, const std::vector<std::string>& query_stems,
                               const IrregularForms& irregular)
    : stemmer_(std::move(stemmer)) {
    for (const auto& stem : query_stems) {
        auto core = stem_core(stem);
        // A word of its own written with a hyphen (undang-undang) is stemmed whole from each of
        // its parts (SnippetQuery::whole_stem), and no part holds the whole word's core.
        if (core.empty() || stem.find('-') != std::string::npos) every_word_ = true;
        cores_.push_back(std::move(core));
        if (const auto it = irregular.find(stem); it != irregular.end())
            irregular_.insert(irregular_.end(), it->second.begin(), it->second.end());
    }
}

bool SnippetStemmer::may_stem_to_query(std::string_view word) const {
    if (every_word_) return true;
    const auto spelled = collapse_runs(word);
    for (const auto& core : cores_)
        if (spelled.find(core) != std::string::npos) return true;
    // A table word also with a particle or possessive (ortunya), as the stemmer takes it.
    return std::any_of(irregular_.begin(), irregular_.end(),
                       [&](const std::string& form) { return word.starts_with(form); });
}

std::optional<std::vector<std::string>> SnippetStemmer::needles() const {
    if (every_word_) return std::nullopt;
    std::vector<std::string> needles;
    for (const auto& core : cores_) needles.emplace_back(rarest_pair(core));
    needles.insert(needles.end(), irregular_.begin(), irregular_.end());
    return needles;
}

std::string SnippetStemmer::operator()(const std::string& word) {
    return may_stem_to_query(word) ? stemmer_(word) : word;
}

}  // namespace telusur
