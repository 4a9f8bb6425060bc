// Internal to the entity extractor: the scan of one article, shared by entity_extractor.cpp
// (known names and naming), name_rules.cpp (the rules) and coreference.cpp (later mentions).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "telusur/analysis/alias_table.h"
#include "telusur/extract/entity_extractor.h"
#include "telusur/extract/gazetteer.h"
#include "telusur/extract/name_rules.h"

namespace telusur::name_rules {

constexpr std::size_t kMaxNameWords = 4;

/// A known name found at a position: its length in words, kind and canonical name.
struct Known {
    std::size_t length;
    EntityKind kind;
    std::string name;
};

/// The scan of one article: pass 1 over the body applies every rule; pass 2 over what is left
/// of the body and over the title finds only names the article already introduced.
class ArticleScan {
  public:
    ArticleScan(const Gazetteer& gazetteer, const AliasTable& aliases) : gaz_(gazetteer), aliases_(aliases) {}

    void pass_rules(std::vector<Word>& words);
    void pass_known(std::vector<Word>& words);
    std::vector<Entity> result();

  private:
    struct Found {
        EntityKind kind;
        std::string name;
        std::size_t mentions = 0;
        bool weak = false;  // one unknown word after an office: kept only if named again
    };

    /// Makes `words` the words both passes look at, with their texts and folded forms.
    void start(std::vector<Word>& words) {
        words_ = &words;
        texts_.clear();
        folded_.clear();
        texts_.reserve(words.size());  // no doubling on growth: a long article's words are many
        folded_.reserve(words.size());
        for (const auto& w : words) {
            texts_.push_back(w.text);
            folded_.push_back(w.folded);
        }
    }

    // Rules, each starting at words[i] and returning the index after what it consumed.
    std::size_t after_role(std::size_t i, std::size_t role_length);
    std::size_t org_span(std::size_t i, bool emit, bool person_tail = false);
    std::size_t place_after_prefix(std::size_t i, bool keep_prefix);
    std::size_t unknown_run(std::size_t i);

    std::optional<Known> known_at(std::size_t i);
    bool verb_after_comma(std::size_t i) const;
    bool last_name_word_is_role(std::size_t i);
    bool names_found_person(std::size_t from, std::size_t to) const;
    std::size_t name_run(std::size_t from);
    bool name_word(std::size_t i) const;
    std::string canonical(EntityKind kind, const std::string& name);
    std::string person_name(std::size_t from, std::size_t to);
    std::string surface(std::size_t from, std::size_t to, std::size_t place_at, const std::string& place);
    void emit(EntityKind kind, const std::string& name, std::size_t from, std::size_t to, bool weak = false);
    void skip_acronym_in_parens(std::size_t& j, EntityKind kind, const std::string& name);
    bool joined(std::size_t i) const { return i < words_->size() && (*words_)[i].joined && !(*words_)[i].credit; }
    NameCue cue(std::size_t i) const { return i < words_->size() ? gaz_.cue((*words_)[i].folded) : NameCue::None; }

    const Gazetteer& gaz_;
    const AliasTable& aliases_;
    std::vector<Word>* words_ = nullptr;
    std::vector<std::string> texts_, folded_;
    std::vector<Found> found_;
    std::map<std::pair<EntityKind, std::string>, std::size_t> index_;
    std::unordered_map<std::string, std::pair<EntityKind, std::string>> acronyms_;  // "(BPBD)" → org
    std::unordered_map<std::string, std::string> canonical_cache_;
};

}  // namespace telusur::name_rules
