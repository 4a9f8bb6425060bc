// End-to-end tests of telusur's own Indonesian stemming through the real binaries.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "cli_fixture.h"

namespace telusur::e2e {

namespace {

using nlohmann::json;


std::vector<std::string> ids(const std::string& db, const std::string& q) {
    const auto run = query(db, {"--ids", "--limit", "50", q});
    std::vector<std::string> out;
    std::size_t start = 0;
    for (auto end = run.out.find('\n'); end != std::string::npos; start = end + 1, end = run.out.find('\n', start))
        out.push_back(run.out.substr(start, end - start));
    return out;
}

/// Copies stemmer-data into `tmp`/data, indexes corpus/ with it into `tmp`/db, and returns the
/// copy's folder, for a test to edit.
std::string index_with_own_data(const TempDir& tmp) {
    const auto data = tmp / "data";
    std::filesystem::copy(kCorpusDir + "/../stemmer-data", data, std::filesystem::copy_options::recursive);
    REQUIRE(index_into(tmp / "db", {"--data-dir", data, kCorpusDir}).exit_code == 0);
    return data;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

const std::string kArrest = "berita/2024-11-surabaya-curanmor.txt";  // says only "ditangkap"/"menangkap"
const std::string kFlood = "berita/2024-11-banjir-kota-bekasi.txt";  // "Bekasi", never "bekas"
const std::string kThrift = "berita/2024-12-pasar-pakaian-bekas.txt";  // "bekas", never "Bekasi"

}  // namespace

TEST_CASE("penangkapan finds the article that only says ditangkap, and highlights it") {
    const auto found = ids(corpus_db(), "penangkapan");
    REQUIRE_FALSE(found.empty());
    CHECK(found[0] == kArrest);
    const auto result = json::parse(query(corpus_db(), {"--format", "json", "--limit", "1", "penangkapan"}).out);
    CHECK(result.at("hits")[0].at("snippet").get<std::string>().find("**ditangkap**") != std::string::npos);
}

TEST_CASE("Bekasi does not match bekas, nor bekas Bekasi") {
    const auto bekasi = ids(corpus_db(), "Bekasi");
    CHECK(contains(bekasi, kFlood));
    CHECK_FALSE(contains(bekasi, kThrift));
    const auto lower = ids(corpus_db(), "bekasi");
    CHECK_FALSE(contains(lower, kThrift));
    const auto bekas = ids(corpus_db(), "bekas");
    CHECK(contains(bekas, kThrift));
    CHECK_FALSE(contains(bekas, kFlood));
}

TEST_CASE("A reduplication that is a word of its own matches only itself: a law is no invitation") {
    TempDir tmp;
    write_file(tmp / "a.jsonl",
               R"({"id":"law","title":"DPR mengesahkan revisi","body":"Revisi undang-undang itu disahkan DPR kemarin. Peraturan perundang-undangan lain menyusul."})"
               "\n"
               R"({"id":"party","title":"Pesta pernikahan artis","body":"Ribuan tamu diundang ke pesta itu. Undangan dikirim sebulan sebelumnya."})"
               "\n"
               R"({"id":"flat","title":"Jalan desa","body":"Jalan desa kini rata dan mulus setelah diaspal."})"
               "\n"
               R"({"id":"average","title":"Harga cabai","body":"Harga cabai rata-rata naik sepuluh persen pekan ini."})"
               "\n");
    const auto db = tmp / "db";
    REQUIRE(index_into(db, {tmp / "a.jsonl"}).exit_code == 0);
    CHECK(ids(db, "undangan") == std::vector<std::string>{"party"});
    CHECK(ids(db, "undang-undang") == std::vector<std::string>{"law"});
    CHECK(ids(db, "perundang-undangan") == std::vector<std::string>{"law"});
    CHECK(ids(db, "rata") == std::vector<std::string>{"flat"});
    CHECK(ids(db, "rata-rata") == std::vector<std::string>{"average"});
    CHECK(ids(db, "pesta OR revisi -undang-undang") == std::vector<std::string>{"party"});
    // The abbreviation, in capitals, searches the law too (stemmer-data/aliases.tsv).
    CHECK(ids(db, "UU") == std::vector<std::string>{"law"});
    CHECK(ids(db, "uu").empty());
    const auto law = json::parse(query(db, {"--format", "json", "undang-undang"}).out);
    const auto snippet = law.at("hits")[0].at("snippet").get<std::string>();
    CHECK(snippet.find("**undang**-**undang**") != std::string::npos);
    CHECK(snippet.find("**perundang**-**undangan**") != std::string::npos);
    const auto analyzed = run_process({kQueryBin, "--analyze", "Revisi Undang-Undang"});
    CHECK(analyzed.out.find("Undang-Undang\tundang-undang\tundang-undang undang-undang\texception") != std::string::npos);
    const auto stems = run_process({kQueryBin, "--stem"}, "perundang-undangan\nanak-anak\n");
    CHECK(stems.out == "perundang-undangan\tundang-undang\nanak-anak\tanak\n");
}

TEST_CASE("--stem reads words on stdin and prints word<TAB>stem, nothing else") {
    const auto run = run_process({kQueryBin, "--stem"}, "penangkapan\nberikan\npenyelidikan\nBekasi\nanak-anak\n2024\n\n");
    CHECK(run.exit_code == 0);
    CHECK(run.out == "penangkapan\ttangkap\nberikan\tberi\npenyelidikan\tselidik\nBekasi\tbekasi\nanak-anak\tanak\n"
                     "2024\t2024\n\t\n");
    CHECK(run.err.empty());
    // Spaces around a word (pasted from a column) are not part of it; the line is echoed as given.
    const auto spaced = run_process({kQueryBin, "--stem"}, "  penangkapan \n\tberikan\n   \n");
    CHECK(spaced.out == "  penangkapan \ttangkap\n\tberikan\tberi\n   \t\n");
}

TEST_CASE("--analyze shows token, normalised form, stem and why") {
    const auto text = run_process({kQueryBin, "--analyze", "Polisi menangkap pencuri di Bekasi."});
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("menangkap\tmenangkap\ttangkap\tdictionary") != std::string::npos);
    CHECK(text.out.find("di\tdi\t-\tstopword") != std::string::npos);
    CHECK(text.out.find("Bekasi\tbekasi\tbekasi\tname") != std::string::npos);
    // A word over 64 bytes is never indexed, so never found: said so, not passed for a word.
    const std::string long_word(65, 'b');
    const auto too_long = run_process({kQueryBin, "--analyze", "kata " + long_word + " " + long_word.substr(1)}).out;
    CHECK(too_long.find(long_word + "\ttoo-long\n") != std::string::npos);
    CHECK(too_long.find("\t" + long_word.substr(1) + "\tfallback\n") != std::string::npos);
    const auto as_json = json::parse(run_process({kQueryBin, "--format", "json", "--analyze", "Anak-anak bermain"}).out);
    REQUIRE(as_json.size() == 2);
    CHECK(as_json[0].at("token") == "Anak-anak");
    CHECK(as_json[0].at("start") == 0);
    CHECK(as_json[0].at("end") == 9);
    CHECK(as_json[1].at("stem") == "main");
}

TEST_CASE("--stem gives back a line that is not UTF-8 unchanged, and says so: --analyze refuses it") {
    const auto run = run_process({kQueryBin, "--stem"}, "menangkap\ncaf\xE9\nMENANGKAP\n");
    CHECK(run.exit_code == 0);
    CHECK(run.out == "menangkap\ttangkap\ncaf\xE9\tcaf\xE9\nMENANGKAP\ttangkap\n");  // one output line per input line
    CHECK(run.err == "telusur-query: stdin:2: invalid UTF-8 at byte 4: left unchanged\n");
    const auto analyze = run_process({kQueryBin, "--analyze", "Kota caf\xE9"});
    CHECK(analyze.exit_code == 2);
    CHECK(analyze.out.empty());
    CHECK(analyze.err == "telusur-query: the text is not valid UTF-8 (byte 9 of 9)\n");
}

TEST_CASE("an index built with another stemmer is refused with advice to re-index") {
    TempDir tmp;
    // Simulate an index from an older telusur: same schema, another stemmer recorded.
    REQUIRE(index_into(tmp / "db", {kCorpusDir}).exit_code == 0);
    {
        Xapian::WritableDatabase db(tmp / "db");
        db.set_metadata("telusur.stemmer", "Xapian::Stem(snowball-indonesian)");
        db.commit();
    }
    const auto run = query(tmp / "db", {"Kursk"});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("re-index") != std::string::npos);
}

TEST_CASE("an edit of stemmer-data makes the index stale: queries refuse it, re-indexing rebuilds it") {
    TempDir tmp;
    const auto data = index_with_own_data(tmp);
    const auto built_with = Xapian::Database(tmp / "db").get_metadata("telusur.stemmer");
    CHECK_FALSE(Xapian::Database(tmp / "db").term_exists("Zditangkap"));  // stemmed to tangkap

    // A comment changes no stem: the index stays good.
    std::ofstream(data + "/protected-words.txt", std::ios::app) << "# a note of the newsroom\n";
    CHECK(query(tmp / "db", {"--data-dir", data, "--count", "penangkapan"}).exit_code == 0);

    // An exception does: queries would stem "ditangkap" otherwise than the index did.
    std::ofstream(data + "/stem-exceptions.tsv", std::ios::app) << "ditangkap\tditangkap\n";
    const auto stale = query(tmp / "db", {"--data-dir", data, "Kursk"});
    CHECK(stale.exit_code == 2);
    CHECK(stale.err.find("re-index") != std::string::npos);

    // Re-indexing the same, unchanged articles rebuilds them with the new stems.
    REQUIRE(index_into(tmp / "db", {"--data-dir", data, kCorpusDir}).exit_code == 0);
    const Xapian::Database rebuilt(tmp / "db");
    CHECK(rebuilt.get_metadata("telusur.stemmer") != built_with);
    CHECK(rebuilt.term_exists("Zditangkap"));
    CHECK(query(tmp / "db", {"--data-dir", data, "--count", "ditangkap"}).exit_code == 0);
}

TEST_CASE("a run after an edit of stemmer-data that reads only new articles leaves the old ones to rebuild, and says so") {
    // The old documents were skipped as unchanged and searched with stems they do not have.
    TempDir tmp;
    const auto data = index_with_own_data(tmp);
    const auto old_documents = document_count(tmp / "db");
    std::ofstream(data + "/stem-exceptions.tsv", std::ios::app) << "ditangkap\tditangkap\n";
    write_file(tmp / "today.jsonl", R"({"id": "hari-ini", "body": "Polisi menangkap dua orang."})" "\n");

    const auto today = index_into(tmp / "db", {"--data-dir", data, "-q", tmp / "today.jsonl"});
    CHECK(today.exit_code == 0);
    CHECK(today.err == "telusur-index: " + std::to_string(old_documents) + " of the " +
                           std::to_string(old_documents + 1) +
                           " documents were built with other stemmer-data or by an older telusur: index their articles "
                           "again (telusur-query refuses the database until then)\n");
    const auto refused = query(tmp / "db", {"--data-dir", data, "--count", "ditangkap"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find(std::to_string(old_documents) + " of its " + std::to_string(old_documents + 1) +
                           " documents were built with other stemmer-data") != std::string::npos);

    const auto again = index_into(tmp / "db", {"--data-dir", data, kCorpusDir});
    CHECK(again.exit_code == 0);
    CHECK(again.err.find("replaced " + std::to_string(old_documents) + "), unchanged 0") != std::string::npos);
    CHECK(again.err.find("other stemmer-data") == std::string::npos);
    CHECK(Xapian::Database(tmp / "db").term_exists("Zditangkap"));
    CHECK(query(tmp / "db", {"--data-dir", data, "--count", "ditangkap"}).exit_code == 0);
}

TEST_CASE("an edit of the stopwords, aliases or gazetteers rebuilds the articles indexed again") {
    // They change the document (stems of stopwords, entity terms), so no article is unchanged.
    TempDir tmp;
    const auto data = index_with_own_data(tmp);
    const auto count = std::to_string(document_count(tmp / "db"));
    for (const std::string file : {"stopwords.txt", "aliases.tsv", "gazetteers/places.tsv"}) {
        CAPTURE(file);
        std::ofstream(data + "/" + file, std::ios::app) << "# a note changes nothing\n";
        const auto noted = index_into(tmp / "db", {"--data-dir", data, kCorpusDir});
        CHECK(noted.err.find("unchanged " + count) != std::string::npos);
        std::ofstream(data + "/" + file, std::ios::app) << (file == "aliases.tsv" ? "Jkt\tJakarta\n" : "Zanzibar\n");
        const auto edited = index_into(tmp / "db", {"--data-dir", data, kCorpusDir});
        CHECK(edited.exit_code == 0);
        CHECK(edited.err.find("replaced " + count + "), unchanged 0") != std::string::npos);
    }
}

}  // namespace telusur::e2e
