// word_shape: what the stemmer reads from a word's letters alone.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "telusur/analysis/stemmer/word_shape.h"

using telusur::is_hyphenated_clitic;
using telusur::is_plain_word;
using telusur::respellings_without_elongation;

TEST_CASE("is_plain_word: lower-case ASCII letters with single hyphens between them") {
    for (const char* plain : {"anak", "anak-anak", "sayur-mayur", "a"}) CHECK(is_plain_word(plain));
    for (const char* other : {"", "Anak", "anak--anak", "-anak", "anak-", "covid19", "café", "anak anak"})
        CHECK_FALSE(is_plain_word(other));
}

TEST_CASE("is_hyphenated_clitic: the possessives and particles that follow a hyphen") {
    for (const char* clitic : {"nya", "ku", "mu", "lah", "kah", "pun"}) CHECK(is_hyphenated_clitic(clitic));
    for (const char* other : {"anak", "tah", "", "Nya"}) CHECK_FALSE(is_hyphenated_clitic(other));
}

TEST_CASE("respellings_without_elongation: runs cut to one letter, then a doubled last letter") {
    // Runs of three or more cut to one letter first, then the word without its doubled last letter.
    CHECK(respellings_without_elongation("apaaa") == std::vector<std::string>{"apa", "apaa"});
    CHECK(respellings_without_elongation("bangettt") == std::vector<std::string>{"banget", "bangett"});
    CHECK(respellings_without_elongation("aminn") == std::vector<std::string>{"amin"});
    // English doubles (bass, jazz) are not Indonesian elongation; nothing to respell in a plain word.
    CHECK(respellings_without_elongation("bass").empty());
    CHECK(respellings_without_elongation("rumah").empty());
}
