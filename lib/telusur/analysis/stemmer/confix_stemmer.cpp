#include "telusur/analysis/stemmer/confix_stemmer.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

#include "telusur/analysis/stemmer/affix_rules.h"
#include "telusur/analysis/stemmer/word_shape.h"
#include "telusur/stable_hash.h"

namespace telusur {
namespace {

using affix::Prefix;
using affix::Suffix;

constexpr std::size_t kMaxPrefixes = 3;
/// The least RootDictionary::productivity of a root reached by removing an old infix.
constexpr int kMinInfixRootProductivity = 4;
/// The least RootDictionary::productivity of a root reached by the colloquial bare m- or n-.
constexpr int kMinBareNasalRootProductivity = 2;
/// The least RootDictionary::productivity of a root reached by a suffix -i without a prefix.
constexpr int kMinBareSuffixIRootProductivity = 2;
/// The least RootDictionary::productivity of a root reached by ke- alone, with no suffix.
constexpr int kMinBareKeRootProductivity = 2;

/// Prefixes after which -kan is the verb suffix it usually is. Not ber-: ber-…-an is a common
/// confix (bertumpukan, berserakan), and ber-…-kan (berdasarkan) has no -an reading to lose to.
bool is_verb_prefix(Prefix p) {
    return p == Prefix::MeN || p == Prefix::Di || p == Prefix::Ter || p == Prefix::Kau || p == Prefix::Nasal;
}

/// One analysis whose root is in the dictionary.
struct Candidate {
    std::string root;
    int informal_devices = 0;  ///< Colloquial rules used (N- prefix, -in, respelt root).
    int irregular = 0;         ///< Last-resort readings used (infix, dwipurwa).
    int prefixes = 0;
    int suffixes = 0;          ///< Inflectional + derivational suffixes removed.
    Suffix derivational = Suffix::None;
    int recodings = 0;         ///< Root letters restored by morphophonemics (menulis → tulis).
    int productivity = 0;      ///< RootDictionary::productivity of the root.
    int merged_r = 0;          ///< ber-/ter-/per- read as be-/te-/pe- + r-root (beraksi: raksi, not aksi).
    bool shadowed_i = false;   ///< A suffix -i after a root in -a whose -ai form is a root too (dimulai: mulai, not mula).
    bool nominal_kan = false;  ///< -kan removed with no verb prefix before it (perbankan: not perban + -kan).

    /// Lower is more plausible. Colloquial readings lose to standard ones, and the last-resort
    /// readings (an old infix, dwipurwa) to regular ones. Then:
    /// 0. Only particles and possessives removed, as Enhanced Confix Stripping looks the word
    ///    up again right after them (sekaranglah → sekarang, not karang).
    /// 1. Not an -i reading of a root in -a whose -ai form is a root too: the same prefixes
    ///    then reach a longer root with one suffix fewer, and roots in the diphthong -ai
    ///    (mulai, sampai, pakai, ramai) are lexical words, whatever the productivity of the
    ///    shorter root (mula). Other roots in -i are mostly adjectives of a noun (alami,
    ///    insani), and there the verb's -i reading is the likelier (dialami → alam).
    /// 2. The most productive root (RootDictionary::productivity): when two analyses both reach
    ///    a root, the root that takes many affixes is the real one (mengurangi → kurang, not
    ///    urang; pembelian → beli, not belian; petani → tani, not petan).
    /// Then, as Enhanced Confix Stripping, which returns the first root met while stripping
    /// suffixes, then prefixes:
    /// 3. no prefix before any prefix, and then the fewest suffixes (pesannya → pesan, not pes);
    /// 4. with prefixes, the confix first: -an/-kan removed before nothing before -i, since
    ///    -i readings of a three-letter root are mostly false (menari → tari, not tar);
    /// 5. the fewest prefixes, then no restored letter (mengubah → ubah, not kubah; berubah →
    ///    ubah, not rubah), then the longest root (penyelidikan → selidik, not lidi).
    auto rank() const {
        const int confix_order = prefixes == 0 ? suffixes
                                 : derivational == Suffix::None ? 1
                                 : derivational == Suffix::I    ? 2
                                                                : 0;
        const bool inflection_only = prefixes == 0 && derivational == Suffix::None;
        return std::make_tuple(informal_devices, irregular, int(!inflection_only), int(shadowed_i),
                               -(productivity - merged_r),
                               int(prefixes > 0), confix_order, prefixes,
                               recodings, -static_cast<int>(root.size()));
    }
};

/// Depth-first search over prefix stacks for one suffix split, collecting the best candidate.
class AnalysisSearch {
  public:
    AnalysisSearch(const RootDictionary& roots, bool informal) : roots_(roots), informal_(informal) {}

    void run(const affix::SuffixSplit& split) {
        split_ = &split;
        chain_.clear();
        visit(split.base, 0);
    }

    /// The most plausible root, except that a -kan reading without a verb prefix (meN-, di-,
    /// ter-…) gives way to the best reading with the noun suffix -an: -kan makes verbs, and a
    /// word without a verb prefix that can also be read with -an is that noun (perbankan →
    /// bank, not perban; tumpukan → tumpuk, not tumpu; kerusakan → rusak, not rusa;
    /// bertumpukan → tumpuk). The -an reading must reach a root that takes affixes, and a bare
    /// imperative keeps its -kan when none does (berikan → beri, not the bare root berik;
    /// jalankan → jalan).
    std::optional<std::string> best() && {
        if (!best_) return std::nullopt;
        // Rule 1 of Candidate::rank across prefixes: an -i reading of a root in -a gives way to
        // a reading of the whole word to a root in -ai with no more prefixes (terabai → abai:
        // ter- abai, not te- raba -i), though not to one with more (dikepalai → kepala, not
        // di- ke- palai; kuasai → kuasa, not ku- asai).
        if (best_->derivational == Suffix::I && best_->root.ends_with('a') && best_ai_ &&
            best_ai_->prefixes <= best_->prefixes && best_ai_->informal_devices <= best_->informal_devices &&
            best_ai_->irregular <= best_->irregular)
            return std::move(best_ai_->root);
        if (best_->nominal_kan && best_an_ && best_an_->productivity > 0 &&
            best_an_->informal_devices <= best_->informal_devices && best_an_->irregular <= best_->irregular)
            return std::move(best_an_->root);
        return std::move(best_->root);
    }

  private:
    void visit(std::string_view rest, int recodings) {
        consider_roots(rest, recodings);
        if (chain_.size() == kMaxPrefixes) return;
        std::vector<affix::PrefixStrip> strips;
        affix::strip_prefix(rest, informal_, strips);
        for (const auto& strip : strips) {
            if (chain_.empty() ? strip.prefix == Prefix::Tidak : !affix::may_follow(chain_.back(), strip.prefix))
                continue;
            // per- + r-root merges its r only inside memper-/diper- (memperebutkan); elsewhere
            // pe- + r-root already covers it (perebutan), and terperangkap keeps perangkap.
            if (strip.prefix == Prefix::Per && strip.recoded &&
                (chain_.empty() || (chain_.back() != Prefix::MeN && chain_.back() != Prefix::Di)))
                continue;
            const bool merged_r = strip.recoded && (strip.prefix == Prefix::Ber || strip.prefix == Prefix::Ter ||
                                                    strip.prefix == Prefix::Per);
            chain_.push_back(strip.prefix);
            merged_r_ += int(merged_r);
            visit(strip.rest, recodings + int(strip.recoded));
            merged_r_ -= int(merged_r);
            chain_.pop_back();
        }
    }

    void consider_roots(std::string_view rest, int recodings) {
        const int suffixes = split_->inflectional + int(split_->derivational != Suffix::None);
        // The bare word was looked up before any analysis; only its respellings are new.
        const bool bare = chain_.empty() && suffixes == 0;
        if (!chain_.empty() && !affix::confix_allowed(chain_.front(), split_->derivational)) return;
        // ketidak- stands only in the confix ke-…-an.
        if (split_->derivational != Suffix::An && std::count(chain_.begin(), chain_.end(), Prefix::Tidak)) return;
        int devices = int(split_->derivational == Suffix::In) +
                      int(std::count(chain_.begin(), chain_.end(), Prefix::Nasal));
        const int irregular = int(std::count_if(chain_.begin(), chain_.end(), affix::is_irregular));
        if (!bare) consider(std::string(rest), devices, recodings, irregular);
        // An old infix only on a word without prefixes, and only towards a productive root:
        // the infixed words are few and old (telunjuk, gemetar, temurun), while names and
        // loanwords that merely look infixed are many (relawan is not rawan, selulit not sulit).
        if (chain_.empty() && !informal_) {
            if (auto root = affix::strip_infix(rest); !root.empty() && roots_.productivity(root) >= kMinInfixRootProductivity)
                consider(std::move(root), devices, recodings, irregular + 1);
        }
        if (bare && !informal_) return;
        // Respelling a one- or two-letter remnant only makes noise (mei → me + -i → mai).
        if (!informal_ || rest.size() < 3) return;
        // Colloquial respellings of the root: the schwa of the last syllable written e for a
        // (bener → benar, nganggep → anggap), a dropped initial h (idup → hidup), final -ai
        // said -e (sampe → sampai), and -ai + -in merged (nyelesain → selesai).
        ++devices;
        const auto last_vowel = rest.find_last_of("aiueo");
        const bool closed_final_e = last_vowel != std::string_view::npos && rest[last_vowel] == 'e' &&
                                    last_vowel + 1 < rest.size() && last_vowel > 0 &&
                                    rest.find_first_of("aiueo") < last_vowel - 1;  // two syllables at least
        if (closed_final_e) {
            std::string respelt(rest);
            respelt[last_vowel] = 'a';
            // Only into a root that takes affixes: bener → benar, laper → lapar; a bare root
            // read that way is mostly an English loanword (user is not usar, a rare plant).
            if (roots_.productivity(respelt) > 0) consider(std::move(respelt), devices, recodings, irregular);
        }
        if (!rest.empty() && std::string_view("aiueo").find(rest.front()) != std::string_view::npos)
            consider("h" + std::string(rest), devices, recodings, irregular);
        if (rest.ends_with('e')) consider(std::string(rest.substr(0, rest.size() - 1)) + "ai", devices, recodings, irregular);
        if (split_->derivational == Suffix::In && rest.ends_with('a')) consider(std::string(rest) + "i", devices, recodings, irregular);
    }

    void consider(std::string root, int devices, int recodings, int irregular) {
        if (root.size() < ConfixStemmer::kMinRootLength || !roots_.contains(root)) return;
        const int productivity = roots_.productivity(root);
        // The colloquial m- and n- for p- and t- (mukul, nulis) make verbs, so they reach only a
        // root that takes affixes; names and English words met in Indonesian text (nato, mike,
        // market) are not colloquial forms of the rare roots tato, pike, parket. ng-, ny- and
        // nge- are not read as anything else and keep every root (ngunduh, nyelonong).
        if (productivity < kMinBareNasalRootProductivity && !chain_.empty() && chain_.front() == Prefix::Nasal &&
            split_->base.size() > 1 && (split_->base[0] == 'm' || split_->base[0] == 'n') &&
            std::string_view("aiueo").find(split_->base[1]) != std::string_view::npos)
            return;
        // A bare -i (no prefix: awasi, batasi, temui) makes an imperative verb, so it too reaches
        // only a root that takes affixes; words that merely end in -i after a rare root are
        // loanwords and names (politisi is not politis + -i, nor agensi agens, susi sus).
        if (chain_.empty() && split_->derivational == Suffix::I && productivity < kMinBareSuffixIRootProductivity)
            return;
        // ke- alone, with no suffix at all, makes ordinals and colloquial passives (kedua, ketiga,
        // ketipu, kepilih), whose roots take affixes; before a rare root it is mostly the start
        // of another word (kebon is not ke- bon, kedubes not ke- dubes, keira not ke- ira).
        if (chain_.size() == 1 && chain_.front() == Prefix::Ke && split_->derivational == Suffix::None &&
            split_->inflectional == 0 && productivity < kMinBareKeRootProductivity)
            return;
        const bool shadowed_i = split_->derivational == Suffix::I && root.ends_with('a') && roots_.contains(root + 'i');
        const bool nominal_kan = split_->derivational == Suffix::Kan && std::none_of(chain_.begin(), chain_.end(), is_verb_prefix);
        Candidate candidate{std::move(root), devices, irregular, static_cast<int>(chain_.size()),
                            split_->inflectional + int(split_->derivational != Suffix::None),
                            split_->derivational, recodings, productivity, merged_r_, shadowed_i, nominal_kan};
        if (split_->derivational == Suffix::An && (!best_an_ || candidate.rank() < best_an_->rank()))
            best_an_ = candidate;
        if (split_->derivational == Suffix::None && split_->inflectional == 0 && candidate.root.ends_with("ai") &&
            (!best_ai_ || candidate.rank() < best_ai_->rank()))
            best_ai_ = candidate;
        if (!best_ || candidate.rank() < best_->rank()) best_ = std::move(candidate);
    }

    const RootDictionary& roots_;
    const bool informal_;
    const affix::SuffixSplit* split_ = nullptr;
    std::vector<Prefix> chain_;
    int merged_r_ = 0;  // r-merging prefixes in chain_
    std::optional<Candidate> best_;
    std::optional<Candidate> best_an_;  // the best reading with the suffix -an
    std::optional<Candidate> best_ai_;  // the best reading of the whole word to a root in -ai
};

}  // namespace

ConfixStemmer::ConfixStemmer(StemmerLexicon lexicon) : ConfixStemmer(std::move(lexicon), Options{}) {}

ConfixStemmer::ConfixStemmer(StemmerLexicon lexicon, Options options)
    : lexicon_(std::move(lexicon)), options_(options) {
    if (!lexicon_.roots) throw std::invalid_argument("ConfixStemmer needs a root dictionary");
    // A sum of entry hashes does not depend on the order of the entries; each table has its
    // own tag, so moving a word from one table to another changes the sum too.
    std::uint64_t sum = lexicon_.roots->fingerprint() + mix64(options_.informal ? 1 : 2);
    for (const auto& word : lexicon_.protected_words) sum += stable_hash64("protected\t" + word);
    for (const auto& [word, root] : lexicon_.exceptions) sum += stable_hash64("exception\t" + word + '\t' + root);
    for (const auto& [word, standard] : lexicon_.informal) sum += stable_hash64("informal\t" + word + '\t' + standard);
    identity_ = std::string(kRulesVersion) + '/' + to_hex(mix64(sum));
    const auto add_base = [this](const std::string& word) {
        const auto hyphen = word.find('-');
        if (hyphen == std::string::npos) return;
        auto base = word.substr(0, hyphen);
        if (std::find(whole_word_bases_.begin(), whole_word_bases_.end(), base) == whole_word_bases_.end())
            whole_word_bases_.push_back(std::move(base));
    };
    for (const auto& word : lexicon_.protected_words) add_base(word);
    for (const auto& [word, root] : lexicon_.exceptions) add_base(word);
}

StemResult ConfixStemmer::stem(std::string_view word) const {
    if (!is_plain_word(word)) return {std::string(word), StemReason::NotAWord};
    if (word.size() > kMaxWordLength) return {std::string(word), StemReason::Fallback};
    if (word.find('-') == std::string_view::npos) return stem_word(word, /*try_respellings=*/true);
    if (auto whole = listed_whole(word)) return std::move(*whole);
    return stem_reduplication(word);
}

std::optional<std::string> ConfixStemmer::whole_word_stem(std::string_view word) const {
    if (word.find('-') == std::string_view::npos || !is_plain_word(word) || word.size() > kMaxWordLength)
        return std::nullopt;
    auto whole = listed_whole(word);
    if (!whole) return std::nullopt;
    return std::move(whole->stem);
}

std::optional<StemResult> ConfixStemmer::listed_whole(std::string_view word) const {
    // Snippets ask this of every hyphenated word of a text: most hold no listed base at all.
    if (std::none_of(whole_word_bases_.begin(), whole_word_bases_.end(),
                     [&](const std::string& base) { return word.find(base) != std::string_view::npos; }))
        return std::nullopt;
    if (const auto last_hyphen = word.rfind('-'); is_hyphenated_clitic(word.substr(last_hyphen + 1)))
        word = word.substr(0, last_hyphen);  // undang-undang-nya
    const auto hyphen = word.find('-');
    if (hyphen == std::string_view::npos) return std::nullopt;  // kuasa-Mu: one word and its clitic
    if (auto found = listed(word)) return found;
    if (word.find('-', hyphen + 1) != std::string_view::npos) return std::nullopt;
    // The halves carry the affixes (perundang-undangan, dirata-ratakan, berhati-hati) and the
    // listed word is their shared stem reduplicated.
    const auto first = stem_word(word.substr(0, hyphen), true);
    if (first.reason == StemReason::Fallback || first.reason == StemReason::NotAWord) return std::nullopt;
    if (stem_word(word.substr(hyphen + 1), true).stem != first.stem) return std::nullopt;
    return listed(first.stem + '-' + first.stem);
}

std::optional<StemResult> ConfixStemmer::listed(std::string_view word) const {
    if (lexicon_.protected_words.contains(word)) return StemResult{std::string(word), StemReason::Protected};
    if (const auto it = lexicon_.exceptions.find(word); it != lexicon_.exceptions.end())
        return StemResult{it->second, StemReason::Exception};
    return std::nullopt;
}

std::optional<StemResult> ConfixStemmer::listed_inflected(std::string_view word) const {
    // Enhanced Confix Stripping looks a word up again once its particle and possessive are gone;
    // an entry is looked up the same way, so that an exception holds for every form of its word.
    std::vector<affix::SuffixSplit> splits;
    affix::split_suffixes(word, /*informal=*/false, splits);
    for (const auto& split : splits)
        if (split.derivational == Suffix::None && split.inflectional > 0)
            if (auto found = listed(split.base)) return found;
    return std::nullopt;
}

StemResult ConfixStemmer::stem_word(std::string_view word, bool try_respellings) const {
    if (auto found = listed(word)) return std::move(*found);
    if (const auto it = lexicon_.informal.find(word); it != lexicon_.informal.end()) {
        // The standard word is stemmed in turn (ngasih → kasih), but never looked up in the
        // informal table again, so a cycle in the file cannot loop.
        const auto& standard = it->second;
        if (lexicon_.roots->contains(standard) || !is_plain_word(standard) || standard.find('-') != std::string::npos)
            return {standard, StemReason::Exception};
        auto analysis = best_analysis(standard, false);
        return {analysis ? std::move(*analysis) : standard, StemReason::Exception};
    }
    if (lexicon_.roots->contains(word)) return {std::string(word), StemReason::Dictionary};
    if (auto found = listed_inflected(word)) return std::move(*found);
    if (auto root = best_analysis(word, false)) return {std::move(*root), StemReason::Dictionary};
    if (options_.informal) {
        if (auto root = best_analysis(word, true)) return {std::move(*root), StemReason::Dictionary};
        if (try_respellings) {
            for (const auto& respelt : respellings_without_elongation(word)) {
                auto result = stem_word(respelt, false);
                if (result.reason != StemReason::Fallback) return result;
            }
        }
    }
    return {std::string(word), StemReason::Fallback};
}

StemResult ConfixStemmer::stem_reduplication(std::string_view word) const {
    // A clitic written after a hyphen belongs to the whole word: the capitalised divine pronoun
    // (malaikat-malaikat-Nya, kuasa-Mu, once case-folded) and particles (apa-apa-pun).
    if (const auto last_hyphen = word.rfind('-'); is_hyphenated_clitic(word.substr(last_hyphen + 1))) {
        const auto host = word.substr(0, last_hyphen);
        return host.find('-') == std::string_view::npos ? stem_word(host, true) : stem_reduplication(host);
    }
    const auto hyphen = word.find('-');
    const auto first = word.substr(0, hyphen);
    const auto second = word.substr(hyphen + 1);
    if (second.find('-') != std::string_view::npos) return {std::string(word), StemReason::Fallback};
    // The first half carries the prefix and names the root (berlari-lari, sayur-mayur,
    // kemerah-merahan); the second half only when the first says nothing (bolak-balik).
    auto result = stem_word(first, true);
    if (result.reason != StemReason::Fallback) return result;
    if (first == second) return result;
    result = stem_word(second, true);
    if (result.reason != StemReason::Fallback) return result;
    return {std::string(word), StemReason::Fallback};
}

std::vector<std::string> ConfixStemmer::irregular_words() const {
    std::vector<std::string> words;
    for (const auto* table : {&lexicon_.exceptions, &lexicon_.informal})
        for (const auto& [word, target] : *table) words.push_back(word);
    return words;
}

std::optional<std::string> ConfixStemmer::best_analysis(std::string_view word, bool informal) const {
    std::vector<affix::SuffixSplit> splits;
    affix::split_suffixes(word, informal, splits);
    AnalysisSearch search(*lexicon_.roots, informal);
    for (const auto& split : splits) search.run(split);
    return std::move(search).best();
}

}  // namespace telusur
