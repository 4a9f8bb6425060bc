// Searcher: two-tier BM25 over a small database built with the real indexing classes.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <unistd.h>
#include <vector>

#include "telusur/search/searcher.h"

#include "searcher_fixture.h"

namespace fs = std::filesystem;
using telusur::SearchRequest;
using telusur::Searcher;
using telusur::test::article;
using telusur::test::data;
using telusur::test::Fixture;
using telusur::test::five_articles;
using telusur::test::id_set;
using telusur::test::ids;
using telusur::test::search;


TEST_CASE("Searcher ranks documents with every query word above those missing one") {
    Fixture f;
    Searcher searcher(f.dir / "db", data());
    // "two-words" says tentara far more often, but lacks rudal: it must still come after all-three.
    const auto results = search(searcher, "tentara rudal");
    const auto found = ids(results);
    REQUIRE(found.size() == 3);
    CHECK(found[0] == "all-three");
    CHECK(std::set<std::string>(found.begin() + 1, found.end()) == std::set<std::string>{"two-words", "only-korut"});
    CHECK(results.estimated_total == 3);
    for (std::size_t i = 0; i < results.hits.size(); ++i) CHECK(results.hits[i].rank == i + 1);
}

TEST_CASE("Searcher pages through both tiers with consecutive ranks") {
    Fixture f;
    Searcher searcher(f.dir / "db", data());
    const auto all = ids(search(searcher, "tentara rudal"));
    REQUIRE(all.size() == 3);
    for (std::size_t offset = 0; offset < all.size(); ++offset) {
        CAPTURE(offset);
        const auto page = search(searcher, "tentara rudal", offset, 1);
        REQUIRE(page.hits.size() == 1);
        CHECK(page.hits[0].rank == offset + 1);
        CHECK(page.hits[0].article.id == all[offset]);
        CHECK(page.estimated_total == 3);
    }
    const auto two = search(searcher, "tentara rudal", 1, 2);
    CHECK(ids(two) == std::vector<std::string>{all[1], all[2]});
    CHECK(two.hits.at(0).rank == 2);
    CHECK(two.hits.at(1).rank == 3);
    CHECK(search(searcher, "tentara rudal", 3, 10).hits.empty());
}

/// Flood articles: with three query words, one holds two of them and one holds a single rare
/// word many times, which plain BM25 ranks higher.
std::vector<telusur::Article> flood_articles() {
    return {
        article("two-of-three", "Warga mengungsi", "Warga pesisir mengungsi karena banjir kemarin.", "Kabar Uji"),
        article("one-word-often", "Air naik", "Rob rob rob. Air rob naik lagi, rob setinggi lutut.", "Kabar Uji"),
        article("other-flood", "Kiriman dari hulu", "Banjir kiriman datang dari hulu sungai.", "Kabar Uji"),
        article("unrelated", "Harga cabai turun", "Harga cabai di pasar tradisional turun tajam.", "Kabar Uji"),
    };
}

TEST_CASE("Searcher ranks documents missing one of three words above those missing two") {
    Fixture f(flood_articles());
    Searcher searcher(f.dir / "db", data());
    const auto results = search(searcher, "banjir rob pesisir");
    CHECK(ids(results) == std::vector<std::string>{"two-of-three", "one-word-often", "other-flood"});
    CHECK(results.estimated_total == 3);
    // Plain BM25 puts the rare word's article first: the tier is what orders them.
    SearchRequest single;
    single.query = "banjir OR rob OR pesisir";
    CHECK(ids(searcher.search(single)).front() == "one-word-often");
}

TEST_CASE("Searcher pages through three tiers with consecutive ranks and one total") {
    Fixture f(flood_articles());
    Searcher searcher(f.dir / "db", data());
    const auto all = ids(search(searcher, "banjir rob pesisir"));
    REQUIRE(all.size() == 3);
    for (std::size_t offset = 0; offset <= all.size(); ++offset) {
        CAPTURE(offset);
        const auto page = search(searcher, "banjir rob pesisir", offset, 1);
        CHECK(page.estimated_total == 3);
        if (offset == all.size()) {
            CHECK(page.hits.empty());
            continue;
        }
        REQUIRE(page.hits.size() == 1);
        CHECK(page.hits[0].rank == offset + 1);
        CHECK(page.hits[0].article.id == all[offset]);
    }
    CHECK(ids(search(searcher, "banjir rob pesisir", 1, 5)) == std::vector<std::string>{all[1], all[2]});
    SearchRequest counting;
    counting.query = "banjir rob pesisir";
    CHECK(searcher.count(counting) == 3);
}

TEST_CASE("Searcher expands aliases: Korut finds Korea Utara and the other way round") {
    Fixture f;
    Searcher searcher(f.dir / "db", data());
    const auto korut = search(searcher, "Korut");
    CHECK(id_set(korut) == std::set<std::string>{"all-three", "only-korut"});  // all-three says only "Korea Utara"
    CHECK(korut.expanded_query.find("\"Korea Utara\"") != std::string::npos);
    CHECK(id_set(search(searcher, "Korea Utara")) == std::set<std::string>{"all-three", "only-korut"});
    CHECK(ids(search(searcher, "Kiev")) == std::vector<std::string>{"kyiv"});
    CHECK(id_set(search(searcher, "#Korut")) == std::set<std::string>{"all-three", "only-korut"});  // pasted hashtag
}

TEST_CASE("Searcher: a query that only excludes finds every other document, never the excluded") {
    // Xapian cannot parse "-rudal" alone and read it again without operators: it found rudal.
    Fixture f;
    Searcher searcher(f.dir / "db", data());
    CHECK(id_set(search(searcher, "-rudal")) == std::set<std::string>{"two-words", "kyiv", "unrelated"});
    CHECK(id_set(search(searcher, "-Korut")) == std::set<std::string>{"two-words", "kyiv", "unrelated"});
    CHECK(id_set(search(searcher, "NOT Korut")) == std::set<std::string>{"two-words", "kyiv", "unrelated"});
    CHECK(id_set(search(searcher, "-rudal -drone")) == std::set<std::string>{"two-words", "unrelated"});
    CHECK(id_set(search(searcher, "-\"Korea Utara\" -cabai")) ==
          std::set<std::string>{"two-words", "only-korut", "kyiv"});
    CHECK(id_set(search(searcher, "tentara -rudal")) == std::set<std::string>{"two-words"});
    // NOT before a bracket of words excludes any of them, as -rudal -drone does, in the list
    // and in the count alike (read with AND, the first tier excluded only the articles with both).
    CHECK(id_set(search(searcher, "NOT (rudal drone)")) == std::set<std::string>{"two-words", "unrelated"});
    SearchRequest counted;
    counted.query = "NOT (rudal drone)";
    CHECK(searcher.count(counted) == 2);
}

TEST_CASE("Searcher matches other inflections of a word through its stem") {
    Fixture f;
    Searcher searcher(f.dir / "db", data());
    // "pengujian" never occurs, but it stems like "menguji".
    CHECK(id_set(search(searcher, "pengujian")) == std::set<std::string>{"all-three", "only-korut"});
}

TEST_CASE("Searcher matches a reduplicated word through its stem, the form typed first") {
    // anak-anak was a phrase: it missed anak-anaknya ("her children") and a lone "anak".
    Fixture f({article("possessive", "Pagi hari", "Ibu itu mengantar anak-anaknya ke sekolah.", "Kabar Uji"),
               article("typed", "Libur", "Anak-anak bermain di taman kota.", "Kabar Uji"),
               article("single", "Sekolah", "Seorang anak tersesat di pasar.", "Kabar Uji"),
               article("other", "Pasar", "Harga cabai turun di pasar.", "Kabar Uji")});
    Searcher searcher(f.dir / "db", data());
    const auto found = ids(search(searcher, "anak-anak"));
    REQUIRE(found.size() == 3);
    CHECK(found.front() == "typed");
    CHECK(id_set(search(searcher, "\"anak-anak\"")) == std::set<std::string>{"typed"});  // quoted: the phrase
    CHECK(id_set(search(searcher, "pasar -anak-anak")) == std::set<std::string>{"other"});
}

TEST_CASE("Searcher finds a word that an article has only inside a name") {
    // Capitalised mid-sentence, "Pertimbangan" is part of a name and indexed whole; the query
    // word stems to "timbang" and must still find it, with every word in the first tier.
    Fixture f({article("name", "Pelantikan di istana", "Ia kini anggota Dewan Pertimbangan Presiden yang baru.", "Kabar Uji"),
               article("presiden", "Presiden berpidato", "Presiden berpidato di depan warga.", "Kabar Uji")});
    const Xapian::Database db((f.dir / "db").string());
    REQUIRE(db.term_exists("Zpertimbangan"));
    REQUIRE_FALSE(db.term_exists("Ztimbang"));
    Searcher searcher(f.dir / "db", data());
    CHECK(ids(search(searcher, "pertimbangan")) == std::vector<std::string>{"name"});
    CHECK(ids(search(searcher, "pertimbangan presiden")) == std::vector<std::string>{"name", "presiden"});

    // --explain shows the word once, as its stem, and the matches add up to the score.
    SearchRequest request;
    request.query = "pertimbangan presiden";
    request.explain = true;
    const auto explained = searcher.search(request);
    REQUIRE_FALSE(explained.hits.empty());
    const auto& hit = explained.hits.front();
    double sum = 0;
    int timbang = 0;
    for (const auto& match : hit.matches) {
        sum += match.weight;
        timbang += match.term == "Ztimbang";
        CHECK(match.term != "Zpertimbangan");
    }
    CHECK(timbang == 1);
    CHECK(sum == doctest::Approx(hit.score).epsilon(1e-6));
}

TEST_CASE("Searcher ranks the forms typed above other forms of the same stems") {
    // Both have every word through their stems, and "stems" says them more often in fewer
    // words, so BM25 on stems alone ranks it first; "exact" uses the very form typed.
    Fixture f({article("exact", "Kabar kota",
                       "Polisi melakukan penangkapan terhadap seorang koruptor di pusat kota itu pada Senin sore.",
                       "Kabar Uji"),
               article("stems", "Kabar kota", "Koruptor ditangkap. Koruptor itu ditangkap lagi.", "Kabar Uji")});
    Searcher searcher(f.dir / "db", data());
    CHECK(ids(search(searcher, "penangkapan koruptor")) == std::vector<std::string>{"exact", "stems"});
    CHECK(ids(search(searcher, "ditangkap koruptor")) == std::vector<std::string>{"stems", "exact"});
    CHECK(ids(search(searcher, "penangkapan")) == std::vector<std::string>{"exact", "stems"});
}

TEST_CASE("Searcher filters by title and by source") {
    Fixture f;
    Searcher searcher(f.dir / "db", data());
    CHECK(id_set(search(searcher, "title:korut")) == std::set<std::string>{"only-korut"});
    CHECK(id_set(search(searcher, "rudal source:\"Warta Dunia\"")) == std::set<std::string>{"only-korut"});
    SearchRequest rudal;
    rudal.query = "rudal";
    CHECK(searcher.count(rudal) == 2);
}

TEST_CASE("Searcher highlights the matched words in snippets") {
    Fixture f;
    Searcher searcher(f.dir / "db", data());
    const auto results = search(searcher, "rudal");
    REQUIRE_FALSE(results.hits.empty());
    for (const auto& hit : results.hits) {
        CAPTURE(hit.article.id);
        std::vector<std::string> marked;
        for (const auto& part : hit.snippet)
            if (part.highlighted) marked.push_back(part.text);
        REQUIRE_FALSE(marked.empty());
        for (const auto& word : marked) CHECK(word == "rudal");
    }
}

TEST_CASE("Searcher highlights a phrase's words only where the phrase is, aliases' phrases too") {
    Fixture f({article("korea", "Dua Korea",
                       "Korea Selatan siaga. Korea Utara menembakkan rudal ke arah Korea Selatan.", "Kabar Uji")});
    Searcher searcher(f.dir / "db", data());
    const auto marked = [&](const std::string& query) {
        const auto results = search(searcher, query);
        REQUIRE(results.hits.size() == 1);
        return telusur::render_snippet(results.hits[0].snippet, "[", "]");
    };
    const std::string expected = "Korea Selatan siaga. [Korea] [Utara] menembakkan rudal ke arah Korea Selatan.";
    CHECK(marked("Korut") == expected);  // searched as ("Korea Utara" OR Korut)
    CHECK(marked("\"Korea Utara\"") == expected);
    // Asked for on its own as well, "Korea" matches everywhere.
    CHECK(marked("korea \"korea utara\"") == "[Korea] Selatan siaga. [Korea] [Utara] menembakkan rudal ke arah [Korea] Selatan.");
}

TEST_CASE("Searcher's snippet prefers the passage with the form typed") {
    const std::string filler(400, ' ');
    Fixture f({article("far", "Kabar kota",
                       "Polisi menyebut tersangka ditangkap di rumahnya." + filler +
                           "Dua hari kemudian warga menyaksikan penangkapan kedua di pasar.",
                       "Kabar Uji")});
    Searcher searcher(f.dir / "db", data());
    const auto marked = [&](const std::string& query) {
        const auto results = search(searcher, query);
        REQUIRE(results.hits.size() == 1);
        std::vector<std::string> words;
        for (const auto& part : results.hits[0].snippet)
            if (part.highlighted) words.push_back(part.text);
        return words;
    };
    CHECK(marked("penangkapan") == std::vector<std::string>{"penangkapan"});
    CHECK(marked("ditangkap") == std::vector<std::string>{"ditangkap"});
}

TEST_CASE("Searcher matches a word written with * as a prefix, highlights and explains it") {
    Fixture f({article("kebakaran", "Kebakaran pasar", "Kebakaran melanda pasar. Petugas memadamkan kebakaran itu.", "Kabar Uji"),
               article("membakar", "Warga membakar sampah", "Warga membakar sampah di lahan kosong.", "Kabar Uji"),
               article("cabai", "Harga cabai turun", "Harga cabai di pasar turun tajam.", "Kabar Uji")});
    Searcher searcher(f.dir / "db", data());
    CHECK(id_set(search(searcher, "kebakaran")) == std::set<std::string>{"kebakaran", "membakar"});  // stem bakar
    SearchRequest request;
    request.query = "kebakar*";
    request.explain = true;
    const auto results = searcher.search(request);
    REQUIRE(ids(results) == std::vector<std::string>{"kebakaran"});
    std::vector<std::string> marked;
    for (const auto& part : results.hits[0].snippet)
        if (part.highlighted) marked.push_back(part.text);
    CHECK(marked == std::vector<std::string>{"Kebakaran", "kebakaran"});
    const auto& matches = results.hits[0].matches;
    REQUIRE(matches.size() == 1);
    CHECK(matches[0].field == "prefix");
    CHECK(matches[0].word == "kebakar*");
    CHECK(matches[0].weight > 0);
    // A stopword as a prefix is a prefix: "ke*" finds "kebakaran", not "query has only stopwords".
    CHECK(id_set(search(searcher, "ke*")) == std::set<std::string>{"kebakaran"});
    CHECK_THROWS_WITH_AS(search(searcher, "\"kebakaran pas*\""), "'pas*': a wildcard cannot be part of a phrase",
                         telusur::QueryError);
    CHECK_THROWS_WITH_AS(search(searcher, "kebakar* NEAR pasar"), "'kebakar*': a wildcard cannot be used with NEAR or ADJ",
                         telusur::QueryError);
}

TEST_CASE("Searcher returns stored fields and BM25 scores") {
    Fixture f;
    Searcher searcher(f.dir / "db", data());
    const auto results = search(searcher, "cabai");
    REQUIRE(results.hits.size() == 1);
    const auto& hit = results.hits[0];
    CHECK(hit.article.title == "Harga cabai turun");
    CHECK(hit.article.source == "Kabar Uji");
    CHECK(hit.article.date == "2024-11-04");
    CHECK(hit.score > 0);
    CHECK(results.query == "cabai");
}

TEST_CASE("Searcher rejects an empty query with QueryError") {
    Fixture f;
    Searcher searcher(f.dir / "db", data());
    CHECK_THROWS_AS(search(searcher, ""), telusur::QueryError);
    CHECK_THROWS_AS(search(searcher, "  \t "), telusur::QueryError);
    CHECK_THROWS_AS(search(searcher, "?!"), telusur::QueryError);
}

TEST_CASE("Searcher rejects a query of only stopwords, unless quoted") {
    Fixture f;
    Searcher searcher(f.dir / "db", data());
    CHECK_THROWS_WITH_AS(search(searcher, "yang dan di"), doctest::Contains("stopwords"), telusur::QueryError);
    CHECK_NOTHROW(search(searcher, "\"dan di\""));
    // A stopword kept by +, - or a field is searched as the word, alone too.
    CHECK(search(searcher, "+dan").estimated_total == 1);  // all-three: "Tentara dan rudal"
    CHECK_NOTHROW(search(searcher, "title:dan"));
    CHECK_NOTHROW(search(searcher, "-dan"));
}

TEST_CASE("Searcher rejects a query longer than kMaxQueryBytes") {
    Fixture f;
    Searcher searcher(f.dir / "db", data());
    CHECK_THROWS_AS(search(searcher, std::string(telusur::kMaxQueryBytes + 1, 'a')), telusur::QueryError);
}

TEST_CASE("Searcher refuses a path that holds no telusur database") {
    const auto missing = fs::temp_directory_path() / ("telusur-unit-no-db-" + std::to_string(::getpid()));
    fs::remove_all(missing);
    CHECK_THROWS_AS(Searcher(missing, data()), telusur::Error);

    Fixture f;
    {
        Xapian::WritableDatabase plain((f.dir / "plain").string(), Xapian::DB_CREATE_OR_OPEN);
        plain.add_document(Xapian::Document());
        plain.commit();
    }
    CHECK_THROWS_WITH_AS(Searcher(f.dir / "plain", data()), doctest::Contains("not a telusur database"),
                         telusur::Error);

    std::ofstream(f.dir / "berita.txt") << "Judul\n\nIsi.\n";  // an article given as --db by mistake
    CHECK_THROWS_WITH_AS(Searcher(f.dir / "berita.txt", data()),
                         ("'" + (f.dir / "berita.txt").string() + "' is a file; --db names a database folder").c_str(),
                         telusur::Error);
}

TEST_CASE("Searcher finds a stopword forced with + or excluded with -") {
    Fixture f;
    Searcher searcher(f.dir / "db", data());
    CHECK(ids(search(searcher, "+di +cabai")) == std::vector<std::string>{"unrelated"});
    CHECK(search(searcher, "+dan +tentara").estimated_total == 1);  // all-three: "Tentara dan rudal"
    CHECK(id_set(search(searcher, "tentara -dan")) == std::set<std::string>{"two-words"});
}
