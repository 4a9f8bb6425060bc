// parse_word_list / parse_word_pairs: the user-editable word files of the stemmer.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "telusur/analysis/stemmer/word_lists.h"
#include "telusur/error.h"

using namespace telusur;

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST_CASE("word lists: one word a line, normalised as tokens are, so capitals in the file still match") {
    CHECK(parse_word_list("# nama\nJokowi\n  ＢＥＫＡＳＩ \nanak-anak # komentar\n", "protected-words.txt") ==
          std::vector<std::string>{"jokowi", "bekasi", "anak-anak"});
    CHECK_THROWS_WITH_AS(parse_word_list("satu\nKota Baru\n", "protected-words.txt"),
                         "protected-words.txt:2: expected one word, found 'Kota Baru'", DataError);
}

TEST_CASE("word pairs: two tab-separated words, both normalised") {
    CHECK(parse_word_pairs("\xEF\xBB\xBFMenangkap\tTangkap\r\ngak\ttidak # informal\n", "stem-exceptions.tsv") ==
          Pairs{{"menangkap", "tangkap"}, {"gak", "tidak"}});
    for (const char* bad : {"kata\n", "kata\t\n", "\tkata\n", "a\tb\tc\n", "Kata Besar\tbesar\n", "kata\tdua kata\n"}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH_AS(parse_word_pairs(std::string("benar\tbetul\n") + bad, "stem-exceptions.tsv"),
                             "stem-exceptions.tsv:2: expected two tab-separated words", DataError);
    }
    CHECK_THROWS_WITH_AS(parse_word_pairs("caf\xE9\tkafe\n", "informal.tsv"),
                         doctest::Contains("informal.tsv:1: invalid UTF-8"), DataError);
}
