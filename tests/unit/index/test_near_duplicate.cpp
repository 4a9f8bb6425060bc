#include <doctest/doctest.h>

#include <sstream>

#include "telusur/index/near_duplicate.h"
#include "telusur/schema.h"

using namespace telusur;

namespace {

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

const std::string kStory =
    "pemerintah kota medan meresmikan jembatan baru yang menghubungkan dua kecamatan setelah pembangunan "
    "selama dua tahun wali kota mengatakan jembatan itu akan memangkas waktu tempuh warga menuju pasar dan "
    "sekolah warga menyambut peresmian dengan gembira dan berharap jalan menuju jembatan segera diperbaiki "
    "agar tidak macet pada jam sibuk dinas pekerjaan umum menyebut biaya pembangunan mencapai ratusan miliar";

}  // namespace

TEST_CASE("short texts get no signature") {
    CHECK_FALSE(minhash_signature(words_of("hanya beberapa kata saja")).has_value());
    CHECK(minhash_signature(words_of(kStory)).has_value());
}

TEST_CASE("an edited copy is similar, a different story is not") {
    const auto original = *minhash_signature(words_of(kStory));
    const auto edited = *minhash_signature(words_of(kStory + " artikel ini telah tayang di media mitra"));
    const auto other = *minhash_signature(words_of(
        "harga cabai rawit di pasar induk kramat jati naik tajam menjelang akhir tahun karena pasokan dari "
        "sentra produksi di jawa tengah berkurang akibat hujan deras yang merusak tanaman petani di banyak "
        "desa pedagang mengatakan pembeli mulai mengurangi belanja sementara pemerintah daerah berjanji "
        "menggelar operasi pasar untuk menahan kenaikan harga agar tidak memicu inflasi"));
    CHECK(estimated_similarity(original, original) == 1.0);
    CHECK(estimated_similarity(original, edited) >= kNearDuplicateSimilarity);
    CHECK(estimated_similarity(original, other) < 0.2);
    // Similar texts share at least one LSH band term; unrelated ones share none.
    const auto a = signature_band_terms(original);
    const auto b = signature_band_terms(edited);
    const auto c = signature_band_terms(other);
    int shared = 0, unrelated = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        shared += a[i] == b[i] ? 1 : 0;
        unrelated += a[i] == c[i] ? 1 : 0;
    }
    CHECK(shared >= 1);
    CHECK(unrelated == 0);
    for (const auto& term : a) CHECK(term.starts_with(schema::kSignatureBandPrefix));
}

TEST_CASE("signatures round-trip through their stored form and reject malformed text") {
    const auto signature = *minhash_signature(words_of(kStory));
    const auto encoded = encode_signature(signature);
    CHECK(encoded.size() == kMinHashCount * 8);
    CHECK(decode_signature(encoded) == signature);
    CHECK_FALSE(decode_signature("xyz").has_value());
    CHECK_FALSE(decode_signature(std::string(kMinHashCount * 8, 'g')).has_value());
}
