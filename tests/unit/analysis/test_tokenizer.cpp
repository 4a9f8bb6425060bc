// Tokenizer: ICU word breaks plus Indonesian rules; every token carries text, offsets, position, kind.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "telusur/analysis/tokenizer.h"

using telusur::Token;
using telusur::TokenKind;

namespace {

std::vector<Token> tokenize(std::string_view text) {
    telusur::Tokenizer tokenizer;
    return tokenizer.tokenize(text);
}

/// Checks all four fields of a token, and that its text is the slice its offsets name.
void check_token(const Token& token, std::string_view input, std::string_view text, std::size_t start,
                 std::size_t position, TokenKind kind) {
    CAPTURE(token.text);
    CHECK(token.text == text);
    CHECK(token.start == start);
    CHECK(token.end == start + text.size());
    CHECK(token.position == position);
    CHECK(token.kind == kind);
    REQUIRE(token.end <= input.size());
    CHECK(input.substr(token.start, token.end - token.start) == token.text);
}

std::vector<std::string> texts(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.push_back(t.text);
    return out;
}

}  // namespace

TEST_CASE("Tokenizer keeps reduplication as one Word token") {
    const std::string input = "anak-anak bermain";
    const auto tokens = tokenize(input);
    REQUIRE(tokens.size() == 2);
    check_token(tokens[0], input, "anak-anak", 0, 0, TokenKind::Word);
    check_token(tokens[1], input, "bermain", 10, 1, TokenKind::Word);
}

TEST_CASE("Tokenizer keeps hyphenated compounds whole") {
    const std::string input = "sayur-mayur F-16 COVID-19 e-mail";
    const auto tokens = tokenize(input);
    REQUIRE(tokens.size() == 4);
    check_token(tokens[0], input, "sayur-mayur", 0, 0, TokenKind::Word);
    check_token(tokens[1], input, "F-16", 12, 1, TokenKind::Word);
    check_token(tokens[2], input, "COVID-19", 17, 2, TokenKind::Word);
    check_token(tokens[3], input, "e-mail", 26, 3, TokenKind::Word);
}

TEST_CASE("Tokenizer joins only across exactly one hyphen") {
    CHECK(texts(tokenize("anak--anak")) == std::vector<std::string>{"anak", "anak"});
    CHECK(texts(tokenize("anak - anak")) == std::vector<std::string>{"anak", "anak"});
    CHECK(texts(tokenize("anak-anak-anak")) == std::vector<std::string>{"anak-anak-anak"});
    const std::string unicode_hyphen = "anak\u2010anak";  // U+2010 HYPHEN, three bytes
    const auto tokens = tokenize(unicode_hyphen);
    REQUIRE(tokens.size() == 1);
    check_token(tokens[0], unicode_hyphen, unicode_hyphen, 0, 0, TokenKind::Word);
}

TEST_CASE("Tokenizer keeps numbers with their thousands and decimal separators") {
    const std::string input = "Harga 11.000 naik 2,5 persen";
    const auto tokens = tokenize(input);
    REQUIRE(tokens.size() == 5);
    check_token(tokens[0], input, "Harga", 0, 0, TokenKind::Word);
    check_token(tokens[1], input, "11.000", 6, 1, TokenKind::Number);
    check_token(tokens[2], input, "naik", 13, 2, TokenKind::Word);
    check_token(tokens[3], input, "2,5", 18, 3, TokenKind::Number);
    check_token(tokens[4], input, "persen", 22, 4, TokenKind::Word);
}

TEST_CASE("Tokenizer keeps dates whole as one Number") {
    const std::string input = "Senin (4/11/2024) atau 2024-11-04.";
    const auto tokens = tokenize(input);
    REQUIRE(tokens.size() == 4);
    check_token(tokens[0], input, "Senin", 0, 0, TokenKind::Word);
    check_token(tokens[1], input, "4/11/2024", 7, 1, TokenKind::Number);
    check_token(tokens[2], input, "atau", 18, 2, TokenKind::Word);
    check_token(tokens[3], input, "2024-11-04", 23, 3, TokenKind::Number);
}

TEST_CASE("Tokenizer joins a slash only between numbers") {
    CHECK(texts(tokenize("dan/atau")) == std::vector<std::string>{"dan", "atau"});
    const auto mixed = tokenize("10-an");
    REQUIRE(mixed.size() == 1);
    CHECK(mixed[0].kind == TokenKind::Word);  // a number joined to a word is a word
}

TEST_CASE("Tokenizer reads a URL as one Url token without trailing punctuation") {
    const std::string input = "Lihat https://example.id/a?b=1. Lalu";
    const auto tokens = tokenize(input);
    REQUIRE(tokens.size() == 3);
    check_token(tokens[0], input, "Lihat", 0, 0, TokenKind::Word);
    check_token(tokens[1], input, "https://example.id/a?b=1", 6, 1, TokenKind::Url);
    check_token(tokens[2], input, "Lalu", 32, 2, TokenKind::Word);
}

TEST_CASE("Tokenizer finds www. and http URLs, inside brackets and quotes") {
    const std::string input = "(www.kompas.com/x), “http://a.id/q” selesai";
    const auto tokens = tokenize(input);
    REQUIRE(tokens.size() == 3);
    check_token(tokens[0], input, "www.kompas.com/x", 1, 0, TokenKind::Url);
    check_token(tokens[1], input, "http://a.id/q", 23, 1, TokenKind::Url);
    check_token(tokens[2], input, "selesai", 40, 2, TokenKind::Word);
}

TEST_CASE("Tokenizer excludes curly quotes from the quoted word") {
    const std::string input = "“kuat” katanya";
    const auto tokens = tokenize(input);
    REQUIRE(tokens.size() == 2);
    check_token(tokens[0], input, "kuat", 3, 0, TokenKind::Word);  // U+201C is three bytes
    check_token(tokens[1], input, "katanya", 11, 1, TokenKind::Word);
}

TEST_CASE("Tokenizer never makes a token of punctuation") {
    const std::string input = "Ya, tidak! (benar) — “oke”? ... \"kata\" ; : / - – «»";
    const auto tokens = tokenize(input);
    CHECK(texts(tokens) == std::vector<std::string>{"Ya", "tidak", "benar", "oke", "kata"});
    for (std::size_t i = 0; i < tokens.size(); ++i) CHECK(tokens[i].position == i);
}

TEST_CASE("Tokenizer keeps an apostrophe inside a word") {
    const std::string input = "jum'at Jum’at";
    const auto tokens = tokenize(input);
    REQUIRE(tokens.size() == 2);
    check_token(tokens[0], input, "jum'at", 0, 0, TokenKind::Word);
    check_token(tokens[1], input, "Jum’at", 7, 1, TokenKind::Word);
}

TEST_CASE("Tokenizer gives byte offsets in multibyte text") {
    const std::string input = "😀 Café di Bogor — 北京";
    const auto tokens = tokenize(input);
    REQUIRE(tokens.size() >= 3);
    check_token(tokens[0], input, "Café", 5, 0, TokenKind::Word);  // the emoji is 4 bytes, not a token
    check_token(tokens[1], input, "di", 11, 1, TokenKind::Word);
    check_token(tokens[2], input, "Bogor", 14, 2, TokenKind::Word);
    for (const auto& t : tokens) CHECK(input.substr(t.start, t.end - t.start) == t.text);
}

TEST_CASE("Tokenizer returns no tokens for empty or blank text") {
    CHECK(tokenize("").empty());
    CHECK(tokenize(" \n\t ").empty());
    CHECK(tokenize("?!... —").empty());
}

TEST_CASE("Tokenizer can be reused: positions restart for each text") {
    telusur::Tokenizer tokenizer;
    CHECK(tokenizer.tokenize("satu dua tiga").size() == 3);
    const auto again = tokenizer.tokenize("empat lima");
    REQUIRE(again.size() == 2);
    CHECK(again[0].position == 0);
    CHECK(again[1].text == "lima");
    CHECK(again[1].start == 6);
}

TEST_CASE("Tokenizer never returns overlapping tokens") {
    const auto tokens = tokenize("_https://x.id a");
    for (std::size_t i = 1; i < tokens.size(); ++i) CHECK(tokens[i].start >= tokens[i - 1].end);
}

TEST_CASE("Tokenizer keeps the offsets of ill-formed UTF-8 in the caller's bytes") {
    // Each ill-formed sequence is one U+FFFD to ICU (three bytes in UTF-8) but only one to
    // four bytes here; counting three would move every later token, past the end of the text.
    const std::string lone_lead = "\xc3' \xc3" "A tentara";  // two cut-off sequences
    const auto tokens = tokenize(lone_lead);
    REQUIRE(!tokens.empty());
    check_token(tokens.back(), lone_lead, "tentara", 6, tokens.size() - 1, TokenKind::Word);

    const std::string surrogate = "\xed\xa0\x80 rudal \xf4\x90\x80\x80 Korut \xff";  // U+D800, > U+10FFFF, 0xFF
    const auto more = tokenize(surrogate);
    std::vector<std::string> words;
    for (const auto& t : more) {
        REQUIRE(t.end <= surrogate.size());
        CHECK(surrogate.substr(t.start, t.end - t.start) == t.text);
        words.push_back(t.text);
    }
    CHECK(std::find(words.begin(), words.end(), "rudal") != words.end());
    CHECK(std::find(words.begin(), words.end(), "Korut") != words.end());
}

TEST_CASE("Tokenizer offsets stay inside any byte string") {
    // Every short string over bytes that start, continue or break UTF-8 sequences.
    const std::string alphabet[] = {"a", "-", " ", "'", "\xc3", "\xa9", "\xe2\x82", "\xed\xa0\x80", "\xf0\x9f", "\xff", "\xc3\xa9"};
    telusur::Tokenizer tokenizer;
    std::size_t checked = 0;
    for (const auto& a : alphabet)
        for (const auto& b : alphabet)
            for (const auto& c : alphabet)
                for (const auto& d : alphabet) {
                    const auto input = a + b + c + d;
                    std::size_t previous_end = 0;
                    for (const auto& t : tokenizer.tokenize(input)) {
                        REQUIRE(t.start >= previous_end);
                        REQUIRE(t.start < t.end);
                        REQUIRE(t.end <= input.size());
                        REQUIRE(input.compare(t.start, t.end - t.start, t.text) == 0);
                        previous_end = t.end;
                    }
                    ++checked;
                }
    CHECK(checked == 11 * 11 * 11 * 11);
}
