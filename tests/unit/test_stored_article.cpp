// stored_article.h: what the indexer keeps for display comes back field for field.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "telusur/stored_article.h"

using telusur::decode_stored_article;
using telusur::encode_stored_article;
using telusur::StoredArticle;

namespace {

StoredArticle sample() {
    return {"kompas-001",
            "Tentara Korut di Kursk",
            "2024-11-04",
            "https://example.com/a?b=1&c=\"2\"",
            "Kompas",
            std::string(300, 'x') + " ditangkap \xC3\xA9 \"kutip\"\n\tbaris",  // long enough for a 2-byte length
            "metadata",
            {"Kim Jong Un", "Vladimir Putin"},
            {"Kursk"},
            {}};
}

void check_same(const StoredArticle& a, const StoredArticle& b) {
    CHECK(a.id == b.id);
    CHECK(a.title == b.title);
    CHECK(a.date == b.date);
    CHECK(a.url == b.url);
    CHECK(a.source == b.source);
    CHECK(a.body == b.body);
    CHECK(a.date_origin == b.date_origin);
    CHECK(a.people == b.people);
    CHECK(a.places == b.places);
    CHECK(a.orgs == b.orgs);
}

}  // namespace

TEST_CASE("a stored article round-trips through its encoding") {
    check_same(decode_stored_article(encode_stored_article(sample())), sample());
    check_same(decode_stored_article(encode_stored_article(StoredArticle{})), StoredArticle{});
}

TEST_CASE("bytes that JSON would escape are stored as they are") {
    auto article = sample();
    article.body = std::string("nul\0byte", 8) + "\xFF\xFE";  // not UTF-8: kept verbatim
    check_same(decode_stored_article(encode_stored_article(article)), article);
}

TEST_CASE("data from databases indexed before the binary layout, as JSON, still decodes") {
    const auto old = decode_stored_article(
        R"({"id":"a1","title":"Judul","date":"2024-01-02","url":"u","source":"s","body":"isi","date_origin":"text",)"
        R"("people":["Joko Widodo"],"places":[],"orgs":["KPK"]})");
    CHECK(old.id == "a1");
    CHECK(old.body == "isi");
    CHECK(old.date_origin == "text");
    CHECK(old.people == std::vector<std::string>{"Joko Widodo"});
    CHECK(old.orgs == std::vector<std::string>{"KPK"});
}

TEST_CASE("an article is stored compressed") {
    auto article = sample();
    article.body.clear();
    for (int i = 0; i < 200; ++i) article.body += "Harga beras naik lagi di pasar. ";
    const auto data = encode_stored_article(article);
    CHECK(data.size() < article.body.size() / 4);
    check_same(decode_stored_article(data), article);
}

TEST_CASE("articles decoded one after another, long and short, each come back whole") {
    // Decoding reuses one buffer per thread: a short article after a long one must not show
    // the long one's tail, and an outsized one must decode too.
    std::vector<StoredArticle> articles;
    for (const std::size_t words : {400, 3, 1000, 0, 50, 1'200'000, 7}) {
        auto article = sample();
        article.id = "artikel-" + std::to_string(words);
        article.body.clear();
        for (std::size_t i = 0; i < words; ++i) article.body += "kata" + std::to_string(i % 97) + " ";
        articles.push_back(article);
    }
    std::vector<std::string> encoded;
    for (const auto& article : articles) encoded.push_back(encode_stored_article(article));
    for (int round = 0; round < 2; ++round)
        for (std::size_t i = 0; i < articles.size(); ++i) check_same(decode_stored_article(encoded[i]), articles[i]);
}

TEST_CASE("data from databases indexed before compression still decodes") {
    // Layout 1: today's fields, uncompressed.
    std::string data("\x01");
    for (const std::string field : {"a1", "Judul", "2024-01-02", "u", "s", "text"}) data += static_cast<char>(field.size()) + field;
    data += std::string("\x01\x0BJoko Widodo", 13) + std::string("\x00\x00", 2) + "\x03isi";
    const auto old = decode_stored_article(data);
    CHECK(old.id == "a1");
    CHECK(old.date_origin == "text");
    CHECK(old.people == std::vector<std::string>{"Joko Widodo"});
    CHECK(old.body == "isi");
}

TEST_CASE("foreign or corrupt document data decodes to empty fields, never out of bounds") {
    CHECK(decode_stored_article("").id.empty());
    CHECK(decode_stored_article("plain text some other tool stored").id.empty());
    CHECK(decode_stored_article("{not json").id.empty());
    const auto good = encode_stored_article(sample());
    // Every truncation and a trailing extra byte are rejected whole, not half-read.
    for (std::size_t n = 1; n < good.size(); ++n) {
        CAPTURE(n);
        CHECK(decode_stored_article(good.substr(0, n)).id.empty());
    }
    CHECK(decode_stored_article(good + "x").id.empty());
    // A length field claiming more than there is, and one that never ends.
    CHECK(decode_stored_article(std::string("\x01\xFF\xFF\xFF\xFF\x0F", 6) + "id").id.empty());
    CHECK(decode_stored_article(std::string("\x01") + std::string(20, '\x80')).id.empty());
    // Compressed data that is not a zstd frame, or was altered (zstd's checksum).
    CHECK(decode_stored_article("\x02" + std::string("not zstd")).id.empty());
    for (const std::size_t at : {std::size_t{5}, good.size() / 2, good.size() - 6}) {
        auto altered = good;
        altered[at] = static_cast<char>(altered[at] ^ 0x55);
        CHECK(decode_stored_article(altered).id.empty());
    }
    CHECK(decode_stored_article(std::string(1, '\x02') + good).id.empty());  // a layout byte too many
}
