// JsonWriter: the same text as nlohmann's dump (the oracle here) for the same values.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "json_writer.h"

using telusur::query::JsonWriter;
using Json = nlohmann::ordered_json;

namespace {

std::string nlohmann_text(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string written(std::string_view text) {
    std::string out;
    telusur::query::append_json_string(out, text);
    return out;
}

}  // namespace

TEST_CASE("strings are escaped as nlohmann escapes them") {
    for (const std::string& text : std::vector<std::string>{"", "plain ascii", "kutip \" dan \\ garis", "tab\tbaris\nbaru\r\x08\x0c",
                                   std::string("nol\0byte", 8), "\x01\x1f\x7f", "Jalan Raya 5 – €, Ñ, 日本, 😀"})
        CHECK(written(text) == nlohmann_text(Json(text)));
}

TEST_CASE("every single byte, and every byte after a lead byte, as nlohmann writes it") {
    for (int a = 0; a < 256; ++a) {
        const std::string one(1, static_cast<char>(a));
        CHECK(written(one) == nlohmann_text(Json(one)));
        for (int b = 0; b < 256; ++b) {
            const std::string two{static_cast<char>(a), static_cast<char>(b)};
            REQUIRE(written(two) == nlohmann_text(Json(two)));
        }
    }
}

TEST_CASE("ill-formed UTF-8 becomes U+FFFD per maximal subpart, as with nlohmann's replace") {
    const std::string replacement = "\xEF\xBF\xBD";
    CHECK(written("caf\xE9") == "\"caf" + replacement + "\"");
    CHECK(written("\xE0\x80") == "\"" + replacement + replacement + "\"");  // overlong: two subparts
    CHECK(written("\xED\xA0\x80") == "\"" + replacement + replacement + replacement + "\"");  // a surrogate
    CHECK(written("\xF0\x9F\x98") == "\"" + replacement + "\"");  // cut short at the end
    CHECK(written("\xF4\x90\x80\x80") == nlohmann_text(Json(std::string("\xF4\x90\x80\x80"))));  // past U+10FFFF
    // Random byte strings, mostly ill-formed, weighted towards the bytes of multi-byte forms.
    std::mt19937 random(20261202);
    std::uniform_int_distribution<int> length(0, 12);
    std::uniform_int_distribution<int> byte(0x60, 0x1ff);
    for (int i = 0; i < 20000; ++i) {
        std::string text;
        for (int n = length(random); n > 0; --n) text += static_cast<char>(byte(random) & 0xff);
        REQUIRE(written(text) == nlohmann_text(Json(text)));
    }
}

TEST_CASE("objects and arrays get their commas and nesting") {
    JsonWriter out;
    out.begin_object();
    out.key("a").number(1).key("b").begin_array().string("x").null().boolean(true).boolean(false).end_array();
    out.key("c").begin_object().end_object().key("d").begin_array().end_array();
    out.key("e").begin_array().begin_object().key("f").string_or_null("").end_object();
    out.begin_object().key("g").string_or_null("h").end_object().end_array();
    out.key("i").strings({"j", "k"}).key("l").strings({});
    out.end_object();
    const Json expected = {{"a", 1},
                           {"b", {"x", nullptr, true, false}},
                           {"c", Json::object()},
                           {"d", Json::array()},
                           {"e", {{{"f", nullptr}}, {{"g", "h"}}}},
                           {"i", {"j", "k"}},
                           {"l", Json::array()}};
    CHECK(out.text() == nlohmann_text(expected));
}

TEST_CASE("numbers read back as the values written, in nlohmann's form where it is the shortest") {
    for (const double value : {0.0, -0.0, 1.0, 3.0, 18.91972611580259, 0.1, 2.382043, 1e-7, 123456.789, -42.5}) {
        JsonWriter out;
        out.number(value);
        CHECK(out.text() == nlohmann_text(Json(value)));
        CHECK(Json::parse(out.text()).get<double>() == value);
    }
    for (const double value : {1e300, 5e-324, 123456789012345678.0}) {  // forms may differ; the value may not
        JsonWriter out;
        out.number(value);
        CHECK(Json::parse(out.text()).get<double>() == value);
        CHECK(Json::parse(out.text()).is_number_float());
    }
    for (const double value : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
        JsonWriter out;
        out.number(value);
        CHECK(out.text() == "null");
    }
    JsonWriter integers;
    integers.begin_array().number(0).number(-7).number(std::numeric_limits<std::int64_t>::min());
    integers.number(std::numeric_limits<std::uint64_t>::max()).number(std::size_t{10}).end_array();
    CHECK(integers.text() == nlohmann_text(Json{0, -7, std::numeric_limits<std::int64_t>::min(),
                                                std::numeric_limits<std::uint64_t>::max(), 10u}));
}
