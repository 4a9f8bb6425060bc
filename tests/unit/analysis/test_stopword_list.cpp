// StopwordList: normalised function words, from stemmer-data/stopwords.txt.
#include <doctest/doctest.h>

#include <filesystem>

#include "telusur/analysis/stopword_list.h"
#include "telusur/error.h"

using telusur::StopwordList;

TEST_CASE("StopwordList reads one word per line, skipping comments and blank lines") {
    const auto list = StopwordList::from_text("# kata tugas\n\ndan\n  yang  \n\t\ndi # preposisi\n#tidak\n");
    CHECK(list.size() == 3);
    CHECK(list.contains("dan"));
    CHECK(list.contains("yang"));
    CHECK(list.contains("di"));
    CHECK_FALSE(list.contains("tidak"));  // commented out
    CHECK_FALSE(list.contains("preposisi"));
    CHECK_FALSE(list.contains(""));
}

TEST_CASE("StopwordList normalises its words, and expects normalised lookups") {
    const auto list = StopwordList::from_text("Dan\r\nＹＡＮＧ\r\n");
    CHECK(list.contains("dan"));
    CHECK(list.contains("yang"));
    CHECK_FALSE(list.contains("Dan"));  // contains() takes an already-normalised word
    CHECK_FALSE(list.contains("dan\r"));
}

TEST_CASE("StopwordList matches whole words only") {
    const auto list = StopwordList::from_text("di\n");
    CHECK(list.contains("di"));
    CHECK_FALSE(list.contains("dia"));
    CHECK_FALSE(list.contains("d"));
}

TEST_CASE("StopwordList default-constructs empty") {
    const StopwordList list;
    CHECK(list.size() == 0);
    CHECK_FALSE(list.contains("dan"));
}

TEST_CASE("StopwordList loads stemmer-data/stopwords.txt") {
    const auto list = StopwordList::load(std::filesystem::path(TELUSUR_STEMMER_DATA_DIR) / "stopwords.txt");
    CHECK(list.size() > 50);
    for (const char* word : {"dan", "di", "yang", "ke", "dari", "itu", "ini"}) {
        CAPTURE(word);
        CHECK(list.contains(word));
    }
    for (const char* word : {"tentara", "korut", "kursk", "banjir", "presiden"}) {
        CAPTURE(word);
        CHECK_FALSE(list.contains(word));
    }
}

TEST_CASE("StopwordList::load throws DataError for a missing file") {
    CHECK_THROWS_AS(StopwordList::load("/nonexistent/stopwords.txt"), telusur::DataError);
    CHECK_THROWS_WITH(StopwordList::load("/nonexistent/stopwords.txt"), doctest::Contains("/nonexistent/stopwords.txt"));
}
