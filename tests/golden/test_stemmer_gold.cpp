// Golden test: the shipped stemmer against the third-party stemming-gold sets, word by word, as
// Xapian checks its stemmers against a vocabulary. Fails when a set's accuracy drops below the
// floor recorded here (set a little under the accuracy measured by bench/stemmer_eval when the
// floors were last raised; see bench/results/stemmer.md).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "gold_set.h"
#include "telusur/analysis/stemmer/indonesian_stemmer.h"

namespace {

struct Floor {
    std::string_view set;
    double accuracy;
};

// Measured: ud_all .951, csui .923, gsd .923, pud .982, sastrawi .928 (180 of 194), aksara .910, slang60 .917.
constexpr Floor kFloors[] = {
    {"ud_all", 0.946},        {"ud_csui", 0.918},         {"ud_gsd", 0.918},
    {"ud_pud", 0.977},        {"sastrawi_tests", 0.925}, {"aksara_informal", 0.905},
    {"mpstemmer_slang60", 0.9},
};

}  // namespace

TEST_CASE("Stemmer accuracy on the stemming-gold sets stays above its floors") {
    const std::filesystem::path gold_dir = TELUSUR_GOLD_DIR;
    if (!std::filesystem::is_directory(gold_dir)) {
        MESSAGE("skipped: no stemming-gold folder at " << gold_dir.string());
        return;
    }
    const auto data = telusur::StemmerData::load(TELUSUR_STEMMER_DATA_DIR);
    for (const auto& floor : kFloors) {
        const auto gold = telusur::gold::read_gold(gold_dir / (std::string(floor.set) + ".tsv"));
        REQUIRE_MESSAGE(!gold.empty(), "empty gold set " << floor.set);
        const auto stem = [&](const std::string& word) { return data.stemmer()->stem(word).stem; };
        std::size_t right = 0;
        for (const auto& [form, roots] : gold) right += roots.count(telusur::gold::stem_form(form, stem));
        const double accuracy = double(right) / double(gold.size());
        MESSAGE(floor.set << ": " << accuracy << " (" << right << " of " << gold.size() << ")");
        CHECK_MESSAGE(accuracy >= floor.accuracy, floor.set << " below its floor " << floor.accuracy);
    }
}
