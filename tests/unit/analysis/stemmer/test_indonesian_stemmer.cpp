// IndonesianStemmer: the confix stemmer as a Xapian::StemImplementation, with its cache.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <xapian.h>

#include "telusur/analysis/stemmer/confix_stemmer.h"
#include "telusur/analysis/stemmer/indonesian_stemmer.h"
#include "telusur/error.h"
#include "temp_dir.h"

using telusur::IndonesianStemmer;
using telusur::StemmerData;

TEST_CASE("StemmerData loads stemmer-data and makes Xapian stemmers over one shared stemmer") {
    const auto data = StemmerData::load(TELUSUR_STEMMER_DATA_DIR);
    Xapian::Stem stem = data.make_xapian_stem();
    CHECK(stem.get_description() == "Xapian::Stem(" + data.stemmer()->identity() + ")");
    CHECK(data.stemmer()->identity().starts_with(std::string(telusur::ConfixStemmer::kRulesVersion) + "/"));
    CHECK(stem("mengatakan") == "kata");
    CHECK(stem("2024") == "2024");
    CHECK(stem("") == "");
    Xapian::Stem other = data.make_xapian_stem();
    CHECK(other("pemerintah") == stem("pemerintah"));
}

TEST_CASE("StemmerData names the missing file") {
    CHECK_THROWS_WITH_AS(StemmerData::load("/nonexistent-stemmer-data"),
                         doctest::Contains("roots-hunspell-id.txt"), telusur::DataError);
}

TEST_CASE("StemmerData takes an exceptions file as a Windows editor saves it, capitals and all") {
    telusur::test::TempDir dir;
    std::filesystem::copy(TELUSUR_STEMMER_DATA_DIR, dir.path / "data", std::filesystem::copy_options::recursive);
    std::ofstream(dir.path / "data/stem-exceptions.tsv", std::ios::binary) << "\xEF\xBB\xBFMenangkap\tTangkapan\r\n";
    Xapian::Stem stem = StemmerData::load(dir.path / "data").make_xapian_stem();
    CHECK(stem("menangkap") == "tangkapan");

    std::ofstream(dir.path / "data/stem-exceptions.tsv", std::ios::binary) << "# Latin-1\nCaf\xE9\tkafe\n";
    CHECK_THROWS_WITH_AS(StemmerData::load(dir.path / "data"), doctest::Contains("stem-exceptions.tsv:2: invalid UTF-8 at byte 4"),
                         telusur::DataError);
}

TEST_CASE("IndonesianStemmer caches, and stays bounded") {
    const auto data = StemmerData::load(TELUSUR_STEMMER_DATA_DIR);
    IndonesianStemmer stemmer(data.stemmer(), /*cache_capacity=*/2);
    CHECK(stemmer("berikan") == "beri");
    CHECK(stemmer("berikan") == "beri");  // from the cache
    CHECK(stemmer.cache_size() == 1);
    CHECK(stemmer("mengatakan") == "kata");
    CHECK(stemmer("peningkatan") == "tingkat");  // full: cleared, then refilled
    CHECK(stemmer.cache_size() <= 2);
    IndonesianStemmer uncached(data.stemmer(), 0);
    CHECK(uncached("berikan") == "beri");
    CHECK(uncached.cache_size() == 0);
}

TEST_CASE("IndonesianStemmer keeps words too long to stem out of its cache") {
    // A query may hold a word of 4 KB, and a served query stems through the same instance
    // request after request: cached, 100,000 such words would hold 800 MB.
    const auto data = StemmerData::load(TELUSUR_STEMMER_DATA_DIR);
    IndonesianStemmer stemmer(data.stemmer());
    const std::string long_word(4000, 'a');
    CHECK(stemmer(long_word) == long_word);
    CHECK(stemmer(std::string(telusur::ConfixStemmer::kMaxWordLength + 1, 'b')).size() ==
          telusur::ConfixStemmer::kMaxWordLength + 1);
    CHECK(stemmer.cache_size() == 0);
    CHECK(stemmer("berikan") == "beri");
    CHECK(stemmer.cache_size() == 1);
}

TEST_CASE("IndonesianStemmer plugs into Xapian's TermGenerator") {
    const auto data = StemmerData::load(TELUSUR_STEMMER_DATA_DIR);
    Xapian::TermGenerator generator;
    generator.set_stemmer(data.make_xapian_stem());
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
    Xapian::Document document;
    generator.set_document(document);
    generator.index_text("pemerintah mengatakan");
    std::string terms;
    for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) terms += *it + " ";
    CHECK(terms == "kata perintah ");
}
