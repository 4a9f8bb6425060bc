// Golden test: the shipped stemmer against the third-party stemming-gold sets, word by word, as
// Xapian checks its stemmers against a vocabulary. Fails when a set's accuracy drops below the
// floor recorded here (set a little under the accuracy measured by bench/stemmer_eval when the
// floors were last raised; see bench/results/stemmer.md).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "telusur/analysis/stemmer/indonesian_stemmer.h"

namespace {

struct Floor {
    std::string_view set;
    double accuracy;
};

// Measured: ud_all .947, csui .921, gsd .919, pud .976, sastrawi .876, aksara .896, slang60 .900.
constexpr Floor kFloors[] = {
    {"ud_all", 0.94},         {"ud_csui", 0.915},         {"ud_gsd", 0.91},
    {"ud_pud", 0.97},         {"sastrawi_tests", 0.86},   {"aksara_informal", 0.88},
    {"mpstemmer_slang60", 0.85},
};

/// form → its gold roots; a form is right when the stem equals any of them.
std::map<std::string, std::set<std::string>> read_gold(const std::filesystem::path& path) {
    std::map<std::string, std::set<std::string>> gold;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string form, root;
        if (std::getline(fields, form, '\t') && std::getline(fields, root, '\t') && !form.empty())
            gold[form].insert(root);
    }
    return gold;
}

}  // namespace

TEST_CASE("Stemmer accuracy on the stemming-gold sets stays above its floors") {
    const std::filesystem::path gold_dir = TELUSUR_GOLD_DIR;
    if (!std::filesystem::is_directory(gold_dir)) {
        MESSAGE("skipped: no stemming-gold folder at " << gold_dir.string());
        return;
    }
    const auto data = telusur::StemmerData::load(TELUSUR_STEMMER_DATA_DIR);
    for (const auto& floor : kFloors) {
        const auto gold = read_gold(gold_dir / (std::string(floor.set) + ".tsv"));
        REQUIRE_MESSAGE(!gold.empty(), "empty or missing gold set " << floor.set);
        std::size_t right = 0;
        for (const auto& [form, roots] : gold) right += roots.count(data.stemmer()->stem(form).stem);
        const double accuracy = double(right) / double(gold.size());
        MESSAGE(floor.set << ": " << accuracy << " (" << right << " of " << gold.size() << ")");
        CHECK_MESSAGE(accuracy >= floor.accuracy, floor.set << " below its floor " << floor.accuracy);
    }
}
