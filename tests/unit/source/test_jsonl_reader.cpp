// JsonlReader / parse_jsonl_record: one article per JSON line, bad lines reported and skipped.
#include <doctest/doctest.h>

#include <optional>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <utility>
#include <vector>

#include "telusur/error.h"
#include "telusur/source/jsonl_reader.h"

using telusur::Article;
using telusur::InputError;
using telusur::JsonlReader;

namespace {

/// The single article of a one-record stream.
Article read_one(const std::string& text) {
    std::istringstream in(text);
    JsonlReader reader(in, "feed.jsonl");
    auto article = reader.next();
    REQUIRE(article.has_value());
    CHECK_FALSE(reader.next().has_value());
    return *article;
}

/// The error reading `text` raises; fails the test when there is none.
InputError error_of(const std::string& text) {
    std::istringstream in(text);
    JsonlReader reader(in, "feed.jsonl");
    try {
        while (reader.next()) {
        }
    } catch (const InputError& e) {
        return e;
    }
    FAIL("no InputError for: " << text);
    return InputError("", 0, "");
}

}  // namespace

TEST_CASE("JsonlReader reads every field of a good record") {
    const auto a = read_one(R"({"id": "k-1", "title": "Banjir di Bekasi", "body": "Hujan deras.", )"
                            R"("date": "2024-11-04", "url": "https://kabar.id/1", "source": "Kabar"})");
    CHECK(a.id == "k-1");
    CHECK(a.title == "Banjir di Bekasi");
    CHECK(a.body == "Hujan deras.");
    CHECK(a.date == "2024-11-04");
    CHECK(a.url == "https://kabar.id/1");
    CHECK(a.source == "Kabar");
    CHECK(a.origin_file == "feed.jsonl");
    CHECK(a.origin_line == 1);
    CHECK_FALSE(a.title_from_first_line);
}

TEST_CASE("JsonlReader treats missing and null optional fields as empty") {
    const auto missing = read_one(R"({"id": "a", "body": "isi"})");
    CHECK(missing.title.empty());
    CHECK(missing.date.empty());
    CHECK(missing.url.empty());
    CHECK(missing.source.empty());

    const auto nulls = read_one(R"({"id": "b", "body": "isi", "title": null, "date": null, "url": null, "source": null})");
    CHECK(nulls.id == "b");
    CHECK(nulls.title.empty());
    CHECK(nulls.date.empty());
    CHECK(nulls.url.empty());
    CHECK(nulls.source.empty());
}

TEST_CASE("JsonlReader ignores unknown fields and accepts an integer id") {
    const auto a = read_one(R"({"id": 42, "body": "isi", "tags": ["x", 1], "meta": {"n": null}})");
    CHECK(a.id == "42");
    CHECK(a.body == "isi");
}

TEST_CASE("JsonlReader skips blank lines, strips CR and a leading BOM, and counts every line") {
    std::istringstream in("\xEF\xBB\xBF{\"id\": \"a\", \"body\": \"satu\"}\r\n"
                          "\r\n"
                          "   \t\n"
                          "{\"id\": \"b\", \"body\": \"dua\"}\r\n");
    JsonlReader reader(in, "feed.jsonl");
    const auto first = reader.next();
    REQUIRE(first);
    CHECK(first->id == "a");
    CHECK(first->body == "satu");
    CHECK(first->origin_line == 1);
    const auto second = reader.next();
    REQUIRE(second);
    CHECK(second->id == "b");
    CHECK(second->body == "dua");
    CHECK(second->origin_line == 4);
    CHECK(reader.line() == 4);
    CHECK_FALSE(reader.next());
    CHECK_FALSE(reader.next());  // stays at the end
}

TEST_CASE("JsonlReader returns nothing for an empty stream") {
    std::istringstream in("");
    JsonlReader reader(in, "-");
    CHECK_FALSE(reader.next());
}

TEST_CASE("JsonlReader reports invalid JSON with its line number") {
    const auto e = error_of("{\"id\": \"a\", \"body\": \"ok\"}\n{\"id\": \"b\", \"body\": \"koma\" \"hilang\"}\n");
    CHECK(e.file() == "feed.jsonl");
    CHECK(e.line() == 2);
    CHECK(std::string(e.what()).starts_with("invalid JSON: "));
    CHECK(std::string(e.what()).find("[json.exception") == std::string::npos);  // nlohmann's tag is cut
    CHECK(e.where_and_what().starts_with("feed.jsonl:2: invalid JSON: "));
}

TEST_CASE("JsonlReader reports a number beyond a double as a bad record, not a failure of the run") {
    // nlohmann throws out_of_range, not parse_error, for these: once it escaped and stopped the
    // whole index run (found by tests/fuzz/fuzz_jsonl_reader).
    for (const std::string number : {"1e400", "-1e400", "880000000E000014710992060452933175"}) {
        CAPTURE(number);
        const auto e = error_of("{\"id\": \"a\", \"body\": \"ok\"}\n{\"id\": \"b\", \"body\": \"x\", \"n\": " + number + "}\n");
        CHECK(e.line() == 2);
        CHECK(std::string(e.what()) == "invalid JSON: number overflow parsing '" + number + "'");
    }
    std::istringstream in("{\"id\": \"a\", \"body\": \"x\", \"n\": 1e400}\n{\"id\": \"b\", \"body\": \"ok\"}\n");
    telusur::JsonlReader reader(in, "feed.jsonl");
    CHECK_THROWS_AS(reader.next(), telusur::InputError);
    const auto next = reader.next();
    REQUIRE(next);
    CHECK(next->id == "b");
}

TEST_CASE("JsonlReader keeps nlohmann's message short: a column, and the end of what it last read") {
    const std::string unterminated = "{\"id\": \"a\", \"body\": \"" + std::string(5000, 'x') + "akhir kalimat";
    const std::string message = error_of(unterminated).what();
    CHECK(message.starts_with("invalid JSON: column 5035: "));
    CHECK(message.find("line 1") == std::string::npos);  // the record's line is the file's, given apart
    CHECK(message.size() < 200);
    CHECK(message.ends_with("last read: '…" + std::string(27, 'x') + "akhir kalimat'"));
    // Cut at a character, never inside one: "é" is two bytes.
    std::string accented = "{\"id\": \"a\", \"body\": \"";
    for (int i = 0; i < 100; ++i) accented += "é";
    const std::string clipped = error_of(accented).what();
    CHECK(clipped.ends_with("last read: '…" + [] { std::string e; for (int i = 0; i < 20; ++i) e += "é"; return e; }() + "'"));
}

namespace {

/// A stream buffer that gives `text` and then fails the way a decompressor does: by throwing.
class FailingBuffer : public std::streambuf {
  public:
    explicit FailingBuffer(std::string text) : text_(std::move(text)) { setg(text_.data(), text_.data(), text_.data() + text_.size()); }

  protected:
    int_type underflow() override { throw std::runtime_error("gzip data ends early (truncated file?)"); }

  private:
    std::string text_;
};

}  // namespace

TEST_CASE("JsonlReader reports a stream's own error with the line it was reading") {
    FailingBuffer buffer("{\"id\": \"a\", \"body\": \"satu\"}\n{\"id\": \"b\", \"bo");
    std::istream in(&buffer);
    in.exceptions(std::ios::badbit);  // as the decompressing streams are set up
    JsonlReader reader(in, "feed.jsonl.gz");
    CHECK(reader.next()->id == "a");
    try {
        reader.next();
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.where_and_what() == "feed.jsonl.gz:2: gzip data ends early (truncated file?)");
    }
    CHECK(in.bad());
}

TEST_CASE("JsonlReader reports a UTF-16 stream once, at line 1, and reads nothing of it") {
    std::string utf16 = "\xFF\xFE";  // UTF-16LE, as PowerShell's > writes
    for (const char c : std::string("{\"id\": \"a\", \"body\": \"isi\"}\n{\"id\": \"b\", \"body\": \"isi\"}\n")) {
        utf16 += c;
        utf16 += '\0';
    }
    std::istringstream in(utf16);
    JsonlReader reader(in, "feed.jsonl");
    CHECK_THROWS_WITH_AS(reader.next(), doctest::Contains("UTF-16 text: convert the file to UTF-8"), InputError);
    CHECK(reader.line() == 1);
    CHECK_FALSE(reader.next());  // not one error per line
}

TEST_CASE("JsonlReader reports compressed data given as JSON Lines once, not as a bad record per line") {
    std::string gzip = "\x1F\x8B\x08\x00";
    for (int i = 0; i < 2000; ++i) gzip += static_cast<char>(i * 7919 % 251) + std::string(i % 37 == 0 ? "\n" : "");
    std::istringstream in(gzip);
    JsonlReader reader(in, "-");
    CHECK_THROWS_WITH_AS(reader.next(), "gzip data: name the file .jsonl.gz, or pipe it through zcat; file skipped",
                         InputError);
    CHECK_FALSE(reader.next());
}

TEST_CASE("JsonlReader reports a JSON array or a pretty-printed object once, saying how to convert it") {
    const std::string record = R"({"id": "a", "body": "isi"})";
    for (const auto& [text, message] : std::vector<std::pair<std::string, std::string>>{
             {"[" + record + ", " + record + "]\n",
              "a JSON array, not JSON Lines (one object per line): convert it with jq -c '.[]'; file skipped"},
             {"\n  [\n    " + record + ",\n    " + record + "\n  ]\n",
              "a JSON array, not JSON Lines (one object per line): convert it with jq -c '.[]'; file skipped"},
             {"{ \n  \"id\": \"a\",\n  \"body\": \"isi\"\n}\n",
              "JSON spread over several lines, not JSON Lines (one object per line): convert it with jq -c .; file "
              "skipped"}}) {
        CAPTURE(text);
        std::istringstream in(text);
        JsonlReader reader(in, "arsip.json");
        CHECK_THROWS_WITH_AS(reader.next(), message.c_str(), InputError);
        CHECK_FALSE(reader.next());  // not one error per line
    }
    // Only the first record line is looked at: a later bad line is a bad record, as before.
    std::istringstream in(record + "\n[1]\n" + record + "\n");
    JsonlReader reader(in, "arsip.jsonl");
    CHECK(reader.next());
    CHECK_THROWS_WITH_AS(reader.next(), "record is not a JSON object", InputError);
    CHECK(reader.next());
}

TEST_CASE("JsonlReader rejects a record that is not an object") {
    for (const char* text : {"[1, 2]", "\"just text\"", "17", "null"}) {
        CAPTURE(text);
        // After a good record: an array as the first record says the whole file is one.
        const auto e = error_of(std::string(R"({"id": "a", "body": "isi"})") + "\n" + text);
        CHECK(e.line() == 2);
        CHECK(std::string(e.what()) == "record is not a JSON object");
    }
}

TEST_CASE("JsonlReader requires an id") {
    CHECK(std::string(error_of(R"({"body": "isi"})").what()) == "missing id");
    CHECK(std::string(error_of(R"({"id": null, "body": "isi"})").what()) == "missing id");
    CHECK(std::string(error_of(R"({"id": "  ", "body": "isi"})").what()) == "empty id");
    CHECK(std::string(error_of(R"({"id": 1.5, "body": "isi"})").what()) == "field 'id' must be a string or an integer");
    CHECK(std::string(error_of(R"({"id": ["a"], "body": "isi"})").what()) == "field 'id' must be a string or an integer");
}

TEST_CASE("JsonlReader requires a non-empty body") {
    CHECK(std::string(error_of(R"({"id": "a", "title": "Tanpa isi"})").what()) == "missing body");
    CHECK(std::string(error_of(R"({"id": "a", "body": null})").what()) == "missing body");
    CHECK(std::string(error_of(R"({"id": "a", "body": ""})").what()) == "empty body");
    CHECK(std::string(error_of(R"({"id": "a", "body": " \n\t "})").what()) == "empty body");
}

TEST_CASE("JsonlReader rejects a field of the wrong type, naming the field") {
    CHECK(std::string(error_of(R"({"id": "a", "body": 5})").what()) ==
          "field 'body' must be a string, an array of strings or null");
    CHECK(std::string(error_of(R"({"id": "a", "body": "x", "title": 5})").what()) ==
          "field 'title' must be a string or null");
    CHECK(std::string(error_of(R"({"id": "a", "body": "x", "date": {"y": 2024}})").what()) ==
          "field 'date' must be a string, a Unix time or null");
    CHECK(std::string(error_of(R"({"id": "a", "body": "x", "url": true})").what()) ==
          "field 'url' must be a string or null");
    CHECK(std::string(error_of(R"({"id": "a", "body": "x", "source": [1]})").what()) ==
          "field 'source' must be a string or null");
}

TEST_CASE("JsonlReader rejects invalid UTF-8 and names the byte in the line") {
    const std::string bad_line = "{\"id\": \"r5\", \"body\": \"caf\xE9 rusak\"}";
    const auto e = error_of("{\"id\": \"a\", \"body\": \"ok\"}\n\n" + bad_line + "\n");
    CHECK(e.line() == 3);
    CHECK(std::string(e.what()) == "invalid UTF-8 at byte " + std::to_string(bad_line.find('\xE9') + 1));
}

TEST_CASE("JsonlReader rejects a line with a NUL byte as binary data") {
    std::string text = R"({"id": "a", "body": "x@y"})";
    text[text.find('@')] = '\0';
    const auto e = error_of(text);
    CHECK(e.line() == 1);
    CHECK(std::string(e.what()) == "binary data (NUL byte)");
}

TEST_CASE("JsonlReader continues with the next line after a bad one") {
    std::istringstream in("{\"id\": \"r1\", \"body\": \"satu\"}\n"
                          "{\"id\": \"r2\", \"body\": \"koma\" \"hilang\"}\n"
                          "{\"id\": \"r3\"}\n"
                          "{\"id\": \"r4\", \"body\": \"empat\"}\n");
    JsonlReader reader(in, "feed.jsonl");
    CHECK(reader.next()->id == "r1");
    CHECK_THROWS_AS(reader.next(), InputError);
    CHECK(reader.line() == 2);
    CHECK_THROWS_WITH_AS(reader.next(), "missing body", InputError);
    CHECK(reader.line() == 3);
    const auto fourth = reader.next();
    REQUIRE(fourth);
    CHECK(fourth->id == "r4");
    CHECK(fourth->origin_line == 4);
    CHECK_FALSE(reader.next());
}

TEST_CASE("parse_jsonl_record parses one line and records its origin") {
    const auto a = telusur::parse_jsonl_record(R"({"id": "x", "body": "isi"})", "-", 7);
    CHECK(a.id == "x");
    CHECK(a.origin_file == "-");
    CHECK(a.origin_line == 7);
    CHECK_THROWS_WITH_AS(telusur::parse_jsonl_record("{}", "-", 7), "missing id", InputError);
}

TEST_CASE("JsonlReader skips a line longer than its limit without keeping it, then goes on") {
    // 200,000 bytes between two good lines: longer than a 1,000-byte limit and than the reader's
    // 64 KiB chunks, so the line is read in several pieces.
    const std::string huge = "{\"id\": \"big\", \"body\": \"" + std::string(200000, 'a') + "\"}";
    std::istringstream in("{\"id\": \"r1\", \"body\": \"satu\"}\n" + huge + "\n{\"id\": \"r3\", \"body\": \"tiga\"}");
    JsonlReader reader(in, "feed.jsonl", {}, 1000);
    CHECK(reader.next()->id == "r1");
    CHECK_THROWS_WITH_AS(reader.next(), "line longer than 1000 bytes (no line breaks?): skipped", InputError);
    CHECK(reader.line() == 2);
    const auto third = reader.next();  // the last line has no newline
    REQUIRE(third);
    CHECK(third->id == "r3");
    CHECK(third->origin_line == 3);
    CHECK_FALSE(reader.next());
}

TEST_CASE("JsonlReader reads lines of exactly the limit and lines that span its chunks") {
    for (const std::size_t body : {std::size_t{65533}, std::size_t{65534}, std::size_t{65535}, std::size_t{300000}}) {
        CAPTURE(body);
        const std::string line = "{\"id\": \"x\", \"body\": \"" + std::string(body, 'b') + "\"}";
        std::istringstream in(line + "\n" + line + "\n");
        JsonlReader reader(in, "feed.jsonl", {}, line.size());
        for (int k = 0; k < 2; ++k) {
            const auto article = reader.next();
            REQUIRE(article);
            CHECK(article->body.size() == body);
            CHECK(article->input_bytes == line.size() + 1);
        }
        CHECK_FALSE(reader.next());
    }
}

TEST_CASE("JsonlReader blanks control characters in text fields and rejects them in an id") {
    const auto article = read_one(R"({"id": "a", "title": "Judul\u001b[2J\nbaru", "body": "Satu\u0000dua\n\ttiga\u0007",)"
                                  R"( "source": "Kabar\u0085Uji", "url": "http://x.id/\u0001", "date": "2024-11-04\u0000"})");
    CHECK(article.title == "Judul [2J baru");
    CHECK(article.body == "Satu dua\n\ttiga ");
    CHECK(article.source == "Kabar Uji");
    CHECK(article.url == "http://x.id/ ");
    CHECK(article.date == "2024-11-04 ");
    const auto e = error_of(R"({"id": "a\u0000b", "body": "isi"})");
    CHECK(std::string(e.what()) == "field 'id' holds a control character (byte 2)");
}
