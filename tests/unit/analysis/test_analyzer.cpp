// Analyzer: tokenizer → normaliser → stopwords → stemmer, one AnalyzedToken per token.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "telusur/analysis/analyzer.h"
#include "telusur/analysis/snowball_stemmer.h"
#include "telusur/analysis/stemmer/indonesian_stemmer.h"

using telusur::Analyzer;
using telusur::StopwordList;
using telusur::TokenKind;

namespace {

const StopwordList& stopwords() {
    static const auto list = StopwordList::from_text("di\nyang\ndan\n");
    return list;
}

}  // namespace

TEST_CASE("Analyzer normalises and stems each token, keeping the surface token") {
    Analyzer analyzer(stopwords());
    telusur::SnowballStemmer stem;
    const auto tokens = analyzer.analyze("Tentara MENGUJI rudal");
    REQUIRE(tokens.size() == 3);
    CHECK(tokens[0].token.text == "Tentara");
    CHECK(tokens[0].token.start == 0);
    CHECK(tokens[0].normalized == "tentara");
    CHECK(tokens[0].parts == std::vector<std::string>{"tentara"});
    CHECK(tokens[0].stems == std::vector<std::string>{stem("tentara")});
    CHECK(tokens[1].normalized == "menguji");
    CHECK(tokens[1].stems == std::vector<std::string>{"uji"});
    CHECK(tokens[2].token.position == 2);
    for (const auto& t : tokens) CHECK_FALSE(t.stopword);
}

TEST_CASE("Analyzer flags stopwords, after normalisation, and gives them no stems") {
    Analyzer analyzer(stopwords());
    const auto tokens = analyzer.analyze("Tentara DI perbatasan yang");
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[1].stopword);
    CHECK(tokens[1].normalized == "di");
    CHECK(tokens[1].parts == std::vector<std::string>{"di"});  // still indexed with a position
    CHECK(tokens[1].stems.empty());
    CHECK(tokens[3].stopword);
    CHECK(tokens[3].stems.empty());
    CHECK_FALSE(tokens[2].stopword);
    CHECK(tokens[2].stems == std::vector<std::string>{"batas"});
}

TEST_CASE("Analyzer gives one stem per part of a compound token") {
    Analyzer analyzer(stopwords());
    const auto tokens = analyzer.analyze("anak-anak 4/11/2024 11.000 https://a.id/berita");
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[0].parts == std::vector<std::string>{"anak", "anak"});
    CHECK(tokens[1].parts == std::vector<std::string>{"4", "11", "2024"});
    CHECK(tokens[1].token.kind == TokenKind::Number);
    CHECK(tokens[1].stems == tokens[1].parts);  // numbers are not stemmed
    CHECK(tokens[2].parts == std::vector<std::string>{"11.000"});
    CHECK(tokens[3].token.kind == TokenKind::Url);
    CHECK(tokens[3].parts == std::vector<std::string>{"https", "a", "id", "berita"});
    for (const auto& t : tokens) {
        CAPTURE(t.token.text);
        CHECK(t.stems.size() == t.parts.size());
    }
}

TEST_CASE("Analyzer gives a word listed whole its one stem for every part, capitalised or not") {
    const auto data = telusur::StemmerData::load(TELUSUR_STEMMER_DATA_DIR);
    Analyzer analyzer(stopwords(), data.make_xapian_stem(), data.stemmer());
    const auto tokens = analyzer.analyze("DPR mengesahkan undang-undang itu, sesuai Undang-Undang Dasar dan anak-anak",
                                         telusur::NameProtection::CapitalisedMidSentence);
    REQUIRE(tokens.size() == 9);
    CHECK(tokens[2].parts == std::vector<std::string>{"undang", "undang"});
    CHECK(tokens[2].stems == std::vector<std::string>{"undang-undang", "undang-undang"});
    CHECK(tokens[5].protected_name);
    CHECK(tokens[5].stems == std::vector<std::string>{"undang-undang", "undang-undang"});
    CHECK(tokens[8].stems == std::vector<std::string>{"anak", "anak"});  // a plural: its base
    // Without the list, each part alone.
    Analyzer part_by_part(stopwords(), data.make_xapian_stem());
    CHECK(part_by_part.analyze("undang-undang")[0].stems == std::vector<std::string>{"undang", "undang"});
}

TEST_CASE("Analyzer returns no tokens for empty text") {
    Analyzer analyzer(stopwords());
    CHECK(analyzer.analyze("").empty());
    CHECK(analyzer.analyze(" — ").empty());
}

TEST_CASE("Analyzer uses telusur's stemmer unless given another") {
    Analyzer by_default(stopwords());
    CHECK(by_default.stemmer().get_description().find("snowball-indonesian") != std::string::npos);

    Analyzer english(stopwords(), Xapian::Stem("english"));
    CHECK(english.stemmer().get_description().find("english") != std::string::npos);
    const auto tokens = english.analyze("running");
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].stems == std::vector<std::string>{"run"});
}
