#include "gold_conventions.h"

#include <algorithm>
#include <cstdio>

namespace telusur::gold {

namespace {

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string prefix_class(const std::string& prefix) {
    if (prefix.empty()) return "";
    if (starts_with(prefix, "me")) return "meN";
    if (starts_with(prefix, "per")) return "per";
    if (starts_with(prefix, "pe")) return "peN";
    for (const char* p : {"ber", "ter"})
        if (starts_with(prefix, p)) return p;
    if (prefix == "be") return "ber";
    if (prefix == "te") return "ter";
    for (const char* p : {"di", "ke", "se"})
        if (starts_with(prefix, p)) return p;
    return prefix;
}

std::string suffix_class(std::string suffix) {
    for (const std::string clitic : {"nya", "ku", "mu", "lah", "kah", "pun"}) {
        if (ends_with(suffix, clitic)) {
            suffix.resize(suffix.size() - clitic.size());
            break;
        }
    }
    return suffix;
}

}  // namespace

std::string affix_class(const std::string& form, const std::string& stem) {
    if (stem == form) return "whole";
    // meN-/peN- replace the root's first letter (menulis → tulis): find the rest of the root.
    std::size_t at = form.find(stem);
    if (at == std::string::npos && stem.size() > 1) {
        at = form.find(stem.substr(1));
        if (at != std::string::npos) at = at == 0 ? 0 : at - 1;
    }
    if (at == std::string::npos) return "other";
    const std::size_t end = std::min(form.size(), at + stem.size());
    return prefix_class(form.substr(0, at)) + "-" + suffix_class(form.substr(end));
}

void print_conventions(std::ostream& out, const std::vector<std::pair<std::string, GoldSet>>& sets,
                       const std::function<std::string(const std::string&)>& stem, const RootDictionary& roots) {
    // class → set index → (forms cut, right if kept whole − right as cut)
    std::map<std::string, std::vector<std::pair<int, int>>> classes;
    for (std::size_t i = 0; i < sets.size(); ++i) {
        for (const auto& [form, gold] : sets[i].second) {
            const std::string cut = stem(form);
            if (cut == form) continue;
            auto& cells = classes[affix_class(form, cut)];
            cells.resize(sets.size());
            auto& entry = cells[i];
            ++entry.first;
            entry.second += int(gold.count(form)) - int(gold.count(cut));
        }
    }
    std::vector<std::pair<std::string, std::vector<std::pair<int, int>>>> rows(classes.begin(), classes.end());
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.second[0].first > b.second[0].first; });

    out << "## Affix classes kept whole (forms the stemmer cuts / right forms gained if the class were kept whole)\n\n"
        << "| class |";
    for (const auto& set : sets) out << ' ' << set.first << " |";
    out << "\n|---|";
    for (std::size_t i = 0; i < sets.size(); ++i) out << "---:|";
    out << '\n';
    for (const auto& [name, cells] : rows) {
        if (cells[0].first < 10) continue;
        out << "| " << name << " |";
        for (const auto& [cut, gain] : cells) out << ' ' << cut << " / " << (gain > 0 ? "+" : "") << gain << " |";
        out << '\n';
    }

    // The most any choice of classes to keep whole could win in each set, chosen for that set alone.
    std::vector<int> class_gain(sets.size());
    for (const auto& [name, cells] : rows)
        for (std::size_t i = 0; i < cells.size(); ++i) class_gain[i] += std::max(0, cells[i].second);

    out << "\n## Misses, and gold roots the dictionary works against\n\n"
        << "| set | forms | misses | of which the gold keeps the derived word whole | accuracy, every class that"
           " gains kept whole | dictionary words the set cuts | no gold root is a root or the form |\n"
        << "|---|---:|---:|---:|---:|---:|---:|\n";
    for (std::size_t i = 0; i < sets.size(); ++i) {
        const auto& [name, gold] = sets[i];
        int misses = 0, kept_whole = 0, cut_words = 0, unreachable = 0;
        for (const auto& [form, golds] : gold) {
            const std::string cut = stem(form);
            if (!golds.count(cut)) {
                ++misses;
                const std::string bare = suffix_class(form);  // the form less a particle or possessive
                if (golds.count(form) || (bare != form && bare != cut && golds.count(bare))) ++kept_whole;
            }
            const bool one_word = std::all_of(form.begin(), form.end(), [](char c) { return c >= 'a' && c <= 'z'; });
            if (golds.count(form) || !one_word) continue;
            if (roots.contains(form)) {
                ++cut_words;
            } else if (std::none_of(golds.begin(), golds.end(), [&](const auto& r) { return roots.contains(r); })) {
                ++unreachable;
            }
        }
        char best[16];
        std::snprintf(best, sizeof best, "%.3f", double(gold.size() - misses + class_gain[i]) / double(gold.size()));
        out << "| " << name << " | " << gold.size() << " | " << misses << " | " << kept_whole << " | " << best << " | "
            << cut_words << " | " << unreachable << " |\n";
    }
}

}  // namespace telusur::gold
