#include "telusur/extract/entity_extractor.h"

#include "telusur/extract/article_scan.h"

namespace telusur {

namespace name_rules {

void ArticleScan::emit(EntityKind kind, const std::string& name, std::size_t from, std::size_t to, bool weak) {
    for (std::size_t k = from; k < to && k < words_->size(); ++k) (*words_)[k].used = true;
    const auto key = std::make_pair(kind, name);
    auto it = index_.find(key);
    if (it == index_.end()) {
        it = index_.emplace(key, found_.size()).first;
        found_.push_back({kind, name, 0, weak});
    }
    auto& found = found_[it->second];
    ++found.mentions;
    found.weak = found.weak && weak;
}

std::string ArticleScan::canonical(EntityKind kind, const std::string& name) {
    const auto cache_key = std::string(to_string(kind)) + '\t' + name;
    if (const auto it = canonical_cache_.find(cache_key); it != canonical_cache_.end()) return it->second;
    std::string result = name;
    if (const auto* group = aliases_.find(name)) result = group->front();
    if (const auto* entry = gaz_.find(result); entry && entry->kind == kind) result = entry->name;
    canonical_cache_.emplace(cache_key, result);
    return result;
}

std::optional<Known> ArticleScan::known_at(std::size_t i) {
    const auto& words = *words_;
    if (i >= words.size() || !words[i].cap || words[i].credit) return std::nullopt;
    // Every word after the first must follow on the same line (a comma is allowed, for
    // "Badan Meteorologi, Klimatologi, dan Geofisika").
    auto contiguous = [&](std::size_t length) {
        for (std::size_t k = i + 1; k < i + length; ++k)
            if (words[k].credit || !(words[k].joined || words[k].comma_before)) return false;
        return true;
    };
    std::optional<Known> best;
    if (const auto match = gaz_.match(texts_, folded_, i); match && contiguous(match->word_count))
        best = Known{match->word_count, match->entry->kind, canonical(match->entry->kind, match->entry->name)};
    if (const auto alias = aliases_.match(texts_, i); alias && contiguous(alias->word_count) &&
                                                      (!best || alias->word_count > best->length)) {
        if (const auto* entry = gaz_.find(alias->group->front()))
            best = Known{alias->word_count, entry->kind, canonical(entry->kind, entry->name)};
    }
    if (!best && words[i].acronym) {
        if (const auto it = acronyms_.find(words[i].text); it != acronyms_.end())
            best = Known{1, it->second.first, it->second.second};
    }
    return best;
}

/// ", mengatakan", ", berharap": a comma, then a verb (me-/ber- prefix or a reporting verb).
bool ArticleScan::verb_after_comma(std::size_t i) const {
    if (i >= words_->size()) return false;
    const auto& w = (*words_)[i];
    return w.comma_before && !w.cap &&
           (w.folded.starts_with("me") || w.folded.starts_with("ber") || cue(i) == NameCue::SpeechAfter);
}

/// A one-word role that ends a name ("Hakim", "Raja"): followed by neither a name word nor a
/// known name.
bool ArticleScan::last_name_word_is_role(std::size_t i) {
    const auto& words = *words_;
    const auto& w = words[i];
    if (!w.cap || w.acronym || gaz_.match_role(folded_, i) != 1 || gaz_.is_rank(folded_, i, 1) ||
        gaz_.is_common(w.folded))
        return false;
    return i + 1 >= words.size() || !joined(i + 1) || !words[i + 1].cap;
}

/// Whether words [from, to) are a person found so far or one word of such a person's name.
bool ArticleScan::names_found_person(std::size_t from, std::size_t to) const {
    std::string run;
    for (std::size_t k = from; k < to; ++k) run += (run.empty() ? "" : " ") + texts_[k];
    for (const auto& f : found_) {
        if (f.kind != EntityKind::Person) continue;
        if (f.name == run || f.name.starts_with(run + " ") || f.name.ends_with(" " + run)) return true;
    }
    return false;
}

/// A word that can be part of a personal name.
bool ArticleScan::name_word(std::size_t i) const {
    const auto& w = (*words_)[i];
    return w.cap && w.text.size() > 1 && !w.acronym && !w.number && !w.credit && !gaz_.is_common(w.folded) &&
           !name_rules::looks_like_derived_noun(w.folded) && gaz_.cue(w.folded) == NameCue::None &&
           gaz_.match_role(folded_, i) == 0;
}

/// End of the run of name words starting at `from` (== from when there is none); connectors
/// ("bin", "van") may join two name words. Stops before a known name.
std::size_t ArticleScan::name_run(std::size_t from) {
    const auto& words = *words_;
    std::size_t end = from;
    while (end < words.size() && (end == from || joined(end))) {
        if (name_word(end) && (end == from || !known_at(end))) {
            ++end;
        } else if (end > from && last_name_word_is_role(end)) {  // "Arif Rahman Hakim mengatakan"
            ++end;
            break;
        } else if (end > from && cue(end) == NameCue::Connector && !words[end].cap && end + 1 < words.size() &&
                   joined(end + 1) && name_word(end + 1)) {
            end += 2;
        } else {
            break;
        }
    }
    return end;
}

std::string ArticleScan::person_name(std::size_t from, std::size_t to) {
    std::string name;
    for (std::size_t k = from; k < to; ++k) {
        std::string word = texts_[k];
        // One-word aliases of a name's words: "Zelensky" → "Zelenskyy".
        if (const auto* group = aliases_.find(word);
            group && group->front().find(' ') == std::string::npos && !(*words_)[k].acronym)
            word = group->front();
        if (!name.empty()) name += ' ';
        name += word;
    }
    return canonical(EntityKind::Person, name);
}

std::string ArticleScan::surface(std::size_t from, std::size_t to, std::size_t place_at, const std::string& place) {
    std::string name;
    for (std::size_t k = from; k < to; ++k) {
        if (k == place_at) {
            name += (name.empty() ? "" : " ") + place;
            break;
        }
        if (!name.empty()) name += ' ';
        name += texts_[k];
    }
    return name;
}

/// "(Korut)", "(AS)", "(BPBD)" right after a name: the same entity once more, or an acronym
/// the article defines.
void ArticleScan::skip_acronym_in_parens(std::size_t& j, EntityKind kind, const std::string& name) {
    const auto& words = *words_;
    if (j >= words.size() || !words[j].open_paren || !words[j].close_paren || !words[j].cap) return;
    if (const auto known = known_at(j); known && known->length == 1) {
        emit(known->kind, known->name, j, j + 1);
        ++j;
    } else if (words[j].acronym) {
        acronyms_.try_emplace(words[j].text, kind, name);
        emit(kind, name, j, j + 1);
        ++j;
    }
}

}  // namespace name_rules


EntityExtractor::EntityExtractor(const Gazetteer& gazetteer, const AliasTable& aliases)
    : gazetteer_(gazetteer), aliases_(aliases) {}

std::vector<Entity> EntityExtractor::extract(const std::string& title, const std::string& body) const {
    Tokenizer tokenizer;
    return extract(title, body, tokenizer);
}

std::vector<Entity> EntityExtractor::extract(const std::string& title, const std::string& body,
                                             Tokenizer& tokenizer) const {
    name_rules::ArticleScan scan(gazetteer_, aliases_);
    auto body_words = name_rules::analyse(body, tokenizer);
    auto title_words = name_rules::analyse(title, tokenizer);
    scan.pass_rules(body_words);
    scan.pass_known(body_words);
    scan.pass_known(title_words);
    return scan.result();
}

}  // namespace telusur
