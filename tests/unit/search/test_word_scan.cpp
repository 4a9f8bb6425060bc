// word_scan.h: words split as Xapian splits them, boundaries, and where needles may be.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "telusur/search/word_scan.h"

using telusur::boundary_before;
using telusur::candidate_offsets;
using telusur::for_each_word;
using telusur::rarest_pair;

namespace {

/// The words of `text` from `from` on, each with a * when for_each_word calls it ASCII.
std::vector<std::string> words_of(std::string_view text, std::size_t from = 0) {
    std::vector<std::string> words;
    for_each_word(text, from, [&](std::size_t start, std::size_t end, bool ascii) {
        words.push_back(std::string(text.substr(start, end - start)) + (ascii ? "*" : ""));
        return true;
    });
    return words;
}

}  // namespace

TEST_CASE("for_each_word splits at anything but letters and digits, beyond ASCII too") {
    CHECK(words_of("Tentara Korut, 2024: tiba!") == std::vector<std::string>{"Tentara*", "Korut*", "2024*", "tiba*"});
    CHECK(words_of("“Ésok” hari—café") == std::vector<std::string>{"Ésok", "hari*", "café"});
    CHECK(words_of("a\xff" "b \xe2\x80") == std::vector<std::string>{"a*", "b*"});  // ill-formed bytes split
    CHECK(words_of("").empty());
    CHECK(words_of("...  ").empty());
}

TEST_CASE("for_each_word keeps a word whole across the joiners the index keeps") {
    // An apostrophe or & between letters, a . or , between digits: one term in the index.
    CHECK(words_of("Ma'ruf Amin, salat Jum’at; AT&T") ==
          std::vector<std::string>{"Ma'ruf*", "Amin*", "salat*", "Jum’at", "AT&T*"});
    CHECK(words_of("Rp 2.500 atau 1,5 persen pukul 08.00.") ==
          std::vector<std::string>{"Rp*", "2.500*", "atau*", "1,5*", "persen*", "pukul*", "08.00*"});
    CHECK(words_of("Café’s élan'x") == std::vector<std::string>{"Café’s", "élan'x"});
    // Not between two letters or two digits: a split, as before.
    CHECK(words_of("'kata' 90'an akhir. Lalu 2,a b.5 tahun, 2024.") ==
          std::vector<std::string>{"kata*", "90*", "an*", "akhir*", "Lalu*", "2*", "a*", "b*", "5*", "tahun*",
                                   "2024*"});
    CHECK(words_of("x' y&") == std::vector<std::string>{"x*", "y*"});
}

TEST_CASE("for_each_word stops when the visitor says so") {
    std::vector<std::string> seen;
    for_each_word("satu dua tiga", 0, [&](std::size_t start, std::size_t end, bool) {
        seen.emplace_back("satu dua tiga" + start, end - start);
        return seen.size() < 2;
    });
    CHECK(seen == std::vector<std::string>{"satu", "dua"});
}

TEST_CASE("boundary_before backs up to the start of the word around an offset") {
    const std::string text = "di Kursk, “Ésok” lagi";
    CHECK(boundary_before(text, 5) == 3);                       // inside Kursk
    CHECK(boundary_before(text, 3) == 3);                       // at its start
    CHECK(boundary_before(text, 0) == 0);
    CHECK(boundary_before(text, text.find("sok")) == 10);       // back over “ and É to the space
    CHECK(words_of(text, boundary_before(text, text.find("sok"))) == std::vector<std::string>{"Ésok", "lagi*"});
}

TEST_CASE("boundary_before backs up over a joiner inside a word") {
    const std::string text = "Wapres Ma'ruf Amin, Rp 12.500";
    CHECK(boundary_before(text, text.find("ruf")) == 7);
    CHECK(words_of(text, boundary_before(text, text.find("ruf"))) ==
          std::vector<std::string>{"Ma'ruf*", "Amin*", "Rp*", "12.500*"});
    CHECK(boundary_before(text, text.find("500")) == text.find("12"));
}

TEST_CASE("candidate_offsets finds each needle's rarest pair, whatever the case, and bytes beyond ASCII") {
    std::string text(200, ' ');
    text.replace(10, 9, "DITANGKAP");  // gk at 15
    text.replace(130, 9, "menangkap");  // gk at 135, in the second block
    text.replace(195, 4, "ngkx");       // gk at 196, in the short last block
    CHECK(candidate_offsets(text, {"tangkap"}) == std::vector<std::size_t>{15, 135, 196});
    CHECK(candidate_offsets("kata café", {"zz"}) == std::vector<std::size_t>{8});  // the lead byte of é
    CHECK(candidate_offsets("a", {"ab"}).empty());
    CHECK(candidate_offsets("aba", {"b"}) == std::vector<std::size_t>{1});
}

TEST_CASE("rarest_pair prefers rare letters") {
    CHECK(rarest_pair("tangkap") == "gk");
    CHECK(rarest_pair("jakarta") == "ja");
    CHECK(rarest_pair("an") == "an");
    CHECK(rarest_pair("a") == "a");
    CHECK(rarest_pair("").empty());
}

TEST_CASE("lower_ascii lower-cases ASCII letters only") {
    std::string text = "DiTangkap ÉSOK @[Z]_9";
    telusur::lower_ascii(text);
    CHECK(text == "ditangkap \xc3\x89sok @[z]_9");  // É is left to Xapian's tables
}
