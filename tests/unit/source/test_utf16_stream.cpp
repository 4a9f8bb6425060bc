// Decoding UTF-16 with a byte-order mark to UTF-8 as a stream is read.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "telusur/source/utf16_stream.h"
#include "trickle_stream.h"
#include "utf16_bytes.h"

using namespace telusur;
using telusur::testing::ByteOrder;
using telusur::testing::utf16_bytes;

namespace {

/// Everything decoding_utf16 gives from `source`.
std::string read_all(std::unique_ptr<std::istream> source) {
    const auto in = decoding_utf16(std::move(source));
    std::string out;
    for (char c; in->get(c);) out += c;
    return out;
}

std::string decoded(const std::string& bytes) { return read_all(std::make_unique<std::istringstream>(bytes)); }

}  // namespace

TEST_CASE("decoding_utf16 reads UTF-16 in either byte order as UTF-8, without the mark") {
    const std::string text = "Judul: Kota Bogor\r\n\"kutipan\" — café, 東京, 😀\n";
    CHECK(decoded(utf16_bytes(text, ByteOrder::Little)) == text);
    CHECK(decoded(utf16_bytes(text, ByteOrder::Big)) == text);
    CHECK(decoded(utf16_bytes("", ByteOrder::Little)).empty());
}

TEST_CASE("decoding_utf16 passes any other bytes through unchanged") {
    for (const std::string& bytes : {std::string(), std::string("a"), std::string("\xFF"), std::string("{\"id\": 1}\n"),
                                    std::string("\xEF\xBB\xBFteks"), std::string("\x1F\x8B\x08\x00", 4),
                                    std::string("\xFF\xFF\xFE", 3), std::string("a\xFF\xFE", 3)})
        CHECK(decoded(bytes) == bytes);
    // Bytes that are not UTF-16 but carry no mark are not guessed at: they stay as they are.
    const auto unmarked = utf16_bytes("isi", ByteOrder::Little, false);
    CHECK(decoded(unmarked) == unmarked);
}

TEST_CASE("decoding_utf16 decodes text larger than its buffers, a pair of units split between reads") {
    std::string text;
    for (int i = 0; i < 30000; ++i) text += "baris " + std::to_string(i) + " 😀é\n";  // about 450,000 units
    CHECK(decoded(utf16_bytes(text, ByteOrder::Big)) == text);
    const auto pair = utf16_bytes("a😀b\n", ByteOrder::Little);
    CHECK(read_all(std::make_unique<telusur::test::TrickleStream>(pair)) == "a😀b\n");
    CHECK(read_all(std::make_unique<telusur::test::TrickleStream>("\xFF")) == "\xFF");
}

TEST_CASE("decoding_utf16 replaces an unpaired surrogate and a last odd byte by U+FFFD") {
    const std::string replacement = "\xEF\xBF\xBD";
    CHECK(decoded(std::string("\xFF\xFE" "a\0\x00\xD8" "b\0", 8)) == "a" + replacement + "b");
    CHECK(decoded(std::string("\xFF\xFE" "a\0" "b", 5)) == "a" + replacement);
    CHECK(decoded(std::string("\xFE\xFF" "\xDC\x00", 4)) == replacement);
}

TEST_CASE("utf16_as_utf8 decodes marked bytes and declines any others") {
    CHECK(utf16_as_utf8(utf16_bytes("Isi berita.", ByteOrder::Big)) == "Isi berita.");
    CHECK(utf16_as_utf8(std::string("\xFF\xFE", 2)) == "");
    CHECK_FALSE(utf16_as_utf8("Isi berita.").has_value());
    CHECK_FALSE(utf16_as_utf8("\xFF").has_value());
}
