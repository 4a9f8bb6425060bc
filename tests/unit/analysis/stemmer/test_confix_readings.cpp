// ConfixStemmer: the readings added for issue 4, each pinned on a small hand-written dictionary
// (the general rules are tested in test_confix_stemmer.cpp).
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "telusur/analysis/stemmer/confix_stemmer.h"

using telusur::ConfixStemmer;
using telusur::RootDictionary;
using telusur::StemmerLexicon;
using telusur::StemReason;

namespace {

// Counts after a tab are productivity (how many affix classes a root takes).
constexpr const char* kRoots = R"(
abai	4
alam	9
alami	1
bank	1
batu	6
beri	10
berik
daya	8
getar	5
jaring	5
kerja	13
kepala	8
kinerja	1
kuasa	8
malaikat	2
mula	11
mulai
nyaman	5
orang	9
palai	1
asai	1
raba	6
pasti	8
perangkap	4
perban	1
rangkap	6
rebut	6
suai	4
sampai	9
sulit	1
supa	5
tunjuk	9
tumpu	9
tumpuk	8
turun	9
jalan	10
benar	9
usar
)";

const ConfixStemmer& stemmer() {
    static const ConfixStemmer instance([] {
        StemmerLexicon lexicon;
        lexicon.roots = std::make_shared<const RootDictionary>(RootDictionary::from_text({kRoots}));
        return lexicon;
    }());
    return instance;
}

std::string stem(const std::string& word) { return stemmer().stem(word).stem; }

}  // namespace

TEST_CASE("An -i reading loses to a root in -ai that the same prefixes reach") {
    CHECK(stem("dimulai") == "mulai");      // mula has more affix classes, but mulai is a root
    CHECK(stem("memulainya") == "mulai");
    CHECK(stem("permulaan") == "mula");     // -an: nothing to shadow
    CHECK(stem("dialami") == "alam");       // alami ends in -mi, not -ai: the verb's -i reading
    CHECK(stem("menyampaikan") == "sampai");
}

TEST_CASE("An -i reading loses to a root in -ai that another prefix reaches, with no more prefixes") {
    CHECK(stem("terabai") == "abai");       // ter- abai, not te- raba -i
    CHECK(stem("dikepalai") == "kepala");   // di- ke- palai would take one prefix more
    CHECK(stem("kuasai") == "kuasa");       // ku- asai: a prefix where kuasa -i has none
}

TEST_CASE("per- before an r-root (memperebutkan, diperebutkan), only inside memper- and diper-") {
    CHECK(stem("memperebutkan") == "rebut");
    CHECK(stem("diperebutkan") == "rebut");
    CHECK(stem("terperangkap") == "perangkap");  // not ter- per- rangkap
}

TEST_CASE("ketidak-…-an reaches the root inside the negation") {
    CHECK(stem("ketidakpastian") == "pasti");
    CHECK(stem("ketidaknyamanan") == "nyaman");
    CHECK(stem("ketidaksesuaian") == "suai");            // ke- tidak- se- suai -an
    CHECK(stem("ketidakberdayaan") == "daya");           // ke- tidak- ber- daya -an
    CHECK(stemmer().stem("ketidakpasti").reason == StemReason::Fallback);  // no -an: no confix
    CHECK(stemmer().stem("tidakpastian").reason == StemReason::Fallback);  // no ke-
}

TEST_CASE("Dwipurwa reduplication, when no regular reading exists") {
    CHECK(stem("bebatuan") == "batu");
    CHECK(stem("jejaring") == "jaring");
    CHECK(stem("seseorang") == "orang");  // se- reduplicated, then se-
}

TEST_CASE("Old infixes, when no regular reading exists") {
    CHECK(stem("telunjuk") == "tunjuk");
    CHECK(stem("gemetar") == "getar");
    CHECK(stem("temurun") == "turun");
    CHECK(stem("kinerjanya") == "kinerja");  // a dictionary word wins over its infix reading
    CHECK(stem("kinerja") == "kinerja");
    CHECK(stemmer().stem("selulit").reason == StemReason::Fallback);     // sulit takes too few affixes
    CHECK(stemmer().stem("menyerupai").reason == StemReason::Fallback);  // no infix after a prefix (s-er-upa)
}

TEST_CASE("A clitic after a hyphen belongs to the whole word") {
    CHECK(stem("kuasa-mu") == "kuasa");
    CHECK(stem("malaikat-malaikat-nya") == "malaikat");
    CHECK(stem("orang-orang-pun") == "orang");
    CHECK(stemmer().stem("malaikat-malaikat-malaikat").reason == StemReason::Fallback);  // three halves: not a word
}

TEST_CASE("-kan without a verb prefix gives way to a noun reading in -an") {
    CHECK(stem("perbankan") == "bank");      // per- bank -an, not perban -kan
    CHECK(stem("tumpukan") == "tumpuk");     // tumpu is more productive, but -kan makes verbs
    CHECK(stem("penumpukan") == "tumpuk");
    CHECK(stem("bertumpukan") == "tumpuk");  // ber-…-an, the plural confix
    CHECK(stem("menumpukan") == "tumpu");    // meN-: -kan is the verb suffix
    CHECK(stem("ditumpukan") == "tumpu");
    CHECK(stem("berikan") == "beri");        // the -an reading only reaches berik, a bare root
    CHECK(stem("jalankan") == "jalan");      // an imperative with no -an reading keeps -kan
}

TEST_CASE("A colloquial e for a is read back only into a root that takes affixes") {
    CHECK(stem("bener") == "benar");
    CHECK(stem("benernya") == "benar");
    CHECK(stemmer().stem("user").reason == StemReason::Fallback);  // an English loanword, not the bare root usar
}
