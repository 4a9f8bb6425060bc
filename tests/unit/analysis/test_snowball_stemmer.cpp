// SnowballStemmer: libstemmer's Indonesian algorithm behind Xapian's StemImplementation.
#include <doctest/doctest.h>

#include <string>

#include "telusur/analysis/snowball_stemmer.h"

using telusur::SnowballStemmer;

TEST_CASE("SnowballStemmer removes Indonesian affixes") {
    SnowballStemmer stem;
    const std::string word = "mengatakan";
    const auto stemmed = stem(word);
    CHECK(stemmed.size() < word.size());
    CHECK(stemmed != word);
    CHECK(word.find(stemmed) != std::string::npos);  // a stem is what is left inside the word
}

TEST_CASE("SnowballStemmer gives inflected forms of one root the same stem") {
    SnowballStemmer stem;
    CHECK(stem("bukunya") == "buku");                     // possessive -nya
    CHECK(stem("menguji") == stem("pengujian"));           // meN- and peN-…-an
    CHECK(stem("berlatih") == stem("latihan"));            // ber- and -an
    CHECK(stem("dilakukan") == stem("melakukan"));         // di- and meN-, with -kan
    CHECK(stem("kemenangan") == "menang");
    CHECK(stem("perbatasan") == "batas");
}

TEST_CASE("SnowballStemmer leaves roots alone") {
    SnowballStemmer stem;
    CHECK(stem("tentara") == "tentara");
    CHECK(stem("rudal") == "rudal");
    CHECK(stem("batas") == "batas");
}

TEST_CASE("SnowballStemmer returns words with digits unchanged") {
    SnowballStemmer stem;
    CHECK(stem("2024an") == "2024an");  // Snowball alone would strip -an
    CHECK(stem("covid19") == "covid19");
    CHECK(stem("11.000") == "11.000");
    CHECK(stem("4") == "4");
}

TEST_CASE("SnowballStemmer returns the empty string unchanged") {
    SnowballStemmer stem;
    CHECK(stem("") == "");
}

TEST_CASE("SnowballStemmer describes itself as snowball-indonesian") {
    CHECK(SnowballStemmer().get_description() == "snowball-indonesian");
    const auto stemmer = telusur::make_stemmer();
    CHECK_FALSE(stemmer.is_none());
    CHECK(stemmer.get_description().find("snowball-indonesian") != std::string::npos);
}

TEST_CASE("make_stemmer stems like SnowballStemmer, through Xapian::Stem") {
    auto stemmer = telusur::make_stemmer();
    SnowballStemmer direct;
    for (const char* word : {"mengatakan", "bukunya", "tentara", "2024an", ""}) {
        CAPTURE(word);
        CHECK(stemmer(word) == direct(word));
    }
    auto other = telusur::make_stemmer();  // an independent instance
    CHECK(other("pengujian") == stemmer("pengujian"));
}
