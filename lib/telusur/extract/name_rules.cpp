// The name rules of ArticleScan (article_scan.h): organisations, places after a prefix, people
// after a role or a reporting word, over the words name_words.cpp prepares.
#include "telusur/extract/name_rules.h"

#include <algorithm>
#include <array>
#include <optional>

#include "telusur/extract/article_scan.h"
#include "telusur/extract/gazetteer.h"

namespace telusur::name_rules {

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
