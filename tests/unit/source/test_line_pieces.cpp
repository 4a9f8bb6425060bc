// LinePieces: a stream read line by line in pieces of at most 64 KiB.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "telusur/source/line_pieces.h"

namespace {

/// Each piece of `text` as "bytes|" when it ends a line, "bytes+" when the line goes on.
std::vector<std::string> pieces_of(const std::string& text, std::size_t* consumed = nullptr) {
    std::istringstream in(text);
    telusur::LinePieces pieces(in, "arsip");
    std::vector<std::string> out;
    while (const auto piece = pieces.next(1)) out.push_back(std::string(piece->bytes) + (piece->ends_line ? "|" : "+"));
    if (consumed != nullptr) *consumed = pieces.consumed_bytes();
    return out;
}

}  // namespace

TEST_CASE("LinePieces gives each line without its line break, and a last line without one") {
    std::size_t consumed = 0;
    CHECK(pieces_of("satu\n\ndua\r\ntiga", &consumed) == std::vector<std::string>{"satu|", "|", "dua\r|", "tiga+"});
    CHECK(consumed == 15);
    CHECK(pieces_of("").empty());
    CHECK(pieces_of("\n") == std::vector<std::string>{"|"});
}

TEST_CASE("LinePieces cuts a line longer than 64 KiB into pieces, the last one ending the line") {
    const std::string long_line(70'000, 'a');
    const auto pieces = pieces_of(long_line + "\nb\n");
    REQUIRE(pieces.size() == 3);
    CHECK(pieces[0].size() == 65'535 + 1);  // the chunk less getline's terminating NUL, then '+'
    CHECK(pieces[0].back() == '+');
    CHECK(pieces[1] == std::string(70'000 - 65'535, 'a') + "|");
    CHECK(pieces[2] == "b|");
}
