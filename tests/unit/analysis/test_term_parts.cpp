// xapian_word_parts: a normalised token → the words Xapian's QueryParser sees in it.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "telusur/analysis/term_parts.h"

using telusur::xapian_word_parts;
using Parts = std::vector<std::string>;

TEST_CASE("xapian_word_parts splits reduplication and compounds at the hyphen") {
    CHECK(xapian_word_parts("anak-anak") == Parts{"anak", "anak"});
    CHECK(xapian_word_parts("sayur-mayur") == Parts{"sayur", "mayur"});
    CHECK(xapian_word_parts("covid-19") == Parts{"covid", "19"});
}

TEST_CASE("xapian_word_parts splits dates at slashes and hyphens") {
    CHECK(xapian_word_parts("4/11/2024") == Parts{"4", "11", "2024"});
    CHECK(xapian_word_parts("2024-11-04") == Parts{"2024", "11", "04"});
}

TEST_CASE("xapian_word_parts keeps separators between digits") {
    CHECK(xapian_word_parts("11.000") == Parts{"11.000"});
    CHECK(xapian_word_parts("2,5") == Parts{"2,5"});
    CHECK(xapian_word_parts("1.500.000,75") == Parts{"1.500.000,75"});
}

TEST_CASE("xapian_word_parts keeps an apostrophe or ampersand between letters") {
    CHECK(xapian_word_parts("jum'at") == Parts{"jum'at"});
    CHECK(xapian_word_parts("at&t") == Parts{"at&t"});
    CHECK(xapian_word_parts("jum'") == Parts{"jum"});   // not between letters
    CHECK(xapian_word_parts("a'1") == Parts{"a", "1"});
    CHECK(xapian_word_parts("1.a") == Parts{"1", "a"});  // a dot only between digits
}

TEST_CASE("xapian_word_parts splits a URL into its words") {
    CHECK(xapian_word_parts("https://example.id/a?b=1") == Parts{"https", "example", "id", "a", "b", "1"});
    CHECK(xapian_word_parts("www.kompas.com") == Parts{"www", "kompas", "com"});
}

TEST_CASE("xapian_word_parts keeps plain words, underscores and non-ASCII letters whole") {
    CHECK(xapian_word_parts("tentara") == Parts{"tentara"});
    CHECK(xapian_word_parts("snake_case") == Parts{"snake_case"});
    CHECK(xapian_word_parts("café") == Parts{"café"});
    CHECK(xapian_word_parts("北京") == Parts{"北京"});
}

TEST_CASE("xapian_word_parts returns nothing for empty or separator-only text") {
    CHECK(xapian_word_parts("").empty());
    CHECK(xapian_word_parts("-").empty());
    CHECK(xapian_word_parts("./-").empty());
}
