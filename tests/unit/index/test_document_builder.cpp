// DocumentBuilder: Article → Xapian::Document laid out as schema.h says.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "telusur/analysis/snowball_stemmer.h"
#include "telusur/error.h"
#include "telusur/index/document_builder.h"
#include "telusur/index/near_duplicate.h"
#include "telusur/schema.h"
#include "telusur/stored_article.h"

using telusur::Article;
using telusur::DocumentBuilder;
namespace schema = telusur::schema;

namespace {

const telusur::StopwordList& stopwords() {
    static const auto list = telusur::StopwordList::from_text("di\ndan\nyang\n");
    return list;
}

struct TermInfo {
    Xapian::termcount wdf = 0;
    std::vector<Xapian::termpos> positions;
};

/// The document's termlist: term → wdf and positions.
std::map<std::string, TermInfo> terms_of(const Xapian::Document& doc) {
    std::map<std::string, TermInfo> terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        auto& info = terms[*t];
        info.wdf = t.get_wdf();
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) info.positions.push_back(*p);
    }
    return terms;
}

Article sample() {
    Article a;
    a.id = "berita-1";
    a.title = "Tentara Korut di Kursk";
    a.body = "Pasukan dan tentara bergerak.";
    a.date = "2024-11-04T10:00:00+07:00";
    a.url = "https://kabar.id/1";
    a.source = "Kabar Uji";
    return a;
}

std::string stem(const std::string& word) { return telusur::SnowballStemmer()(word); }

using Positions = std::vector<Xapian::termpos>;

}  // namespace

TEST_CASE("DocumentBuilder adds the id as a boolean Q term") {
    DocumentBuilder builder(stopwords());
    const auto terms = terms_of(builder.build(sample()));
    REQUIRE(terms.count("Qberita-1") == 1);
    CHECK(terms.at("Qberita-1").wdf == 0);
    CHECK(terms.at("Qberita-1").positions.empty());
}

TEST_CASE("DocumentBuilder indexes title words with positions, extra weight and the S prefix") {
    DocumentBuilder builder(stopwords());
    const auto terms = terms_of(builder.build(sample()));
    CHECK(terms.at("korut").positions == Positions{2});
    CHECK(terms.at("korut").wdf == schema::kTitleWeight);
    CHECK(terms.at("Skorut").positions == Positions{2});
    CHECK(terms.at("Skursk").positions == Positions{4});
    CHECK(terms.at("Stentara").positions == Positions{1});
    CHECK(terms.at("Sdi").positions == Positions{3});  // a stopword is still a title word
    CHECK(terms.count("Spasukan") == 0);                // body words get no title term
}

TEST_CASE("DocumentBuilder adds Z stems without positions for non-stopwords only") {
    DocumentBuilder builder(stopwords());
    auto article = sample();
    article.body = "Pasukan dan tentara menguji rudal di perbatasan.";
    const auto terms = terms_of(builder.build(article));
    CHECK(terms.count("Z" + stem("menguji")) == 1);
    CHECK(terms.count("Zuji") == 1);
    CHECK(terms.count("Zbatas") == 1);
    CHECK(terms.at("Zbatas").positions.empty());
    CHECK(terms.count("ZSkorut") == 1);  // stems of title words also under the title prefix
    CHECK(terms.count("menguji") == 1);  // the unstemmed word is kept too, for phrases and names
    // "dan" and "di" keep their positional terms but have no stem.
    CHECK_FALSE(terms.at("dan").positions.empty());
    CHECK_FALSE(terms.at("di").positions.empty());
    CHECK(terms.count("Zdan") == 0);
    CHECK(terms.count("Zdi") == 0);
    CHECK(terms.count("ZSdi") == 0);
}

TEST_CASE("DocumentBuilder starts body positions after the title plus the gap") {
    DocumentBuilder builder(stopwords());
    const auto terms = terms_of(builder.build(sample()));
    // The title holds 4 words at positions 1-4, so the body starts at 5 + gap.
    const Xapian::termpos body_start = 5 + schema::kBodyPositionGap;
    CHECK(terms.at("pasukan").positions == Positions{body_start});
    CHECK(terms.at("dan").positions == Positions{body_start + 1});
    CHECK(terms.at("tentara").positions == (Positions{1, body_start + 2}));
    CHECK(terms.at("tentara").wdf == schema::kTitleWeight + 1);
    CHECK(terms.at("bergerak").positions == Positions{body_start + 3});
}

TEST_CASE("DocumentBuilder indexes each word part Xapian's parser sees, at its own position") {
    DocumentBuilder builder(stopwords());
    Article article;
    article.id = "p";
    article.body = "anak-anak 4/11/2024";
    const auto terms = terms_of(builder.build(article));
    const auto start = 1 + schema::kBodyPositionGap;  // empty title: the body starts at 1 + gap
    CHECK(terms.at("anak").positions == (Positions{start, start + 1}));
    CHECK(terms.at("4").positions == Positions{start + 2});
    CHECK(terms.at("2024").positions == Positions{start + 4});
    CHECK(terms.count("anak-anak") == 0);
}

TEST_CASE("DocumentBuilder adds the lower-cased source as a boolean XSRC term") {
    DocumentBuilder builder(stopwords());
    const auto terms = terms_of(builder.build(sample()));
    CHECK(terms.count("XSRCkabar uji") == 1);
    CHECK(terms.count("XSRCKabar Uji") == 0);

    auto no_source = sample();
    no_source.source.clear();
    for (const auto& [term, info] : terms_of(builder.build(no_source))) CHECK_FALSE(term.starts_with("XSRC"));
}

TEST_CASE("DocumentBuilder stores the sortable date, the content hash and the display fields") {
    DocumentBuilder builder(stopwords());
    const auto article = sample();
    const auto doc = builder.build(article);
    CHECK(doc.get_value(schema::kDateSlot) == "20241104");
    CHECK(doc.get_value(schema::kContentHashSlot) == builder.content_hash(article));
    CHECK(doc.get_value(schema::kContentHashSlot).size() == 16);

    const auto stored = telusur::decode_stored_article(doc.get_data());
    CHECK(stored.id == "berita-1");
    CHECK(stored.title == article.title);
    CHECK(stored.body == article.body);
    CHECK(stored.date == article.date);
    CHECK(stored.url == article.url);
    CHECK(stored.source == "Kabar Uji");

    auto undated = article;
    undated.date = "kemarin";
    const auto no_date = builder.build(undated);
    CHECK(no_date.get_value(schema::kDateSlot).empty());
    // Shown is a date searched by, never a field that holds none: the text's date, or nothing.
    CHECK(telusur::decode_stored_article(no_date.get_data()).date.empty());
    undated.body = "JAKARTA, Rabu (20/11/2024) - " + undated.body;
    const auto text_dated = telusur::decode_stored_article(builder.build(undated).get_data());
    CHECK(text_dated.date == "2024-11-20");
    CHECK(text_dated.date_origin == "text");
}

TEST_CASE("DocumentBuilder rejects an id too long for a Xapian term") {
    DocumentBuilder builder(stopwords());
    auto article = sample();
    article.id = std::string(241, 'x');
    article.origin_file = "feed.jsonl";
    article.origin_line = 9;
    try {
        builder.build(article);
        FAIL("no InputError");
    } catch (const telusur::InputError& e) {
        CHECK(e.file() == "feed.jsonl");
        CHECK(e.line() == 9);
    }
    article.id = std::string(240, 'x');
    CHECK_NOTHROW(builder.build(article));
}

TEST_CASE("DocumentBuilder fingerprints long bodies only") {
    DocumentBuilder builder(stopwords());
    auto article = sample();
    CHECK(builder.build(article).get_value(schema::kSignatureSlot).empty());
    article.body.clear();
    for (int i = 0; i < 40; ++i) article.body += "kata" + std::string(1, static_cast<char>('a' + i % 26)) + " ";
    const auto doc = builder.build(article);
    CHECK(doc.get_value(schema::kSignatureSlot).size() == telusur::kMinHashCount * 8);
    int bands = 0;
    for (const auto& [term, info] : terms_of(doc)) bands += term.starts_with(schema::kSignatureBandPrefix) ? 1 : 0;
    CHECK(bands == 16);
}

TEST_CASE("DocumentBuilder records the stemmer it uses") {
    DocumentBuilder builder(stopwords());
    CHECK(builder.stemmer_description().find("snowball-indonesian") != std::string::npos);
}

TEST_CASE("content_hash is stable and changes with any field and with the data") {
    const auto article = sample();
    const auto hash = telusur::content_hash(article, "data-1");
    CHECK(hash == telusur::content_hash(sample(), "data-1"));
    CHECK(telusur::content_hash(article, "data-2") != hash);
    auto changed = article;
    changed.body += " Lagi.";
    CHECK(telusur::content_hash(changed, "data-1") != hash);
    changed = article;
    changed.title = "Judul lain";
    CHECK(telusur::content_hash(changed, "data-1") != hash);
    changed = article;
    changed.date = "2024-11-05";
    CHECK(telusur::content_hash(changed, "data-1") != hash);

    Article ab, a_b;  // moving text between fields changes the hash
    ab.title = "ab";
    ab.body = "c";
    a_b.title = "a";
    a_b.body = "bc";
    CHECK(telusur::content_hash(ab, "") != telusur::content_hash(a_b, ""));
}

TEST_CASE("DocumentBuilder marks each document with its stemmer and hashes the stemmer with the article") {
    // A document another stemmer built must not pass for unchanged, and must be countable.
    DocumentBuilder snowball(stopwords());
    DocumentBuilder english(stopwords(), Xapian::Stem("english"));
    const auto terms = terms_of(snowball.build(sample()));
    CHECK(terms.count(schema::stemmer_term(snowball.stemmer_description())) == 1);
    CHECK(terms.count(schema::stemmer_term(english.stemmer_description())) == 0);
    CHECK(terms_of(english.build(sample())).count(schema::stemmer_term(english.stemmer_description())) == 1);
    CHECK(snowball.content_hash(sample()) != english.content_hash(sample()));
    CHECK(snowball.content_hash(sample()) == DocumentBuilder(stopwords()).content_hash(sample()));
}

TEST_CASE("sortable_date turns a date starting YYYY-MM-DD into YYYYMMDD") {
    CHECK(telusur::sortable_date("2024-11-04T10:00:00+07:00") == "20241104");
    CHECK(telusur::sortable_date("2024-11-04") == "20241104");
    CHECK(telusur::sortable_date("1999-01-31 23:59") == "19990131");
}

TEST_CASE("sortable_date returns empty for anything else") {
    for (const char* bad : {"", "2024", "2024-11-4", "2024/11/04", "04-11-2024", "2024-1x-04", "abcd-ef-gh",
                            "Senin, 4 November 2024", "2024-11-0"}) {
        CAPTURE(bad);
        CHECK(telusur::sortable_date(bad).empty());
    }
}
