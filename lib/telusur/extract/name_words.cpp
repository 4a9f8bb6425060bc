// Turning text into name_rules::Word: each token with its capitalisation and what punctuation
// surrounds it (sentence starts, commas, parentheses, photo credits), the input of the name rules.
#include <string_view>
#include <vector>

#include <unicode/uchar.h>

#include "telusur/extract/gazetteer.h"
#include "telusur/extract/name_rules.h"
#include "telusur/extract/word_shape.h"

namespace telusur::name_rules {

namespace {

/// What lies between two words.
struct Gap {
    bool spaces_only = true;  // nothing but spaces and tabs (and maybe nothing at all)
    bool newline = false;
    bool sentence_end = false;  // . ! ? : ; or a quote or a spaced dash
    bool comma_only = false;
    bool open_paren = false;
    bool close_paren = false;
    bool paren_only = false;  // a ")" and spaces, nothing else
};

Gap read_gap(std::string_view gap) {
    Gap g;
    int commas = 0;
    bool other = false;
    for (std::size_t i = 0; i < gap.size(); ++i) {
        const auto c = static_cast<unsigned char>(gap[i]);
        if (c == ' ' || c == '\t') continue;
        if (c == 0xC2 && i + 1 < gap.size() && static_cast<unsigned char>(gap[i + 1]) == 0xA0) {
            ++i;  // no-break space
            continue;
        }
        g.spaces_only = false;
        if (c == '\n' || c == '\r') g.newline = true;
        else if (c == ',') ++commas;
        else if (c == '(') g.open_paren = true;
        else if (c == ')') g.close_paren = true;
        else if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"') g.sentence_end = true;
        else if (c == 0xE2 && i + 2 < gap.size() && static_cast<unsigned char>(gap[i + 1]) == 0x80) {
            const auto d = static_cast<unsigned char>(gap[i + 2]);
            if (d == 0x9C || d == 0x9D || d == 0x93 || d == 0x94) g.sentence_end = true;  // “ ” – —
            else other = true;
            i += 2;
        } else if (c == '-') {
            g.sentence_end = true;  // a spaced dash: "SURABAYA, Minggu (10/12/2023) - Pasangan"
        } else {
            other = true;
        }
    }
    g.paren_only = g.close_paren && commas == 0 && !g.newline && !g.open_paren && !g.sentence_end && !other;
    g.comma_only = commas == 1 && !g.newline && !g.open_paren && !g.close_paren && !g.sentence_end && !other;
    return g;
}

/// Marks the words inside photo-credit parentheses.
void mark_credits(std::string_view text, const std::vector<Token>& tokens, std::vector<Word>& words) {
    std::size_t open = text.find('(');
    while (open != std::string_view::npos) {
        const auto close = text.find_first_of(")\n", open);
        if (close == std::string_view::npos || text[close] != ')') {
            open = text.find('(', open + 1);
            continue;
        }
        const auto inside = text.substr(open + 1, close - open - 1);
        const bool credit = inside.find(".com") != std::string_view::npos ||
                            inside.find(".id/") != std::string_view::npos || inside.starts_with("Foto") ||
                            inside.starts_with("Dok") || inside.starts_with("Ilustrasi") ||
                            inside.starts_with("Sumber") || inside.starts_with("ANTARA");
        if (credit)
            for (std::size_t i = 0; i < tokens.size(); ++i)
                if (tokens[i].start > open && tokens[i].end <= close) words[i].credit = true;
        open = text.find('(', close);
    }
}

}  // namespace

std::vector<Word> analyse(std::string_view text, Tokenizer& tokenizer) {
    const auto tokens = tokenizer.tokenize(text);
    std::vector<Word> words(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& token = tokens[i];
        auto& word = words[i];
        word.text = token.text;
        word.folded = Gazetteer::fold_word(token.text);
        word.number = token.kind != TokenKind::Word;
        word.cap = !word.number && (u_isupper(first_code_point(token.text)) || u_istitle(first_code_point(token.text)));
        word.acronym = word.cap && is_acronym(token.text);
        const std::size_t previous_end = i == 0 ? 0 : tokens[i - 1].end;
        const auto gap = read_gap(text.substr(previous_end, token.start - previous_end));
        word.sentence_start = i == 0 || gap.newline || gap.sentence_end;
        word.joined = i > 0 && gap.spaces_only;
        word.comma_before = i > 0 && gap.comma_only;
        word.open_paren = gap.open_paren;
        word.after_paren = i > 0 && gap.paren_only;
        if (i > 0) words[i - 1].close_paren = gap.close_paren;
    }
    if (!tokens.empty()) {
        const auto tail = text.substr(tokens.back().end);
        words.back().close_paren = !tail.empty() && tail.find(')') < tail.find_first_not_of(" )");
    }
    mark_credits(text, tokens, words);
    return words;
}

bool looks_like_derived_noun(std::string_view w) {
    if (w.size() < 7) return false;
    const bool an = w.ends_with("an");
    if (an && (w.starts_with("pe") || w.starts_with("ke"))) return true;  // pembinaan, keamanan
    return w.ends_with("isasi") || w.ends_with("itas");                 // organisasi, universitas
}

}  // namespace telusur::name_rules
