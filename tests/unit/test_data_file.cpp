// data_lines / read_data_file: how every stemmer-data file is read.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "telusur/data_file.h"
#include "temp_dir.h"

using namespace telusur;

namespace {

/// "NUMBER:TEXT" for each line data_lines keeps.
std::vector<std::string> kept(std::string_view text, CommentStart comments = CommentStart::Anywhere) {
    std::vector<std::string> out;
    for (const auto& line : data_lines(text, "words.txt", comments))
        out.push_back(std::to_string(line.number) + ":" + std::string(line.text));
    return out;
}

std::string error_of(std::string_view text) {
    try {
        data_lines(text, "words.txt");
    } catch (const DataError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("data_lines keeps what a line holds, with its number in the file") {
    CHECK(kept("satu\n\n  dua  \n# komentar\ntiga # komentar\n\t\nempat") ==
          std::vector<std::string>{"1:satu", "3:dua", "5:tiga", "7:empat"});
    CHECK(kept("kata\tdasar\n") == std::vector<std::string>{"1:kata\tdasar"});  // a tab inside is a column
    CHECK(kept("").empty());
}

TEST_CASE("data_lines takes Windows line ends and a byte-order mark") {
    CHECK(kept("\xEF\xBB\xBFsatu\r\ndua\r\n") == std::vector<std::string>{"1:satu", "2:dua"});
    CHECK(kept("\xEF\xBB\xBF# judul\r\nsatu\r\n") == std::vector<std::string>{"2:satu"});
}

TEST_CASE("patterns start a comment only at the start of a line, so a regular expression may hold '#'") {
    CHECK(kept("# komentar\nline\t^#\\w+$\n  # juga komentar\n", CommentStart::LineStart) ==
          std::vector<std::string>{"2:line\t^#\\w+$"});
}

TEST_CASE("data_lines refuses text that is not UTF-8 or holds control characters, naming file and line") {
    CHECK(error_of("satu\ncaf\xE9\n") == "words.txt:2: invalid UTF-8 at byte 4 (save the file as UTF-8)");
    CHECK(error_of("satu\ndua\nti\x1bga\n") == "words.txt:3: control character at byte 3");
    CHECK(error_of(std::string_view("a\x00b", 3)) == "words.txt:1: control character at byte 2");
    CHECK(error_of("# caf\xE9\n") == "words.txt:1: invalid UTF-8 at byte 6 (save the file as UTF-8)");  // comments too
}

TEST_CASE("read_data_file reads the whole file, or names it") {
    test::TempDir dir;
    const std::string text = "satu\r\ndua\n\xEF\xBB\xBF";
    CHECK(read_data_file(dir.write("a.txt", text), "word list") == text);
    CHECK_THROWS_WITH_AS(read_data_file(dir.path / "missing.txt", "word list"),
                         doctest::Contains("cannot open word list file "), DataError);
}

TEST_CASE("data_error words a fault as FILE:LINE: message") {
    CHECK(std::string(data_error("aliases.tsv", 7, "expected ALIAS<TAB>CANONICAL").what()) ==
          "aliases.tsv:7: expected ALIAS<TAB>CANONICAL");
}
