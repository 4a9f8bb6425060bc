#include "telusur/extract/name_rules.h"

#include <algorithm>
#include <array>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "telusur/extract/article_scan.h"
#include "telusur/extract/gazetteer.h"

namespace telusur::name_rules {

namespace {

UChar32 first_code_point(std::string_view word) {
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
    return c;
}

bool is_acronym(std::string_view word) {
    int letters = 0;
    for (const char c : word) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') ++letters;
    }
    return letters >= 2;
}

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

std::size_t ArticleScan::org_span(std::size_t i, bool do_emit, bool person_tail) {
    const auto& words = *words_;
    std::size_t end = i + 1;
    std::size_t place_at = words.size();
    std::optional<Known> inner;
    while (end < words.size() && joined(end)) {
        const auto known = known_at(end);
        if (known && known->kind == EntityKind::Person) break;
        if (known) {
            inner = known;  // a country or a parent organisation ends the name
            if (known->kind == EntityKind::Place) place_at = end;
            end += known->length;
            break;
        }
        if (gaz_.match_role(folded_, end) > 0) break;  // "Polda Metro Jaya Kombes …"
        if (words[end].cap && !words[end].sentence_start) {
            ++end;
        } else if (words[end].folded == "dan" && end + 1 < words.size() && joined(end + 1) && words[end + 1].cap &&
                   !known_at(end + 1) && cue(end + 1) != NameCue::OrgHead) {
            end += 2;  // "Kementerian Perumahan dan Kawasan Permukiman", not "… dan Bank Indonesia"
        } else {
            break;
        }
    }
    // After a role the person's name may follow the organisation with nothing between them:
    // "Wakil Ketua Komisi III Arif Rahman Hakim". Keep a known organisation whole, else leave
    // up to three trailing name words (and at least two words of organisation).
    if (person_tail && !inner) {
        if (const auto match = gaz_.match(texts_, folded_, i); match && match->word_count < end - i) {
            bool names = true;
            for (std::size_t k = i + match->word_count; k < end && names; ++k) names = name_word(k);
            if (names) end = i + match->word_count;
        } else if (end < words.size() && joined(end) && (!words[end].cap || last_name_word_is_role(end))) {
            std::size_t k = end;
            while (k > i + 2 && name_word(k - 1) && end - k < 3 && cue(k - 2) != NameCue::AdminPrefix) --k;
            end = k;
        }
    }
    if (end - i < 2) return i;
    if (!do_emit) return end;
    if (inner && inner->kind == EntityKind::Org && end == i + 1 + inner->length) {  // "PT Jasa Marga"
        emit(EntityKind::Org, inner->name, i, end);
        return end;
    }
    const auto name = surface(i, end, place_at, inner && place_at < words.size() ? inner->name : "");
    emit(EntityKind::Org, name, i, end);
    if (inner) emit(inner->kind, inner->name, end - inner->length, end);
    // "Dinas … Kabupaten Labuhanbatu": the place at the end of an organisation's name.
    if (!inner)
        for (std::size_t k = i + 1; k + 1 < end; ++k)
            if (cue(k) == NameCue::AdminPrefix) {
                emit(EntityKind::Place, surface(k + 1, end, words.size(), ""), k + 1, end);
                break;
            }
    skip_acronym_in_parens(end, EntityKind::Org, name);
    return end;
}

/// "Kota Bekasi" → Bekasi (admin prefix dropped), "Pulau Jeju" → Pulau Jeju (geo head kept).
std::size_t ArticleScan::place_after_prefix(std::size_t i, bool keep_prefix) {
    if (!joined(i + 1) || !(*words_)[i + 1].cap) return i;
    if (const auto known = known_at(i + 1); known && known->kind == EntityKind::Place) {
        const auto end = i + 1 + known->length;
        emit(EntityKind::Place, keep_prefix ? texts_[i] + " " + texts_[i + 1] : known->name, i, end);
        return end;
    }
    std::size_t end = i + 1;
    while (end < words_->size() && joined(end) && (*words_)[end].cap && !gaz_.is_common((*words_)[end].folded) &&
           end - i <= 3)
        ++end;
    if (end == i + 1) return i;
    emit(EntityKind::Place, surface(keep_prefix ? i : i + 1, end, words_->size(), ""), i, end);
    return end;
}

/// After a role: qualifiers (a country, an organisation, portfolio words), then the name.
std::size_t ArticleScan::after_role(std::size_t i, std::size_t role_length) {
    auto& words = *words_;
    for (std::size_t k = i; k < i + role_length; ++k) words[k].used = true;
    std::size_t j = i + role_length;
    bool rank = gaz_.is_rank(folded_, i, role_length);
    std::size_t qualifiers = 0;
    static const std::array<std::string_view, 8> kAbbreviations{"dr", "prof", "ir", "h", "hj", "kh", "drg", "drs"};
    const bool abbreviation = role_length == 1 &&
        std::find(kAbbreviations.begin(), kAbbreviations.end(), words[i].folded) != kAbbreviations.end();
    while (j < words.size()) {
        const bool next = joined(j) || (words[j].after_paren && qualifiers > 0) ||
                          (j == i + 1 && abbreviation && words[j].sentence_start && !words[j].open_paren);
        if (!next && !(words[j].comma_before && qualifiers > 0)) {
            // "Menteri Luar Negeri Korea Utara (Korut) Choe Son Hui"
            if (const auto known = known_at(j); words[j].open_paren && words[j].close_paren && known &&
                                                known->length == 1 && qualifiers > 0) {
                emit(known->kind, known->name, j, j + 1);
                ++j;
                continue;
            }
            return j;
        }
        if (!words[j].cap) {
            // "timpalannya dari Jerman Annalena Baerbock"
            if ((words[j].folded == "dari" || words[j].folded == "asal") && j + 1 < words.size()) {
                if (const auto known = known_at(j + 1); known && known->kind == EntityKind::Place && joined(j + 1)) {
                    ++j;
                    continue;
                }
            }
            return j;
        }
        const auto known = known_at(j);
        const auto org_end = cue(j) == NameCue::OrgHead ? org_span(j, false, true) : j;
        if (org_end > j && (!known || org_end - j > known->length)) {
            j = org_span(j, true, true);
            ++qualifiers;
            continue;
        }
        if (known) {
            emit(known->kind, known->name, j, j + known->length);
            j += known->length;
            if (known->kind == EntityKind::Person) return j;
            skip_acronym_in_parens(j, known->kind, known->name);
            ++qualifiers;
            continue;
        }
        if (cue(j) == NameCue::AdminPrefix) {
            const auto end = place_after_prefix(j, false);
            if (end > j) {
                j = end;
                ++qualifiers;
                continue;
            }
        }
        if (!name_word(j)) {  // portfolio words: "Luar Negeri", "Koordinator Bidang"; ranks: "Kombes"
            if (const auto role = gaz_.match_role(folded_, j); role > 0 && gaz_.is_rank(folded_, j, role)) rank = true;
            words[j].used = true;
            ++j;
            continue;
        }
        // "Fraksi PDIP", "Poltracking Indonesia": unknown words then a known place or organisation,
        // then more words: the organisation the person belongs to.
        if (const auto run = name_run(j); run - j <= 3 && run < words.size() && joined(run)) {
            if (const auto known = known_at(run); known && known->kind != EntityKind::Person) {
                const auto after = run + known->length;
                if (after < words.size() && words[after].cap && (joined(after) || words[after].comma_before)) {
                    emit(EntityKind::Org, surface(j, after, run, known->name), j, after);
                    emit(known->kind, known->name, run, after);
                    j = after;
                    ++qualifiers;
                    continue;
                }
            }
        }
        break;
    }
    const auto end = name_run(j);
    if (end == j || end - j > kMaxNameWords) return std::max(end, j);
    // "CEO KirimCepat, Yohanes Kurniawan, mengatakan": the first run names the organisation.
    if (end < words.size() && words[end].comma_before) {
        const auto second = name_run(end);
        if (second - end >= 2 && second - end <= kMaxNameWords && verb_after_comma(second)) {
            if (names_found_person(j, end))  // "Kuasa hukum Rudi, Hotman Situmorang, menyatakan"
                emit(EntityKind::Person, person_name(j, end), j, end);
            else
                emit(EntityKind::Org, surface(j, end, words.size(), ""), j, end);
            emit(EntityKind::Person, person_name(end, second), end, second);
            return second;
        }
    }
    emit(EntityKind::Person, person_name(j, end), j, end, end - j == 1 && !rank);
    return end;
}

/// An unknown capitalised run: a person if a reporting word or an apposition marks it.
std::size_t ArticleScan::unknown_run(std::size_t i) {
    const auto& words = *words_;
    const auto end = name_run(i);
    if (end == i) return i + 1;
    if (end - i > kMaxNameWords) return end;
    const bool speech_before = i > 0 && cue(i - 1) == NameCue::SpeechBefore && !words[i - 1].cap;
    const bool speech_after = end < words.size() && joined(end) && cue(end) == NameCue::SpeechAfter &&
                              (end - i >= 2 || !words[i].sentence_start);
    const bool apposition = end < words.size() && words[end].comma_before &&
                            (cue(end) == NameCue::Apposition || (words[end].folded == "seorang"));
    const bool age = end < words.size() && words[end].open_paren && words[end].number && words[end].close_paren &&
                     words[end].text.size() <= 2;  // "Budi (45)", not a citation "Mujere (2016)"
    if (speech_before || speech_after || apposition || age) {
        emit(EntityKind::Person, person_name(i, end), i, end);
        return end;
    }
    // An apposition between commas before a verb: "Warga Demak, Slamet Riyadi, berharap",
    // "Pasangan ganda putra Indonesia, Fajar Nugroho dan Rian Saputra, melaju".
    if (words[i].comma_before && end - i >= 2) {
        if (verb_after_comma(end)) {
            emit(EntityKind::Person, person_name(i, end), i, end);
            return end;
        }
        if (end + 1 < words.size() && words[end].folded == "dan" && joined(end) && joined(end + 1)) {
            const auto second = name_run(end + 1);
            if (second - (end + 1) >= 2 && second - (end + 1) <= kMaxNameWords && verb_after_comma(second)) {
                emit(EntityKind::Person, person_name(i, end), i, end);
                emit(EntityKind::Person, person_name(end + 1, second), end + 1, second);
                return second;
            }
        }
    }
    return end;
}

void ArticleScan::pass_rules(std::vector<Word>& words) {
    start(words);
    std::size_t i = 0;
    while (i < words.size()) {
        const auto& w = words[i];
        if (w.credit || w.number) {
            ++i;
            continue;
        }
        if (const auto role = gaz_.match_role(folded_, i); role > 0 && !(w.cap && known_at(i))) {
            i = std::max(after_role(i, role), i + 1);
            continue;
        }
        if (!w.cap) {
            if (w.folded == "inisial" || w.folded == "berinisial") {  // "berinisial AS dan RM"
                ++i;
                while (i < words.size() && !words[i].sentence_start &&
                       (words[i].acronym || words[i].folded == "dan" || words[i].text.size() == 1))
                    words[i++].used = true;
                continue;
            }
            if (w.folded == "warga" && joined(i + 1) && words[i + 1].cap && !known_at(i + 1)) {  // "warga Laweyan"
                const auto end = name_run(i + 1);
                if (end > i + 1 && end - i <= 3) {
                    emit(EntityKind::Place, surface(i + 1, end, words.size(), ""), i + 1, end);
                    i = end;
                    continue;
                }
            }
            ++i;
            continue;
        }
        const auto known = known_at(i);
        const auto head = cue(i);
        if (head == NameCue::OrgHead) {
            if (const auto end = org_span(i, false); end > i && (!known || end - i > known->length)) {
                i = org_span(i, true);
                continue;
            }
        }
        if (known) {
            emit(known->kind, known->name, i, i + known->length);
            i += known->length;
            skip_acronym_in_parens(i, known->kind, known->name);
            continue;
        }
        if (head == NameCue::FacilityHead) {  // "Stadion Manahan", "Pasar Kramat Jati": not entities
            ++i;
            while (i < words.size() && joined(i) && words[i].cap) words[i++].used = true;
            continue;
        }
        if (head == NameCue::AdminPrefix || head == NameCue::GeoHead) {
            if (const auto end = place_after_prefix(i, head == NameCue::GeoHead); end > i) {
                i = end;
                continue;
            }
        }
        i = unknown_run(i);
    }
}

}  // namespace telusur::name_rules
