// ConfixStemmer on the shipped stemmer-data: the cases the issue names, and the rules whose
// effect depends on the real dictionary (root productivity, protected words, numerals).
#include <doctest/doctest.h>

#include <string>

#include "telusur/analysis/stemmer/confix_stemmer.h"
#include "telusur/analysis/stemmer/indonesian_stemmer.h"

using telusur::ConfixStemmer;
using telusur::StemReason;

namespace {

/// The stemmer of the shipped stemmer-data, loaded once for the cases that use it.
const ConfixStemmer& shipped_stemmer() {
    static const auto data = telusur::StemmerData::load(TELUSUR_STEMMER_DATA_DIR);
    return *data.stemmer();
}

}  // namespace

TEST_CASE("The shipped stemmer-data: the cases the issue names") {
    const auto& shipped = shipped_stemmer();
    CHECK(shipped.stem("berikan").stem == "beri");
    CHECK(shipped.stem("penyelidikan").stem == "selidik");
    CHECK(shipped.stem("mengatakan").stem == "kata");
    CHECK(shipped.stem("peningkatan").stem == "tingkat");
    CHECK(shipped.stem("pantai").stem == "pantai");
    CHECK(shipped.stem("menteri").stem == "menteri");
    CHECK(shipped.stem("bekasi").stem == "bekasi");
    CHECK(shipped.stem("anak-anak").stem == "anak");
    CHECK(shipped.stem("bersama-sama").stem == "sama");
    CHECK(shipped.stem("berlari-lari").stem == "lari");
    CHECK(shipped.stem("sayur-mayur").stem == "sayur");
    CHECK(shipped.stem("nggak").stem == "tidak");
    CHECK(shipped.stem("udah").stem == "sudah");
    CHECK(shipped.stem("kupukul").stem == "pukul");
}

TEST_CASE("The shipped stemmer-data keeps words of their own that are reduplicated whole") {
    const auto& shipped = shipped_stemmer();
    // A law is not an invitation, an average not flat, suddenly not arriving.
    CHECK(shipped.stem("undang-undang").stem == "undang-undang");
    CHECK(shipped.stem("perundang-undangan").stem == "undang-undang");
    CHECK(shipped.stem("undangan").stem == "undang");
    CHECK(shipped.stem("rata-ratanya").stem == "rata-rata");
    CHECK(shipped.stem("tiba-tiba").stem == "tiba-tiba");
    CHECK(shipped.stem("berhati-hati").stem == "hati-hati");
    CHECK(shipped.stem("kehati-hatian").stem == "hati-hati");
    CHECK(shipped.stem("abu-abu").stem == "abu-abu");  // grey, not ash
    // Plurals and varied bases still go to the base.
    CHECK(shipped.stem("anak-anak").stem == "anak");
    CHECK(shipped.stem("hari-hari").stem == "hari");
}

TEST_CASE("The shipped stemmer-data takes -tah only from a question word") {
    const auto& shipped = shipped_stemmer();
    CHECK(shipped.stem("siapatah").stem == "siapa");
    // Elsewhere "tah" ends a root: ter- patah, not ter- pa -tah; misspellings stay whole.
    CHECK(shipped.stem("terpatah").stem == "patah");
    CHECK(shipped.stem("pemerintah").stem == "perintah");
    CHECK(shipped.stem("pemertintah").stem == "pemertintah");  // was "tin"
    CHECK(shipped.stem("pemberontah").stem == "pemberontah");  // was "beron"
}

TEST_CASE("The shipped stemmer-data keeps numerals with se- whole") {
    const auto& shipped = shipped_stemmer();
    // "sepuluh tahun" (ten years) must not match "dua puluh tahun" (twenty).
    CHECK(shipped.stem("sepuluh").stem == "sepuluh");
    CHECK(shipped.stem("setengahnya").stem == "setengah");
    CHECK(shipped.stem("seratus").stem == "seratus");
    CHECK(shipped.stem("puluhan").stem == "puluh");
}

TEST_CASE("The shipped stemmer-data: bare affixes reach only roots that take affixes, per- drops its r before -er-") {
    const auto& shipped = shipped_stemmer();
    // per- loses its r before a first syllable with -er- inside memper-/diper-.
    CHECK(shipped.stem("mempekerjakan").stem == "kerja");
    CHECK(shipped.stem("dipekerjakan").stem == "kerja");
    // The colloquial bare m-/n- reaches only a root that takes affixes.
    CHECK(shipped.stem("nato").stem == "nato");  // not tato
    CHECK(shipped.stem("market").stem == "market");  // not parket
    CHECK(shipped.stem("nulis").stem == "tulis");
    CHECK(shipped.stem("ngunduh").stem == "unduh");  // ng- keeps every root
    // A bare -i reaches only a root that takes affixes.
    CHECK(shipped.stem("politisi").stem == "politisi");  // not politis
    CHECK(shipped.stem("agensi").stem == "agensi");
    CHECK(shipped.stem("awasi").stem == "awas");
    CHECK(shipped.stem("batasi").stem == "batas");
    // A merged r costs one point of productivity.
    CHECK(shipped.stem("beraksi").stem == "aksi");  // not raksi
    CHECK(shipped.stem("berubah").stem == "ubah");
    CHECK(shipped.stem("perasaan").stem == "rasa");
    // Bare ke- reaches only a root that takes affixes.
    CHECK(shipped.stem("kebon").stem == "kebon");  // not bon
    CHECK(shipped.stem("kedua").stem == "dua");
    CHECK(shipped.stem("ketipu").stem == "tipu");
}

TEST_CASE("The shipped protected words keep news acronyms that look affixed") {
    const auto& shipped = shipped_stemmer();
    // A lower-case "kejari" (district prosecutor's office) must not search "mengejar" (chase).
    CHECK(shipped.stem("kejari") == telusur::StemResult{"kejari", StemReason::Protected});
    CHECK(shipped.stem("mengejar").stem == "kejar");
    CHECK(shipped.stem("perpres").stem == "perpres");
    CHECK(shipped.stem("ketum").stem == "ketum");
}
