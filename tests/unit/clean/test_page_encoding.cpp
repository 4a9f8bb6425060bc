// declared_encoding / page_as_utf8: a saved web page's bytes as UTF-8.
#include <doctest/doctest.h>

#include <string>

#include "telusur/clean/page_encoding.h"

using telusur::declared_encoding;
using telusur::page_as_utf8;

TEST_CASE("declared_encoding finds a byte-order mark, meta charset or http-equiv's charset") {
    CHECK(declared_encoding("\xEF\xBB\xBF<html>") == "utf-8");
    CHECK(declared_encoding("<meta charset=\"Windows-1252\">") == "windows-1252");
    CHECK(declared_encoding("<meta charset = 'iso-8859-1' >") == "iso-8859-1");
    CHECK(declared_encoding("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">") == "gbk");
    CHECK(declared_encoding("<html><body>charset tanpa tanda sama dengan</body></html>").empty());
    CHECK(declared_encoding("<p>tidak ada</p>").empty());
    // Only the first 1024 bytes count, as in HTML5's prescan.
    CHECK(declared_encoding(std::string(1100, ' ') + "<meta charset=\"gbk\">").empty());
}

TEST_CASE("page_as_utf8 decodes what the page declares, windows-1252 for Latin-1's labels") {
    CHECK(page_as_utf8("<meta charset=\"iso-8859-1\"><p>\x93" "Caf\xE9\x94 \x80 5</p>") ==
          "<meta charset=\"iso-8859-1\"><p>\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D \xE2\x82\xAC 5</p>");
    CHECK(page_as_utf8("<meta charset=\"gbk\"><p>\xD6\xD0\xCE\xC4</p>") ==
          "<meta charset=\"gbk\"><p>\xE4\xB8\xAD\xE6\x96\x87</p>");
}

TEST_CASE("page_as_utf8 keeps UTF-8 as it is and reads other undeclared bytes as windows-1252") {
    CHECK(page_as_utf8("<p>Caf\xC3\xA9</p>") == "<p>Caf\xC3\xA9</p>");
    CHECK(page_as_utf8("\xEF\xBB\xBF<p>x</p>") == "<p>x</p>");  // the byte-order mark dropped
    CHECK(page_as_utf8("<p>Caf\xE9</p>") == "<p>Caf\xC3\xA9</p>");
    // A label ICU does not know: read as if undeclared.
    CHECK(page_as_utf8("<meta charset=\"x-tidak-ada\"><p>Caf\xE9</p>") ==
          "<meta charset=\"x-tidak-ada\"><p>Caf\xC3\xA9</p>");
    // Declared UTF-8 with a bad byte: the rest is kept, the byte replaced.
    CHECK(page_as_utf8("<meta charset=utf-8><p>a\xFF" "b</p>") == "<meta charset=utf-8><p>a\xEF\xBF\xBD" "b</p>");
}

TEST_CASE("page_as_utf8 reads a page declaring UTF-16 as UTF-8, as HTML5 does") {
    // A page saved as UTF-16 reaches it decoded (utf16_as_utf8), its meta tag unchanged.
    for (const char* label : {"utf-16", "UTF-16LE", "utf-16be", "utf16"}) {
        const std::string page = std::string("<meta charset=\"") + label + "\"><p>Caf\xC3\xA9</p>";
        CHECK(page_as_utf8(page) == page);
    }
}
