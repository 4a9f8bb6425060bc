// Reading the stemming-gold sets, shared by the golden test and bench/stemmer_eval so that the
// floors in ctest and the figures in bench/results/stemmer.md are computed the same way.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

namespace telusur::gold {

/// Form → its gold roots; a form is right when the stem equals any of them.
using GoldSet = std::map<std::string, std::set<std::string>>;

/// Reads a `form<TAB>root[<TAB>…]` file; throws std::runtime_error if it cannot be opened.
inline GoldSet read_gold(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    GoldSet gold;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string form, root;
        if (std::getline(fields, form, '\t') && std::getline(fields, root, '\t') && !form.empty())
            gold[form].insert(root);
    }
    return gold;
}

/// Stems a gold form as the analysis chain would see it: ASCII case-folded (the Normalizer runs
/// first: Sastrawi's tests hold "Perekonomian") and split on spaces (the Tokenizer's job: one
/// Sastrawi test is a sentence), the stems joined by single spaces. `stem` maps a word to its stem.
template <typename Stem>
std::string stem_form(const std::string& form, Stem stem) {
    std::string result, word;
    auto flush = [&] {
        if (word.empty()) return;
        if (!result.empty()) result += ' ';
        result += stem(word);
        word.clear();
    };
    for (char c : form) {
        if (c == ' ') flush();
        else word += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    }
    flush();
    return result;
}

}  // namespace telusur::gold
