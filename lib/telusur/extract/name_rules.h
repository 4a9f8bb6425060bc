// Internal to the entity extractor: the words of a text with the context the name rules need
// (implemented in name_words.cpp); name_rules.cpp implements the rules of ArticleScan
// (article_scan.h) that read them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "telusur/analysis/tokenizer.h"

namespace telusur::name_rules {

/// A word (or number) of the text and what surrounds it.
struct Word {
    std::string text;
    std::string folded;  ///< Gazetteer::fold_word(text)
    bool cap = false;             ///< first letter upper case
    bool acronym = false;         ///< two or more letters, all upper case ("KPU", "SURABAYA")
    bool number = false;
    bool sentence_start = false;  ///< first of the text, a line, a sentence, a quote or a dateline
    bool joined = false;          ///< only spaces since the previous word, on the same line
    bool comma_before = false;    ///< only a comma (and spaces) since the previous word
    bool open_paren = false;      ///< a "(" since the previous word
    bool close_paren = false;     ///< a ")" before the next word
    bool after_paren = false;     ///< only a ")" (and spaces) since the previous word
    bool credit = false;          ///< inside a photo credit "(Twitter.com/…)", "(Foto: …)"
    bool used = false;            ///< already part of an entity or a role
};

/// The words of `text` with their context.
std::vector<Word> analyse(std::string_view text, Tokenizer& tokenizer);

/// Words that look like Indonesian derived nouns ("Pembinaan", "Keamanan", "Pertahanan") and so
/// are not personal names; `folded` is the case-folded word.
bool looks_like_derived_noun(std::string_view folded);

}  // namespace telusur::name_rules
