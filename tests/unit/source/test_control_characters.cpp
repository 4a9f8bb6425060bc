// Control characters: found, and blanked as a body or a one-line field allows.
#include <doctest/doctest.h>

#include <string>

#include "telusur/source/control_characters.h"

using telusur::blank_control_characters;
using telusur::FieldLines;
using telusur::find_control_character;

namespace {

std::string blanked(std::string text, FieldLines lines) {
    blank_control_characters(text, lines);
    return text;
}

}  // namespace

TEST_CASE("find_control_character finds C0, DEL and C1 characters, and nothing in plain text") {
    CHECK_FALSE(find_control_character("Tentara Korut di Kursk, 11.000 orang — “kata” é 漢字 🙂"));
    CHECK(find_control_character(std::string("ab\0c", 4)) == 2u);
    CHECK(find_control_character("a\tb") == 1u);
    CHECK(find_control_character("ab\x1b[2J") == 2u);
    CHECK(find_control_character("abc\x7f") == 3u);
    CHECK(find_control_character("a\xc2\x85z") == 1u);       // U+0085, next line (C1)
    CHECK_FALSE(find_control_character("a\xc2\xa0z"));        // U+00A0, no-break space, is text
    CHECK_FALSE(find_control_character(""));
    CHECK(find_control_character("ab\u202Eevil") == 2u);  // right-to-left override
    CHECK(find_control_character("a\u2066b") == 1u);      // left-to-right isolate
    CHECK_FALSE(find_control_character("a\u200Fb \u2030 \u2065"));  // a mark, per mille, unassigned: text
}

TEST_CASE("blank_control_characters blanks bidirectional overrides, which reorder a terminal line") {
    CHECK(blanked("Harga \u202Enaik\u202C turun \u2067x\u2069", FieldLines::One) == "Harga  naik  turun  x ");
}

TEST_CASE("blank_control_characters keeps a body's tabs and line breaks, and no others") {
    const std::string body = "Judul\r\n\nParagraf\tsatu.\x1b[31m merah\x07\x0c\xc2\x9b" "2J";
    CHECK(blanked(body, FieldLines::Many) == "Judul\r\n\nParagraf\tsatu. [31m merah   2J");
    CHECK(blanked(body, FieldLines::One) == "Judul   Paragraf satu. [31m merah   2J");
    CHECK(blanked(std::string("a\0b", 3), FieldLines::One) == "a b");
    // Text beyond Latin, and the bytes of C1 look-alikes inside other characters, stay.
    CHECK(blanked("é Ā 漢字 \xc2\xa0", FieldLines::One) == "é Ā 漢字 \xc2\xa0");
}

TEST_CASE("blank_control_characters handles a text made of nothing else") {
    std::string c1;
    for (int i = 0; i < 100000; ++i) c1 += "\xc2\x85";
    blank_control_characters(c1, FieldLines::Many);
    CHECK(c1 == std::string(100000, ' '));
}
