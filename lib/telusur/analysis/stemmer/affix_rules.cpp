#include "telusur/analysis/stemmer/affix_rules.h"

#include <algorithm>
#include <array>

namespace telusur::affix {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool is_consonant(char c) { return c >= 'a' && c <= 'z' && !is_vowel(c); }
bool is_one_of(char c, std::string_view letters) { return letters.find(c) != std::string_view::npos; }

char at(std::string_view word, std::size_t i) { return i < word.size() ? word[i] : '\0'; }

/// One vowel group (bom, cat, tik, pel): the roots that take menge-/penge-.
bool is_monosyllable(std::string_view root) {
    std::size_t groups = 0;
    for (std::size_t i = 0; i < root.size(); ++i)
        if (is_vowel(root[i]) && (i == 0 || !is_vowel(root[i - 1]))) ++groups;
    return groups == 1 && is_consonant(at(root, 0));
}

/// Roots shorter than this are never the result of stripping: two-letter "roots" (ab, ad, ba…)
/// would turn ordinary words into noise.
constexpr std::size_t kMinRest = 2;

void add(std::vector<PrefixStrip>& out, Prefix prefix, std::string_view rest, bool recoded = false) {
    if (rest.size() >= kMinRest) out.push_back({prefix, std::string(rest), recoded});
}

void add_recoded(std::vector<PrefixStrip>& out, Prefix prefix, char first, std::string_view rest) {
    if (rest.size() + 1 >= kMinRest) out.push_back({prefix, first + std::string(rest), true});
}

/// be-/te-/pe- before a root whose first syllable is C + "er" (bekerja, tepercaya, pekerja).
bool first_syllable_has_er(std::string_view rest) {
    return is_consonant(at(rest, 0)) && rest.substr(1, 2) == "er";
}

/// meN- and peN- share their morphophonemics; `x` is "me" or "pe".
void strip_nasal_prefix(std::string_view word, std::string_view x, Prefix prefix, std::vector<PrefixStrip>& out) {
    if (!word.starts_with(x)) return;
    const std::string_view s = word.substr(2);  // after me-/pe-
    // menge-/penge- before one-syllable roots (mengebom, pengecatan). Counted as recoded: it is
    // the rare allomorph, so meng- + k-root wins a tie (mengenal → kenal, not nal).
    if (s.starts_with("nge") && is_monosyllable(s.substr(3))) add(out, prefix, s.substr(3), /*recoded=*/true);
    if (s.starts_with("ng")) {
        const char c = at(s, 2);
        if (is_vowel(c)) {
            add(out, prefix, s.substr(2));               // mengambil → ambil
            add_recoded(out, prefix, 'k', s.substr(2));  // mengirim → kirim
        } else if (is_one_of(c, "ghkq")) {
            add(out, prefix, s.substr(2));  // menggali, menghitung, mengkritik (loan clusters keep k), mengqasar
        }
    }
    if (s.starts_with("ny") && is_vowel(at(s, 2))) add_recoded(out, prefix, 's', s.substr(2));  // menyapu → sapu
    if (s.starts_with("m")) {
        const char c = at(s, 1);
        if (is_one_of(c, "bfvp")) add(out, prefix, s.substr(1));           // membaca, memfitnah, mempopulerkan
        if (is_vowel(c)) add_recoded(out, prefix, 'p', s.substr(1));        // memukul → pukul
    }
    if (s.starts_with("n")) {
        const char c = at(s, 1);
        if (is_one_of(c, "cdjstz")) add(out, prefix, s.substr(1));          // mencari, mendapat, menjadi, mensyukuri
        if (is_vowel(c)) add_recoded(out, prefix, 't', s.substr(1));        // menulis → tulis
    }
    // me- without a nasal before l, r, w, y and before roots that already begin with a nasal
    // (melihat, merasa, mewakili, menanti, memakan, menyanyi, menganga).
    if (prefix == Prefix::MeN && is_one_of(at(s, 0), "lrwymn")) add(out, prefix, s);
}

/// Colloquial nasalisation without me-: nulis, mukul, nyoba, nyuruh, ngambil, ngirim, ngebuka.
void strip_informal_nasal(std::string_view word, std::vector<PrefixStrip>& out) {
    if (word.starts_with("nge") && is_consonant(at(word, 3))) add(out, Prefix::Nasal, word.substr(3));  // colloquial nge- takes any root
    if (word.starts_with("ng")) {
        if (is_vowel(at(word, 2))) {
            add(out, Prefix::Nasal, word.substr(2));
            add_recoded(out, Prefix::Nasal, 'k', word.substr(2));
        }
        return;
    }
    if (word.starts_with("ny") && is_vowel(at(word, 2))) {
        add_recoded(out, Prefix::Nasal, 's', word.substr(2));
        add_recoded(out, Prefix::Nasal, 'c', word.substr(2));  // nyoba → coba: speech nasalises c too
        return;
    }
    if (word.starts_with("m") && is_vowel(at(word, 1))) add_recoded(out, Prefix::Nasal, 'p', word.substr(1));
    if (word.starts_with("n") && is_vowel(at(word, 1))) add_recoded(out, Prefix::Nasal, 't', word.substr(1));
}

}  // namespace

void strip_prefix(std::string_view word, bool informal, std::vector<PrefixStrip>& out) {
    if (word.starts_with("di")) add(out, Prefix::Di, word.substr(2));
    if (word.starts_with("ke")) add(out, Prefix::Ke, word.substr(2));
    if (word.starts_with("se")) add(out, Prefix::Se, word.substr(2));
    // The proclitic pronouns of the passive (kupukul, kauhajar) behave as an outer prefix.
    if (word.starts_with("kau")) add(out, Prefix::Kau, word.substr(3));
    else if (word.starts_with("ku")) add(out, Prefix::Kau, word.substr(2));

    // ber-, be- before r and before a first syllable with -er- (berantai, bekerja), bel- (belajar).
    if (word.starts_with("ber")) add(out, Prefix::Ber, word.substr(3));
    // be- + r-root counts as recoded: the prefix's r merged into the root's, and when ber- + a
    // vowel root also exists that reading is the likelier (berubah ← ubah, not rubah).
    if (word.starts_with("ber")) add(out, Prefix::Ber, word.substr(2), /*recoded=*/true);
    if (word.starts_with("be") && first_syllable_has_er(word.substr(2))) add(out, Prefix::Ber, word.substr(2));
    if (word.starts_with("belajar")) add(out, Prefix::Ber, word.substr(3));

    // ter- and te- alike (terasa ← rasa, tepercaya ← percaya).
    if (word.starts_with("ter")) add(out, Prefix::Ter, word.substr(3));
    if (word.starts_with("ter")) add(out, Prefix::Ter, word.substr(2), /*recoded=*/true);
    if (word.starts_with("te") && first_syllable_has_er(word.substr(2))) add(out, Prefix::Ter, word.substr(2));

    // per-, pe- before r (perumahan), pel- (pelajar); plain pe- before a consonant (petani,
    // pedagang, pelari, pemain); peN- with the same morphophonemics as meN-.
    if (word.starts_with("per")) add(out, Prefix::Per, word.substr(3));
    // per- before an r-root merges the two r's as ber- and ter- do (memperebutkan ← rebut).
    if (word.starts_with("per")) add(out, Prefix::Per, word.substr(2), /*recoded=*/true);
    if (word.starts_with("pelajar")) add(out, Prefix::Per, word.substr(3));
    // per- drops its r before a first syllable with -er-, as ber- and ter- do (mempekerjakan,
    // dipekerjakan ← kerja); the top-level pe- reading below already covers pekerja.
    if (word.starts_with("pe") && first_syllable_has_er(word.substr(2))) add(out, Prefix::Per, word.substr(2));
    if (word.starts_with("pe") && is_consonant(at(word, 2))) add(out, Prefix::Pe, word.substr(2));
    strip_nasal_prefix(word, "pe", Prefix::PeN, out);
    strip_nasal_prefix(word, "me", Prefix::MeN, out);

    if (informal) strip_informal_nasal(word, out);

    // The negation of the ke-…-an confix (ketidakpastian, ketidakmampuan); may_follow admits
    // it only after ke-.
    if (word.starts_with("tidak")) add(out, Prefix::Tidak, word.substr(5));
    // Dwipurwa: the first consonant doubled with e (bebatuan ← batu, jejaring ← jaring,
    // seseorang ← seorang). At least four letters must remain, so lelah, ruang, teh never split.
    if (is_consonant(at(word, 0)) && at(word, 1) == 'e' && at(word, 2) == word[0] && word.size() >= 6)
        add(out, Prefix::Redup, word.substr(2));
}

bool is_irregular(Prefix prefix) { return prefix == Prefix::Redup; }

std::string strip_infix(std::string_view word) {
    // Five letters at least remain with the infix: the roots it enters have two syllables.
    if (word.size() < 6 || !is_consonant(word[0])) return {};
    const auto infix = word.substr(1, 2);
    if (infix != "el" && infix != "em" && infix != "er" && infix != "in") return {};
    return word[0] + std::string(word.substr(3));
}

namespace {

bool is_question_word(std::string_view word) {
    static constexpr std::array<std::string_view, 9> kQuestionWords{"apa",    "siapa",  "mana",      "bagaimana", "mengapa",
                                                                    "kenapa", "berapa", "bilamana", "kapan"};
    return std::find(kQuestionWords.begin(), kQuestionWords.end(), word) != kQuestionWords.end();
}

}  // namespace

void split_suffixes(std::string_view word, bool informal, std::vector<SuffixSplit>& out) {
    static constexpr std::array<std::string_view, 5> kParticles{"", "lah", "kah", "tah", "pun"};
    static constexpr std::array<std::string_view, 4> kPossessives{"", "ku", "mu", "nya"};
    struct Derivational {
        std::string_view text;
        Suffix suffix;
    };
    static constexpr std::array<Derivational, 7> kDerivationals{{{"", Suffix::None},
                                                                 {"i", Suffix::I},
                                                                 {"kan", Suffix::Kan},
                                                                 {"an", Suffix::An},
                                                                 {"isasi", Suffix::Isasi},
                                                                 {"isme", Suffix::Isme},
                                                                 {"in", Suffix::In}}};
    // A stem keeps at least two letters: "-nya" alone is not hanya's suffix.
    constexpr std::size_t kMinBase = 2;
    for (const auto particle : kParticles) {
        if (!word.ends_with(particle) || word.size() < particle.size() + kMinBase) continue;
        const auto after_particle = word.substr(0, word.size() - particle.size());
        // -tah is archaic and only asks (apatah, siapatah); elsewhere "tah" ends a root (perintah,
        // patah, mentah), and stripping it sent misspellings to unrelated roots (pemertintah → tin).
        if (particle == "tah" && !is_question_word(after_particle)) continue;
        for (const auto possessive : kPossessives) {
            if (!after_particle.ends_with(possessive) || after_particle.size() < possessive.size() + kMinBase) continue;
            const auto after_possessive = after_particle.substr(0, after_particle.size() - possessive.size());
            const int inflectional = int(!particle.empty()) + int(!possessive.empty());
            for (const auto& [text, suffix] : kDerivationals) {
                if (suffix == Suffix::In && !informal) continue;
                if (!after_possessive.ends_with(text) || after_possessive.size() < text.size() + kMinBase) continue;
                out.push_back({after_possessive.substr(0, after_possessive.size() - text.size()), suffix, inflectional});
            }
        }
    }
}

bool may_follow(Prefix outer, Prefix inner) {
    switch (outer) {
        case Prefix::Di:
        case Prefix::MeN:
        case Prefix::PeN:
        case Prefix::Nasal:
            return inner == Prefix::Per || inner == Prefix::Ber || inner == Prefix::Ke;  // diperbaiki, memberdayakan, mengetahui
        case Prefix::Ke:
            return inner == Prefix::Ber || inner == Prefix::Ter || inner == Prefix::Per || inner == Prefix::PeN ||
                   inner == Prefix::Pe || inner == Prefix::Se ||
                   inner == Prefix::Tidak;  // keberhasilan, keterlaluan, kepemimpinan, ketidakpastian
        case Prefix::Tidak:
            return inner == Prefix::Ber || inner == Prefix::Ter || inner == Prefix::Se ||
                   inner == Prefix::PeN;  // ketidakberdayaan, ketidakterbukaan, ketidaksesuaian
        case Prefix::Redup:
            return inner == Prefix::Se;  // seseorang, sesekali
        case Prefix::Ber:
            return inner == Prefix::PeN || inner == Prefix::Pe || inner == Prefix::Per || inner == Prefix::Ke;  // berpengalaman, berkelanjutan
        case Prefix::Ter:
            return inner == Prefix::Per;  // terpercaya
        case Prefix::Se:
            return inner == Prefix::PeN;  // sepengetahuan
        case Prefix::Kau:
            return inner == Prefix::Per;  // kuperhatikan
        case Prefix::Per:
        case Prefix::Pe:
            return false;
    }
    return false;
}

bool confix_allowed(Prefix outer, Suffix suffix) {
    switch (outer) {
        case Prefix::Ber: return suffix != Suffix::I;
        case Prefix::Di: return suffix != Suffix::An;
        case Prefix::Ke: return suffix != Suffix::I;
        case Prefix::MeN: return suffix != Suffix::An;
        case Prefix::Se: return suffix != Suffix::I && suffix != Suffix::Kan;
        case Prefix::Ter: return suffix != Suffix::An;
        case Prefix::Tidak: return false;  // only inside ke-…-an, and ke- is then the outer prefix
        default: return true;
    }
}

}  // namespace telusur::affix
