// ConfixStemmer: affix rules, morphophonemics, choice among analyses, data files, odd input.
// The cases run on a small hand-written dictionary so that each rule is pinned on its own
// (test_shipped_stemmer_data.cpp runs the shipped stemmer-data).
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "telusur/analysis/stemmer/confix_stemmer.h"
#include "telusur/analysis/stemmer/indonesian_stemmer.h"

using telusur::ConfixStemmer;
using telusur::RootDictionary;
using telusur::StemmerLexicon;
using telusur::StemReason;

namespace {

// Counts after a tab are productivity (how many affix classes a root takes).
constexpr const char* kRoots = R"(
ajar	5
ambil	8
aku	10
kaku	1
ada	10
ajar	5
alam	9
baca	9
bagi	9
baik	9
batas	8
beli	10
bel	1
belian	1
beri	10
bom	3
buat	9
buku	4
cari	9
cat	5
daya	8
dengar	9
didik	8
duduk	9
dua	6
guna	9
hasil	9
hitung	9
ikan	5
jadi	9
jalan	9
kata	10
kenal	10
kerja	9
kirim	9
kurang	10
urang
lari	8
lidi
lihat	9
main	9
makan	9
milik	9
nanti	6
nyanyi	6
pakan	1
pakai	9
pantai	2
perlu	6
pilih	9
pukul	9
putus	9
rasa	10
rupa	9
sama	9
sapu	6
sayur	3
selidik	5
serta	6
sisir	4
suka	9
tahu	10
tanya	9
tani	3
tar	1
tari	6
tidak	8
tingkat	9
tulis	9
ubah	10
kubah	1
merah	6
modern	3
nasional	3
)";

StemmerLexicon lexicon() {
    StemmerLexicon lexicon;
    lexicon.roots = std::make_shared<const RootDictionary>(RootDictionary::from_text({kRoots}));
    lexicon.protected_words = {"bekasi", "pemilu"};
    lexicon.exceptions = {{"belajar", "ajar"}};
    lexicon.informal = {{"gak", "tidak"}, {"bikin", "buat"}, {"ngeliat", "melihat"}};
    return lexicon;
}

const ConfixStemmer& stemmer() {
    static const ConfixStemmer instance(lexicon());
    return instance;
}

std::string stem(const std::string& word) { return stemmer().stem(word).stem; }

}  // namespace

TEST_CASE("A root is returned as it is") {
    CHECK(stemmer().stem("pantai") == telusur::StemResult{"pantai", StemReason::Dictionary});
    CHECK(stem("kata") == "kata");
}

TEST_CASE("Particles -lah -kah -tah -pun and possessives -ku -mu -nya") {
    CHECK(stem("bukulah") == "buku");
    CHECK(stem("bukukah") == "buku");
    CHECK(stem("apatah") == "apatah");  // "apa" is not in this dictionary: nothing to reach
    CHECK(stem("bukupun") == "buku");
    CHECK(stem("bukuku") == "buku");
    CHECK(stem("bukumu") == "buku");
    CHECK(stem("bukunya") == "buku");
    CHECK(stem("bukunyalah") == "buku");  // possessive inside particle
}

TEST_CASE("Derivational suffixes -i -kan -an, and loanword -isasi -isme") {
    CHECK(stem("milikku") == "milik");
    CHECK(stem("bagian") == "bagi");
    CHECK(stem("gunakan") == "guna");
    CHECK(stem("modernisasi") == "modern");
    CHECK(stem("nasionalisme") == "nasional");
}

TEST_CASE("Plain prefixes di- ke- se- ber- ter- per- pe-") {
    CHECK(stem("dibaca") == "baca");
    CHECK(stem("kedua") == "dua");
    CHECK(stem("sebuku") == "buku");
    CHECK(stem("bermain") == "main");
    CHECK(stem("bekerja") == "kerja");  // be- before a first syllable with -er-
    CHECK(stem("berupa") == "rupa");    // be- before r
    CHECK(stem("terbatas") == "batas");
    CHECK(stem("terasa") == "rasa");
    CHECK(stem("perlunya") == "perlu");
    CHECK(stem("petani") == "tani");
    CHECK(stem("pekerja") == "kerja");
}

TEST_CASE("meN- and peN- morphophonemics") {
    CHECK(stem("membaca") == "baca");       // mem- + b
    CHECK(stem("memukul") == "pukul");      // mem- for p
    CHECK(stem("menulis") == "tulis");      // men- for t
    CHECK(stem("mencari") == "cari");       // men- + c
    CHECK(stem("menjadi") == "jadi");       // men- + j
    CHECK(stem("menyapu") == "sapu");       // meny- for s
    CHECK(stem("mengambil") == "ambil");    // meng- + vowel
    CHECK(stem("mengirim") == "kirim");     // meng- for k
    CHECK(stem("menghitung") == "hitung");  // meng- + h
    CHECK(stem("melihat") == "lihat");      // me- + l
    CHECK(stem("menyanyi") == "nyanyi");    // me- + a root that begins with a nasal
    CHECK(stem("mengebom") == "bom");       // menge- + one-syllable root
    CHECK(stem("pengecatan") == "cat");     // penge- ... -an
    CHECK(stem("pendidikan") == "didik");
    CHECK(stem("pembaca") == "baca");
    CHECK(stem("penulis") == "tulis");
}

TEST_CASE("Stacked prefixes memper- diper- keber- and confixes") {
    CHECK(stem("memperbaiki") == "baik");
    CHECK(stem("diperlukan") == "perlu");
    CHECK(stem("keberhasilan") == "hasil");
    CHECK(stem("memberdayakan") == "daya");
    CHECK(stem("mengetahui") == "tahu");  // meng- for k, then ke-...-i
    CHECK(stem("pertanyaan") == "tanya");
}

TEST_CASE("Disallowed confixes are not analyses") {
    // di-...-an, me-...-an, ter-...-an, be-...-i, ke-...-i, se-...-i, se-...-kan do not exist.
    CHECK(stemmer().stem("dibacaan").reason == StemReason::Fallback);
    CHECK(stemmer().stem("membacaan").reason == StemReason::Fallback);
    CHECK(stemmer().stem("terbacaan").reason == StemReason::Fallback);
    CHECK(stemmer().stem("berbacai").reason == StemReason::Fallback);
    CHECK(stemmer().stem("kebacai").reason == StemReason::Fallback);
    CHECK(stemmer().stem("sebacai").reason == StemReason::Fallback);
    CHECK(stemmer().stem("sebacakan").reason == StemReason::Fallback);
}

TEST_CASE("Ambiguous words: the most plausible analysis wins, not the first") {
    CHECK(stem("berikan") == "beri");          // not ber- + ikan
    CHECK(stem("penyelidikan") == "selidik");  // not lidi
    CHECK(stem("mengatakan") == "kata");
    CHECK(stem("peningkatan") == "tingkat");
    CHECK(stem("memakan") == "makan");   // literal m, not restored p (pakan)
    CHECK(stem("mengurangi") == "kurang");  // the productive root, not urang
    CHECK(stem("mengubah") == "ubah");      // not kubah
    CHECK(stem("mengakui") == "aku");       // not kaku
    CHECK(stem("pembelian") == "beli");     // confix, not belian
    CHECK(stem("dibeli") == "beli");        // not bel + -i
    CHECK(stem("menari") == "tari");        // not tar + -i
}

TEST_CASE("Reduplication") {
    CHECK(stem("buku-buku") == "buku");
    CHECK(stem("bersama-sama") == "sama");
    CHECK(stem("berlari-lari") == "lari");
    CHECK(stem("sayur-mayur") == "sayur");
    CHECK(stem("kemerah-merahan") == "merah");
    CHECK(stem("xyz-abc") == "xyz-abc");  // nothing known: unchanged
}

TEST_CASE("A hyphenated word listed whole is its own stem, with its affixed forms") {
    StemmerLexicon with_words = lexicon();
    with_words.roots =
        std::make_shared<const RootDictionary>(RootDictionary::from_text({kRoots, "undang\t6\nrata\t6\n"}));
    with_words.exceptions.emplace("undang-undang", "undang-undang");
    with_words.exceptions.emplace("kira-kira", "kira-kira");
    with_words.protected_words.insert("kupu-kupu");
    const ConfixStemmer listing(with_words);
    CHECK(listing.stem("undang-undang") == telusur::StemResult{"undang-undang", StemReason::Exception});
    CHECK(listing.stem("kupu-kupu") == telusur::StemResult{"kupu-kupu", StemReason::Protected});
    // Affixed forms whose halves share the listed word's base, and a clitic after a hyphen.
    for (const std::string word :
         {"perundang-undangan", "undang-undangnya", "undang-undang-nya", "diundang-undangkan"}) {
        CAPTURE(word);
        CHECK(listing.whole_word_stem(word) == "undang-undang");
        CHECK(listing.stem(word).stem == "undang-undang");
    }
    // Other reduplications and compounds are stemmed part by part, as before.
    CHECK(listing.whole_word_stem("buku-buku") == std::nullopt);
    CHECK(listing.stem("buku-buku").stem == "buku");
    CHECK(listing.whole_word_stem("rata-rata") == std::nullopt);  // not listed
    CHECK(listing.whole_word_stem("undang-kirim") == std::nullopt);
    CHECK(listing.whole_word_stem("undang") == std::nullopt);      // one word
    CHECK(listing.whole_word_stem("belajar-nya") == std::nullopt);  // one word and its clitic
    CHECK(listing.whole_word_stem("undang--undang") == std::nullopt);
    CHECK(listing.whole_word_stem("xyz-xyz") == std::nullopt);
    // Without hyphenated entries nothing is whole.
    CHECK(stemmer().whole_word_stem("buku-buku") == std::nullopt);
}

TEST_CASE("Protected words, exceptions and the informal table") {
    CHECK(stemmer().stem("bekasi") == telusur::StemResult{"bekasi", StemReason::Protected});
    CHECK(stemmer().stem("pemilu") == telusur::StemResult{"pemilu", StemReason::Protected});
    CHECK(stemmer().stem("belajar") == telusur::StemResult{"ajar", StemReason::Exception});
    CHECK(stemmer().stem("gak") == telusur::StemResult{"tidak", StemReason::Exception});
    CHECK(stem("bikin") == "buat");
    CHECK(stem("ngeliat") == "lihat");  // the standard word is stemmed in turn
}

TEST_CASE("Protected words and exceptions hold for their forms with a particle or possessive") {
    // As Enhanced Confix Stripping looks a word up again once they are gone: "belajarnya" was
    // analysed as a root of its own (belajar), apart from belajar → ajar.
    CHECK(stemmer().stem("belajarnya") == telusur::StemResult{"ajar", StemReason::Exception});
    CHECK(stemmer().stem("belajarlah") == telusur::StemResult{"ajar", StemReason::Exception});
    CHECK(stemmer().stem("belajarkahmu") == telusur::StemResult{"belajarkahmu", StemReason::Fallback});  // not an inflection
    CHECK(stemmer().stem("bekasinya") == telusur::StemResult{"bekasi", StemReason::Protected});
    CHECK(stemmer().stem("pemilupun") == telusur::StemResult{"pemilu", StemReason::Protected});
    // Only particles and possessives: a derivational suffix makes another word.
    CHECK(stemmer().stem("belajari").reason != StemReason::Exception);
}

TEST_CASE("Colloquial morphology, only for words with no standard analysis") {
    CHECK(stem("mukul") == "pukul");
    CHECK(stem("nulis") == "tulis");
    CHECK(stem("ngambil") == "ambil");
    CHECK(stem("ngebom") == "bom");
    CHECK(stem("dengerin") == "dengar");  // -in, e for a
    CHECK(stem("cariin") == "cari");
    CHECK(stem("bukuuu") == "buku");      // elongation
    CHECK(stem("gakk") == "tidak");
    ConfixStemmer formal(lexicon(), {.informal = false});
    CHECK(formal.stem("mukul").stem == "mukul");
    CHECK(formal.stem("mukul").reason == StemReason::Fallback);
}

TEST_CASE("Input that is not a plain word comes back unchanged") {
    for (const std::string word : {"", "2024", "abc123", "ab_c", "-", "-buku", "buku-", "buku--buku", "Buku",
                                   "caf\xc3\xa9", "\xd0\xba\xd0\xbd\xd0\xb8\xd0\xb3\xd0\xb0", "\xff\xfe"}) {
        CAPTURE(word);
        const auto result = stemmer().stem(word);
        CHECK(result.stem == word);
        CHECK(result.reason == StemReason::NotAWord);
    }
    const std::string very_long(10'000, 'a');
    CHECK(stemmer().stem(very_long) == telusur::StemResult{very_long, StemReason::Fallback});
    const std::string long_affixed = "memper" + std::string(ConfixStemmer::kMaxWordLength, 'b') + "kan";
    CHECK(stemmer().stem(long_affixed).stem == long_affixed);
    CHECK(stemmer().stem("xyzzy") == telusur::StemResult{"xyzzy", StemReason::Fallback});
}

TEST_CASE("A stemmer without a dictionary cannot be built") {
    CHECK_THROWS_AS(ConfixStemmer(StemmerLexicon{}), std::invalid_argument);
}

TEST_CASE("The identity names the rules and changes with every table of the lexicon") {
    const auto identity = [](auto change, ConfixStemmer::Options options = {}) {
        auto changed = lexicon();
        change(changed);
        return ConfixStemmer(std::move(changed), options).identity();
    };
    const auto same = identity([](StemmerLexicon&) {});
    CHECK(same == stemmer().identity());
    CHECK(same.starts_with(std::string(ConfixStemmer::kRulesVersion) + "/"));
    // Order and comments of a list do not matter, its words do.
    CHECK(identity([](StemmerLexicon& l) {
              l.roots = std::make_shared<const RootDictionary>(RootDictionary::from_text({"# a comment\n", kRoots}));
          }) == same);
    CHECK(identity([](StemmerLexicon& l) {
              l.roots = std::make_shared<const RootDictionary>(RootDictionary::from_text({kRoots, "sepuluh\n"}));
          }) != same);
    CHECK(identity([](StemmerLexicon& l) {
              l.roots = std::make_shared<const RootDictionary>(RootDictionary::from_text({kRoots}, {"ajar\n"}));
          }) != same);
    CHECK(identity([](StemmerLexicon& l) {
              l.roots = std::make_shared<const RootDictionary>(RootDictionary::from_text({kRoots, "ajar\t6\n"}));
          }) != same);  // a productivity changes choices too
    CHECK(identity([](StemmerLexicon& l) { l.protected_words.insert("menteri"); }) != same);
    CHECK(identity([](StemmerLexicon& l) { l.exceptions["belajar"] = "belajar"; }) != same);
    CHECK(identity([](StemmerLexicon& l) { l.informal.erase("gak"); }) != same);
    // The same word moved from one table to another is another stemmer.
    CHECK(identity([](StemmerLexicon& l) {
              l.exceptions.erase("belajar");
              l.informal["belajar"] = "ajar";
          }) != same);
    CHECK(identity([](StemmerLexicon&) {}, ConfixStemmer::Options{.informal = false}) != same);
}
