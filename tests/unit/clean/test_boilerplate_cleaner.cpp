// BoilerplateCleaner: drops site furniture by the rules of stemmer-data/boilerplate.tsv.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "telusur/clean/boilerplate_cleaner.h"
#include "telusur/error.h"
#include "telusur/source/text_file_reader.h"

namespace fs = std::filesystem;
using telusur::BoilerplateCleaner;
using telusur::DataError;

namespace {

const BoilerplateCleaner& real_cleaner() {
    static const auto cleaner = BoilerplateCleaner::load(fs::path(TELUSUR_STEMMER_DATA_DIR) / "boilerplate.tsv");
    return cleaner;
}

telusur::Article cleaned_seed(const std::string& name) {
    auto article = telusur::read_text_file(fs::path(TELUSUR_SEEDS_DIR) / name, name);
    real_cleaner().clean(article);
    return article;
}

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

bool has_line(const std::string& text, const std::string& line) {
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        if (l == line) return true;
    return false;
}

/// The message of the DataError that building a cleaner from `rules` throws.
std::string rule_error(const std::string& rules) {
    try {
        BoilerplateCleaner::from_rules(rules, "rules.tsv");
    } catch (const DataError& e) {
        return e.what();
    }
    FAIL("no DataError for: " << rules);
    return {};
}

}  // namespace

TEST_CASE("BoilerplateCleaner loads the rules of stemmer-data/boilerplate.tsv") {
    CHECK(real_cleaner().rule_count() > 0);
    CHECK_THROWS_AS(BoilerplateCleaner::load("/nonexistent/boilerplate.tsv"), DataError);
}

TEST_CASE("BoilerplateCleaner takes the IDN Times headline of seed 001 as its title") {
    const auto article = cleaned_seed("001_c8ce01ff440e4416.txt");
    CHECK(article.title == "Putin Bertemu Menteri Luar Negeri Korut di Moskow");
    CHECK_FALSE(article.title_from_first_line);
    CHECK(article.body.find("Putin Bertemu Menteri Luar Negeri Korut di Moskow") == std::string::npos);
    CHECK(article.body.starts_with("Presiden Rusia Vladimir Putin"));
}

TEST_CASE("BoilerplateCleaner removes the IDN Times header, prompts and footer from seed 001") {
    const auto body = cleaned_seed("001_c8ce01ff440e4416.txt").body;
    CHECK(body.find("Baca artikel IDN Times") == std::string::npos);
    CHECK(body.find("Intinya sih") == std::string::npos);
    CHECK(body.find("This article is written") == std::string::npos);
    CHECK(body.find("Editor") == std::string::npos);
    CHECK(body.find("Follow Us") == std::string::npos);
    CHECK(body.find("Pri Saja") == std::string::npos);  // after the footer rule: dropped with it
    CHECK_FALSE(has_line(body, "Share"));
    CHECK_FALSE(has_line(body, "For"));
    CHECK_FALSE(has_line(body, "You"));
    CHECK(body.ends_with("katanya."));
    CHECK(body.find("Jakarta, IDN Times - Presiden Rusia") != std::string::npos);  // the article stays
}

TEST_CASE("BoilerplateCleaner keeps a caption printed twice once, even when its spacing differs") {
    const auto body = cleaned_seed("001_c8ce01ff440e4416.txt").body;
    CHECK(count_of(body, "Presiden Rusia Vladimir Putin dan Menteri Luar Negeri Korut Choe Son Hui "
                         "(Twitter.com/MFA Russia)") == 1);
    CHECK(count_of(body, "Korut  Choe") == 0);
    CHECK(count_of(body, "ilustrasi bendera Korea Utara (Pixabay.com/Chickenonline)") == 1);
    CHECK(count_of(body, "Presiden Rusia Vladimir Putin (Twitter.com/MFA Russia)") == 1);
}

TEST_CASE("BoilerplateCleaner leaves paragraphs separated by exactly one blank line") {
    const auto body = cleaned_seed("001_c8ce01ff440e4416.txt").body;
    CHECK(body.find("\n\n\n") == std::string::npos);
    CHECK_FALSE(body.starts_with("\n"));
    CHECK_FALSE(body.ends_with("\n"));
    CHECK(body.find("melawan Ukraina.\n\nChoe sudah berada") != std::string::npos);
}

TEST_CASE("BoilerplateCleaner takes the first line of seed 000 as its title") {
    std::ifstream in(fs::path(TELUSUR_SEEDS_DIR) / "000_466d7a267a480ec9.txt");
    std::string first_line;
    std::getline(in, first_line);
    REQUIRE_FALSE(first_line.empty());
    const auto article = cleaned_seed("000_466d7a267a480ec9.txt");
    CHECK(article.title == first_line);
    CHECK(article.title.starts_with("Putin bertemu dengan menteri luar negeri Korea Utara"));
    CHECK(article.body.starts_with("Presiden Ukraina Volodymyr Zelensky mengatakan 11.000 tentara"));
}

TEST_CASE("BoilerplateCleaner `line` rules drop matching lines, case-insensitively") {
    const auto cleaner = BoilerplateCleaner::from_rules("line\t^Baca juga\\b.*$\n");
    CHECK(cleaner.rule_count() == 1);
    CHECK(cleaner.clean("Satu.\nBaca juga: Berita lain\nDua.\nBACA JUGA: lagi\nTiga.") == "Satu.\nDua.\nTiga.");
    CHECK(cleaner.clean("Dia bilang baca juga ini.") == "Dia bilang baca juga ini.");  // anchored at ^
}

TEST_CASE("BoilerplateCleaner `rest` rules drop the matching line and everything after it") {
    const auto cleaner = BoilerplateCleaner::from_rules("rest\t^Artikel ini ditulis oleh\n");
    CHECK(cleaner.clean("Isi satu.\n\nIsi dua.\nArtikel ini ditulis oleh kontributor.\nShare\n\nPenulis") ==
          "Isi satu.\n\nIsi dua.");
}

TEST_CASE("BoilerplateCleaner gives up on a rule that backtracks without end, and keeps the line") {
    // A user's pattern with nested repetition takes 2^n steps on a line of n letters that
    // almost matches: without a limit, one such line in an archive stalls the indexer forever.
    const auto cleaner = BoilerplateCleaner::from_rules("line\t^(a+)+$\nline\t^Iklan$\n");
    const std::string stalling(60, 'a');
    CHECK(cleaner.clean("Satu.\n" + stalling + "b\nIklan\nDua.") == "Satu.\n" + stalling + "b\nDua.");
    CHECK(cleaner.clean("aaaa\nTiga.") == "Tiga.");  // the rule still works where it can
    // The limit leaves room for real rules on the longest lines an article may have.
    const std::string long_line = "Baca juga: " + std::string(8 << 20, 'x');
    CHECK(real_cleaner().clean("Satu.\n" + long_line + "\nDua.") == "Satu.\nDua.");
    const auto search_to_the_end = BoilerplateCleaner::from_rules("line\t.*(Baca|Simak) (juga|video)$");
    CHECK(search_to_the_end.clean("Satu.\n" + std::string(8 << 20, 'x') + " simak juga\nDua.") == "Satu.\nDua.");
}

TEST_CASE("BoilerplateCleaner ignores comments and blank lines in the rule file") {
    const auto cleaner = BoilerplateCleaner::from_rules("# komentar\n\n   \nline\t^Iklan$\n# lagi\nrest\t^Footer\n");
    CHECK(cleaner.rule_count() == 2);
    CHECK(BoilerplateCleaner::from_rules("").rule_count() == 0);
}

TEST_CASE("BoilerplateCleaner rejects a malformed rule with DataError naming file and line") {
    CHECK(rule_error("# kind\n\nhapus\t^Iklan$\n") ==
          "rules.tsv:3: unknown rule kind 'hapus' (expected line or rest)");
    CHECK(rule_error("line\t^ok$\nline\t(tidak ditutup\n").starts_with("rules.tsv:2: bad regular expression ("));
    CHECK(rule_error("line ^Iklan$\n") == "rules.tsv:1: expected KIND<TAB>REGEX");
}

TEST_CASE("BoilerplateCleaner keeps consecutive duplicate lines once, other repeats stay") {
    const auto cleaner = BoilerplateCleaner::from_rules("");
    CHECK(cleaner.clean("Foto (Antara)\nFoto (Antara)\nTeks.") == "Foto (Antara)\nTeks.");
    CHECK(cleaner.clean("Foto\n\nFoto\nTeks.") == "Foto\n\nTeks.");  // the next non-blank line
    CHECK(cleaner.clean("Ya.\nTidak.\nYa.") == "Ya.\nTidak.\nYa.");
}

TEST_CASE("BoilerplateCleaner collapses blank-line runs and trims every line") {
    const auto cleaner = BoilerplateCleaner::from_rules("");
    CHECK(cleaner.clean("\n\n  Satu.  \n\n\n\n\tDua.\n\n\n") == "Satu.\n\nDua.");
    CHECK(cleaner.clean("Satu.\r\n\r\nDua.\r\n") == "Satu.\n\nDua.");
    CHECK(cleaner.clean("Satu  dua\t\ttiga") == "Satu dua tiga");
    CHECK(cleaner.clean("").empty());
    CHECK(cleaner.clean("\n \n\t\n").empty());
}

TEST_CASE("BoilerplateCleaner cleans the title of an article that has one") {
    const auto cleaner = BoilerplateCleaner::from_rules("line\t^Iklan$\n");
    telusur::Article article;
    article.title = "  Banjir   di  Bekasi ";
    article.body = "Iklan\nHujan deras.\n\n\nWarga mengungsi.";
    cleaner.clean(article);
    CHECK(article.title == "Banjir di Bekasi");
    CHECK(article.body == "Hujan deras.\n\nWarga mengungsi.");
}

TEST_CASE("BoilerplateCleaner moves the first kept line to the title of a text article") {
    const auto cleaner = BoilerplateCleaner::from_rules("line\t^Iklan$\n");
    telusur::Article article;
    article.body = "Iklan\n\n  Judul  Utama \n\n\nParagraf satu.\nBaris dua.";
    article.title_from_first_line = true;
    cleaner.clean(article);
    CHECK(article.title == "Judul Utama");
    CHECK(article.body == "Paragraf satu.\nBaris dua.");

    telusur::Article single;
    single.body = "Hanya judul";
    single.title_from_first_line = true;
    cleaner.clean(single);
    CHECK(single.title == "Hanya judul");
    CHECK(single.body.empty());
}

TEST_CASE("BoilerplateCleaner reads a title and body that hold HTML as text, then drops boilerplate lines") {
    const auto cleaner = BoilerplateCleaner::from_rules("line\t^Baca Juga:\n");
    telusur::Article article;
    article.title = "<p>Banjir &amp; Longsor\ndi Bogor</p>";
    article.body = "<p>Banjir <em>merendam</em> rumah.</p><p><strong>Baca Juga:</strong> <a href=\"/x\">Lain</a></p>"
                   "<p>Warga mengungsi.</p>";
    cleaner.clean(article);
    CHECK(article.title == "Banjir & Longsor di Bogor");
    CHECK(article.body == "Banjir merendam rumah.\n\nWarga mengungsi.");

    telusur::Article plain;  // no markup: nothing read as HTML ("<2.630" stays)
    plain.body = "Target 2.880, SL <2.630.\nAT&T naik.";
    cleaner.clean(plain);
    CHECK(plain.body == "Target 2.880, SL <2.630.\nAT&T naik.");
}
