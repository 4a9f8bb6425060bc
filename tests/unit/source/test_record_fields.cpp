// RecordFields, and JsonlReader with it: archives that name their fields otherwise.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "telusur/error.h"
#include "telusur/source/jsonl_reader.h"
#include "telusur/source/record_fields.h"

using telusur::RecordField;
using telusur::RecordFields;

namespace {

RecordFields mapped(std::initializer_list<const char*> specs) {
    RecordFields fields;
    for (const auto* spec : specs) fields.map(spec);
    return fields;
}

/// What mapping `spec` throws, or "" when it is accepted.
std::string map_error(const std::string& spec) {
    RecordFields fields;
    try {
        fields.map(spec);
    } catch (const telusur::Error& e) {
        return e.what();
    }
    return "";
}

/// The message reading the one record `line` with `fields` raises, or "" when it is read.
std::string read_error(const std::string& line, const RecordFields& fields = {}) {
    try {
        telusur::parse_jsonl_record(line, "arsip.jsonl", 1, fields);
    } catch (const telusur::InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("RecordFields reads each field from its own name until it is mapped") {
    RecordFields fields;
    CHECK(fields.location(RecordField::Body) == "body");
    CHECK_FALSE(fields.is_mapped(RecordField::Body));
    fields.map("body=isi");
    fields.map("date=/meta/terbit");
    CHECK(fields.location(RecordField::Body) == "isi");
    CHECK(fields.is_mapped(RecordField::Body));
    CHECK(fields.location(RecordField::Date) == "/meta/terbit");
    CHECK(fields.location(RecordField::Title) == "title");
    CHECK(telusur::field_name(RecordField::Source) == "source");
}

TEST_CASE("RecordFields refuses a mapping that is not FIELD=NAME, naming what is wrong") {
    CHECK(map_error("body") == "--field 'body': expected FIELD=NAME, e.g. body=isi");
    CHECK(map_error("isi=body") ==
          "--field 'isi=body': no article field named 'isi'; the fields are id, title, body, date, url and source");
    CHECK(map_error("Body=isi").find("no article field named 'Body'") != std::string::npos);
    CHECK(map_error("body=") == "--field 'body=': the record's field name is empty");
    CHECK(map_error("date=/meta/a~2").find("not a JSON Pointer") != std::string::npos);
    RecordFields fields;
    fields.map("body=isi");
    CHECK_THROWS_WITH_AS(fields.map("body=konten"), "--field body is given twice", telusur::Error);
    CHECK(map_error("title=a=b").empty());  // a field's name may hold '='
}

TEST_CASE("RecordFields finds a field by name or by JSON Pointer, and nothing where the pointer leads nowhere") {
    const auto record = nlohmann::json::parse(
        R"({"isi": "teks", "meta": {"terbit": "2024-11-04", "a/b": 1, "tags": ["x", "y"]}, "judul": "t"})");
    const auto fields = mapped({"body=isi", "date=/meta/terbit", "url=/meta/a~1b", "source=/meta/tags/1"});
    REQUIRE(fields.find(record, RecordField::Body) != nullptr);
    CHECK(*fields.find(record, RecordField::Body) == "teks");
    CHECK(*fields.find(record, RecordField::Date) == "2024-11-04");
    CHECK(*fields.find(record, RecordField::Url) == 1);
    CHECK(*fields.find(record, RecordField::Source) == "y");
    CHECK(fields.find(record, RecordField::Title) == nullptr);  // "title", not "judul"

    const auto nowhere = mapped({"date=/meta/terbit/hari", "url=/tidak/ada", "source=/meta/tags/9",
                                 "title=/meta/tags/99999999999999999999999"});
    CHECK(nowhere.find(record, RecordField::Date) == nullptr);  // a step into a string
    CHECK(nowhere.find(record, RecordField::Url) == nullptr);
    CHECK(nowhere.find(record, RecordField::Source) == nullptr);
    CHECK(nowhere.find(record, RecordField::Title) == nullptr);
}

TEST_CASE("RecordFields finds a named field in any letter case, the exact name first") {
    // As .NET's and Java's exporters write them.
    const auto record = nlohmann::json::parse(R"({"Id": 7, "TITLE": "Judul", "Body": "Isi", "body2": "x"})");
    const RecordFields fields;
    REQUIRE(fields.find(record, RecordField::Id) != nullptr);
    CHECK(*fields.find(record, RecordField::Id) == 7);
    CHECK(*fields.find(record, RecordField::Title) == "Judul");
    CHECK(*fields.find(record, RecordField::Body) == "Isi");
    CHECK(fields.find(record, RecordField::Url) == nullptr);
    const auto both = nlohmann::json::parse(R"({"Body": "besar", "body": "kecil"})");
    CHECK(*fields.find(both, RecordField::Body) == "kecil");
    CHECK(*mapped({"body=ISI"}).find(nlohmann::json::parse(R"({"isi": "teks"})"), RecordField::Body) == "teks");
    // A JSON Pointer stays exact, as RFC 6901 defines it.
    const auto nested = nlohmann::json::parse(R"({"meta": {"terbit": "x"}})");
    CHECK(mapped({"date=/Meta/terbit"}).find(nested, RecordField::Date) == nullptr);
    CHECK(fields.find(nlohmann::json::parse("[1, 2]"), RecordField::Body) == nullptr);
}

TEST_CASE("JsonlReader reads an article from the fields it is told, nested ones too") {
    std::istringstream in(
        R"({"no": 17, "judul": "Banjir di Bekasi", "isi": "Hujan deras.", "body": "bukan ini", )"
        R"("meta": {"terbit": "2024-11-04", "media": "Kabar"}, "tautan": "https://kabar.id/17"})"
        "\n");
    telusur::JsonlReader reader(in, "arsip.jsonl",
                                mapped({"id=no", "title=judul", "body=isi", "date=/meta/terbit",
                                        "source=/meta/media", "url=tautan"}));
    const auto article = reader.next();
    REQUIRE(article.has_value());
    CHECK(article->id == "17");
    CHECK(article->title == "Banjir di Bekasi");
    CHECK(article->body == "Hujan deras.");
    CHECK(article->date == "2024-11-04");
    CHECK(article->source == "Kabar");
    CHECK(article->url == "https://kabar.id/17");
}

TEST_CASE("A mapped field of the wrong type or missing is named both ways") {
    const auto fields = mapped({"body=isi", "date=/meta/terbit"});
    CHECK(read_error(R"({"id": "a", "isi": 5})", fields) ==
          "field 'isi' (body) must be a string, an array of strings or null");
    CHECK(read_error(R"({"id": "a", "isi": "x", "meta": {"terbit": [2024]}})", fields) ==
          "field '/meta/terbit' (date) must be a string, a Unix time or null");
    CHECK(read_error(R"({"id": "a", "body": "x"})", fields) == "missing body (field 'isi')");
    CHECK(read_error(R"({"id": "a", "isi": "x"})", fields).empty());  // a missing optional field is empty
}

TEST_CASE("A date field given as a number is Unix time, or the date it spells") {
    const auto date_of = [](const std::string& value) {
        return telusur::parse_jsonl_record(R"({"id": "a", "body": "x", "date": )" + value + "}", "arsip.jsonl", 1).date;
    };
    CHECK(date_of("1730687400") == "2024-11-04T09:30:00+07:00");
    CHECK(date_of("1730687400123") == "2024-11-04T09:30:00+07:00");
    CHECK(date_of("1.7306874e9") == "2024-11-04T09:30:00+07:00");
    CHECK(date_of("20241104") == "20241104");  // read by the date parser as the basic ISO 8601 form
    CHECK(date_of("2024") == "2024");          // reported there as not a date
    CHECK(date_of("\"2024-11-04\"") == "2024-11-04");
}

TEST_CASE("A body given as an array of strings is its paragraphs") {
    const auto body_of = [](const std::string& value) {
        return telusur::parse_jsonl_record(R"({"id": "a", "body": )" + value + "}", "arsip.jsonl", 1).body;
    };
    CHECK(body_of(R"(["Banjir merendam Bekasi.", "", "Warga mengungsi."])") ==
          "Banjir merendam Bekasi.\n\nWarga mengungsi.");
    CHECK(read_error(R"({"id": "a", "body": ["satu", 2]})") ==
          "field 'body' must be a string, an array of strings or null");
    CHECK(read_error(R"({"id": "a", "body": ["", " "]})") == "empty body");
    CHECK(read_error(R"({"id": "a", "body": []})") == "empty body");
}

TEST_CASE("A record without the field lists its own fields and the option that maps one") {
    CHECK(read_error(R"({"id": "a", "judul": "t", "isi": "x"})") ==
          "missing body; the record's fields are id, isi, judul: read one as the body with --field body=NAME");
    CHECK(read_error(R"({"kode": "a", "isi": "x"})") ==
          "missing id; the record's fields are isi, kode: read one as the id with --field id=NAME");
    // Many fields are cut short; a field's name is shown without its control characters.
    CHECK(read_error(R"({"id": "a", "f1": 1, "f2": 2, "f3": 3, "f4": 4, "f5": 5, "f6": 6, "f7": 7, "f8": 8})") ==
          "missing body; the record's fields are f1, f2, f3, f4, f5, f6, f7, f8, … (9 in all): read one as the "
          "body with --field body=NAME");
    CHECK(read_error(R"({"id": "a", "x\u001b[2J": 1})") ==
          "missing body; the record's fields are id, x [2J: read one as the body with --field body=NAME");
    // A field that is there but null is missing, with nothing to map; so is one of a record
    // whose every field is read already.
    CHECK(read_error(R"({"id": "a", "body": null})") == "missing body");
    CHECK(read_error(R"({"id": "a", "title": "t", "source": "s"})") == "missing body");
}
