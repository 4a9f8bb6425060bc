// find_invalid_utf8 and line_of_offset: the checks every reader runs before accepting text.
#include <doctest/doctest.h>

#include <string>

#include "telusur/source/utf8.h"

using telusur::escape_invalid_utf8;
using telusur::find_invalid_utf8;
using telusur::line_of_offset;

TEST_CASE("find_invalid_utf8 accepts ASCII, multibyte text and the empty string") {
    CHECK_FALSE(find_invalid_utf8("").has_value());
    CHECK_FALSE(find_invalid_utf8("Presiden Putin bertemu Choe di Kremlin.\n").has_value());
    CHECK_FALSE(find_invalid_utf8("Café “kuat” — 北京 😀").has_value());  // 2-, 3- and 4-byte sequences
    CHECK_FALSE(find_invalid_utf8("\xEF\xBB\xBF" "BOM").has_value());
    CHECK_FALSE(find_invalid_utf8("\xF4\x8F\xBF\xBF").has_value());  // U+10FFFF, the last code point
}

TEST_CASE("find_invalid_utf8 reports the offset of a byte that is not UTF-8") {
    CHECK(find_invalid_utf8("caf\xE9 rusak") == std::size_t{3});  // Latin-1 "é"
    CHECK(find_invalid_utf8("\xFF") == std::size_t{0});
    CHECK(find_invalid_utf8("ok \xFE") == std::size_t{3});
    CHECK(find_invalid_utf8("x\x80y") == std::size_t{1});  // a continuation byte with no lead byte
}

TEST_CASE("find_invalid_utf8 rejects overlong encodings, surrogates and code points past U+10FFFF") {
    CHECK(find_invalid_utf8("ab\xC0\xAF") == std::size_t{2});          // overlong "/"
    CHECK(find_invalid_utf8("\xC1\xBF") == std::size_t{0});            // overlong U+007F
    CHECK(find_invalid_utf8("a\xE0\x80\xAF") == std::size_t{1});       // overlong 3-byte "/"
    CHECK(find_invalid_utf8("a\xF0\x80\x80\xAF") == std::size_t{1});   // overlong 4-byte "/"
    CHECK(find_invalid_utf8("\xED\xA0\x80") == std::size_t{0});        // UTF-16 surrogate U+D800
    CHECK(find_invalid_utf8("ok\xF4\x90\x80\x80") == std::size_t{2});  // U+110000
}

TEST_CASE("find_invalid_utf8 reports a truncated sequence at its lead byte") {
    CHECK(find_invalid_utf8("abc\xE2\x82") == std::size_t{3});  // "€" missing its last byte, at the end
    CHECK(find_invalid_utf8("\xE2\x82" "x") == std::size_t{0});  // ... or followed by ASCII
    CHECK(find_invalid_utf8("\xF0\x9F\x98") == std::size_t{0});  // emoji cut short
}

TEST_CASE("find_invalid_utf8 counts the offset in bytes after valid multibyte text") {
    // "é" is two bytes and "“" three, so the bad byte is at 2 + 3 = 5.
    CHECK(find_invalid_utf8("é“\xFF") == std::size_t{5});
    // Only the first bad sequence is reported.
    CHECK(find_invalid_utf8("a\xFF" "b\xFF") == std::size_t{1});
}

TEST_CASE("line_of_offset gives the 1-based line of a byte offset") {
    const std::string text = "satu\ndua\n\ntiga";
    CHECK(line_of_offset(text, 0) == 1);
    CHECK(line_of_offset(text, 3) == 1);
    CHECK(line_of_offset(text, 4) == 1);  // the '\n' itself still belongs to line 1
    CHECK(line_of_offset(text, 5) == 2);  // 'd'
    CHECK(line_of_offset(text, 9) == 3);  // the empty line
    CHECK(line_of_offset(text, 10) == 4);  // 't'
}

TEST_CASE("line_of_offset clamps an offset past the end and handles empty text") {
    CHECK(line_of_offset("a\nb\n", 1000) == 3);
    CHECK(line_of_offset("", 0) == 1);
    CHECK(line_of_offset("", 5) == 1);
}

TEST_CASE("find_invalid_utf8 and line_of_offset together locate a bad byte") {
    const std::string text = "baris satu\nbaris dua\nbaris caf\xE9 tiga\n";
    const auto bad = find_invalid_utf8(text);
    REQUIRE(bad.has_value());
    CHECK(*bad == text.find('\xE9'));
    CHECK(line_of_offset(text, *bad) == 3);
}

TEST_CASE("escape_invalid_utf8 writes each byte that is not UTF-8 as \\xHH and keeps the rest") {
    CHECK(escape_invalid_utf8("") == "");
    CHECK(escape_invalid_utf8("kafe café 北京 😀") == "kafe café 北京 😀");
    CHECK(escape_invalid_utf8("caf\xE9.txt") == "caf\\xE9.txt");  // Latin-1 "é"
    CHECK(escape_invalid_utf8("\xFF\xFE") == "\\xFF\\xFE");
    CHECK(escape_invalid_utf8("x\x80y\xC3") == "x\\x80y\\xC3");  // a stray continuation byte, a cut-off lead byte
    CHECK(escape_invalid_utf8("ab\xC0\xAF") == "ab\\xC0\\xAF");  // overlong "/"
    CHECK_FALSE(find_invalid_utf8(escape_invalid_utf8("caf\xE9 \xED\xA0\x80 \xF5")).has_value());
}

TEST_CASE("shortened cuts a text for a message at a whole character and marks the cut") {
    CHECK(telusur::shortened("kemarin", 40) == "kemarin");
    CHECK(telusur::shortened("abcdef", 3) == "abc…");
    CHECK(telusur::shortened("ab\xC3\xA9z", 3) == "ab…");  // é is not split
    CHECK(telusur::shortened("", 0).empty());
}
