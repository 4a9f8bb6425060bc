// not_text_reason: files that are not UTF-8 text, told from their first bytes.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "telusur/source/text_sniffer.h"

using telusur::not_text_reason;

namespace {

std::string reason(std::string_view start) { return not_text_reason(start).value_or("text"); }

}  // namespace

TEST_CASE("UTF-16 in either byte order, and compressed data, are named with what to do") {
    CHECK(reason(std::string_view("\xFF\xFE{\0", 4)) == "UTF-16 text: convert the file to UTF-8 (iconv -f UTF-16 -t UTF-8)");
    CHECK(reason(std::string_view("\xFE\xFF\0{", 4)) == "UTF-16 text: convert the file to UTF-8 (iconv -f UTF-16 -t UTF-8)");
    CHECK(reason("\x1F\x8B\x08\x00") == "gzip data: name the file .jsonl.gz, or pipe it through zcat");
    CHECK(reason("\x28\xB5\x2F\xFD\x24") == "zstd data: name the file .jsonl.zst, or pipe it through zstdcat");
    CHECK(reason(std::string_view("\xFD" "7zXZ\0\0\x04", 8)).starts_with("xz data: "));
    CHECK(reason("BZh91AY&SY\x12") .starts_with("bzip2 data: "));
}

TEST_CASE("text is text: UTF-8 with or without its mark, and look-alikes of the signatures") {
    CHECK(reason("{\"id\": 1}") == "text");
    CHECK(reason("\xEF\xBB\xBF{\"id\": 1}") == "text");  // UTF-8's own byte-order mark
    CHECK(reason("BZh9 adalah singkatan") == "text");    // "BZh" and a digit, but no bzip2 block
    CHECK(reason("\xFF") == "text");                     // too short for any signature
    CHECK(reason("") == "text");
}
