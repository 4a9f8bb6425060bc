// Later mentions: surnames and one-word names of the people an article introduced, names in the
// headline, and the final list.
#include <algorithm>
#include <unordered_map>
#include <vector>

#include "telusur/extract/article_scan.h"

namespace telusur::name_rules {

/// Later mentions: full names and single name words of the persons found so far.
void ArticleScan::pass_known(std::vector<Word>& words) {
    start(words);
    // One word of a person's name → that person, unless two persons share the word.
    std::unordered_map<std::string, std::optional<std::string>> by_word;
    for (const auto& f : found_) {
        if (f.kind != EntityKind::Person) continue;
        std::vector<std::string> parts;
        for (std::size_t start = 0; start <= f.name.size();) {
            const auto space = std::min(f.name.find(' ', start), f.name.size());
            parts.push_back(Gazetteer::fold_word(f.name.substr(start, space - start)));
            start = space + 1;
        }
        if (parts.size() < 2) continue;
        for (const auto& part : {parts.front(), parts.back()}) {
            if (part.size() < 3 || gaz_.is_common(part)) continue;
            auto [it, inserted] = by_word.try_emplace(part, f.name);
            if (!inserted && it->second != f.name) it->second.reset();
        }
    }
    // Single-word persons found by the rules ("kata Sybiha") merge into the full name.
    for (auto& f : found_) {
        if (f.kind != EntityKind::Person || f.name.find(' ') != std::string::npos) continue;
        const auto it = by_word.find(Gazetteer::fold_word(f.name));
        if (it == by_word.end() || !it->second) continue;
        const auto target = index_.at({EntityKind::Person, *it->second});
        found_[target].mentions += f.mentions;
        index_.erase({EntityKind::Person, f.name});
        f.mentions = 0;
    }
    for (const auto& f : found_) {  // one-word names ("Suryanto") count when named again
        if (f.kind != EntityKind::Person || f.mentions == 0 || f.name.find(' ') != std::string::npos) continue;
        const auto word = Gazetteer::fold_word(f.name);
        if (word.size() >= 3 && !gaz_.is_common(word)) by_word.try_emplace(word, f.name);
    }
    // Multi-word names by their first word, so a long article with many names costs one lookup
    // per capitalised word rather than a pass over every name. Names found during this pass are
    // added as they appear; each list keeps found_'s order, so the first name that matches wins.
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_word;
    std::size_t listed = 0;
    auto list_new_names = [&] {
        for (; listed < found_.size(); ++listed) {
            const auto& name = found_[listed].name;
            const auto space = name.find(' ');
            if (space != std::string::npos) by_first_word[name.substr(0, space)].push_back(listed);
        }
    };
    std::size_t i = 0;
    while (i < words.size()) {
        if (words[i].used || !words[i].cap || words[i].credit) {
            ++i;
            continue;
        }
        if (const auto known = known_at(i)) {
            const bool event = i > 0 && joined(i) && cue(i - 1) == NameCue::FacilityHead && known->kind == EntityKind::Org;
            if (!event) emit(known->kind, known->name, i, i + known->length);  // not "Piala AFF"
            i += known->length;
            continue;
        }
        // A full name the body introduced, e.g. in a headline.
        bool matched = false;
        list_new_names();
        const auto candidates = by_first_word.find(words[i].text);
        const auto count = candidates == by_first_word.end() ? 0 : candidates->second.size();
        for (std::size_t c = 0; c < count; ++c) {
            const auto& f = found_[candidates->second[c]];
            if (f.mentions == 0) continue;
            std::size_t k = i, pos = 0;
            while (k < words.size() && pos < f.name.size()) {
                const auto& t = words[k].text;
                if (f.name.compare(pos, t.size(), t) != 0) break;
                pos += t.size();
                ++k;
                if (pos < f.name.size() && f.name[pos] == ' ') ++pos;
                else break;
            }
            if (pos >= f.name.size() && k > i + 1) {
                emit(f.kind, f.name, i, k);
                i = k;
                matched = true;
                break;
            }
        }
        if (matched) continue;
        if (const auto it = by_word.find(words[i].folded); it != by_word.end() && it->second && !words[i].acronym)
            emit(EntityKind::Person, *it->second, i, i + 1);
        ++i;
    }
}

std::vector<Entity> ArticleScan::result() {
    // "Bupati Agam Benni Warlis": a person whose first word is a place the article names
    // elsewhere ("Kabupaten Agam") is the rest of the name.
    for (auto& f : found_) {
        if (f.kind != EntityKind::Person || f.mentions == 0) continue;
        const auto space = f.name.find(' ');
        if (space == std::string::npos || f.name.find(' ', space + 1) == std::string::npos) continue;
        if (!index_.contains({EntityKind::Place, f.name.substr(0, space)})) continue;
        const auto rest = f.name.substr(space + 1);
        if (const auto it = index_.find({EntityKind::Person, rest}); it != index_.end()) {
            found_[it->second].mentions += f.mentions;
            f.mentions = 0;
        } else {
            index_.erase({EntityKind::Person, f.name});
            f.name = rest;
            index_.emplace(std::make_pair(EntityKind::Person, rest), static_cast<std::size_t>(&f - found_.data()));
        }
    }
    std::vector<Entity> entities;
    for (const auto& f : found_)
        if (f.mentions > 0 && !f.weak) entities.push_back({f.kind, f.name, f.mentions});
    std::sort(entities.begin(), entities.end(), [](const Entity& a, const Entity& b) {
        if (a.kind != b.kind) return a.kind < b.kind;
        if (a.mentions != b.mentions) return a.mentions > b.mentions;
        return a.name < b.name;
    });
    return entities;
}


}  // namespace telusur::name_rules
