// Gazetteer: known names with canonical forms, case rules, and the word lists of the name rules.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "telusur/error.h"
#include "telusur/extract/gazetteer.h"

using telusur::EntityKind;
using telusur::Gazetteer;
using telusur::NameCue;
using Words = std::vector<std::string>;

namespace {

const Gazetteer& small() {
    static const auto g = Gazetteer::from_texts({
        .places = "# places\nKorea Utara\nKorea Selatan\nMedan\nFederasi Rusia\tRusia\nRusia\n"
                  "Badan Meteorologi, Klimatologi, dan Geofisika\n",
        .orgs = "Komisi Pemilihan Umum\nKPU\tKomisi Pemilihan Umum\nDewan Keamanan PBB\n",
        .people = "Vladimir Putin\nPutin\tVladimir Putin\n",
        .roles = "Presiden\nMenteri Luar Negeri\nJuru bicara\n",
        .common = "Senin\nDalam\n",
        .cues = "Kementerian\torg-head\nKota\tadmin\nkata\tspeech-before\n",
    });
    return g;
}

std::string name_at(const Words& words, std::size_t from) {
    const auto match = small().match(words, from);
    return match ? match->entry->name + "/" + std::to_string(match->word_count) : "none";
}

std::vector<std::string> folded(const Words& words) {
    std::vector<std::string> out;
    for (const auto& w : words) out.push_back(Gazetteer::fold_word(w));
    return out;
}

}  // namespace

TEST_CASE("Gazetteer matches the longest multi-word name and reports its canonical form") {
    CHECK(name_at({"di", "Korea", "Utara", "kemarin"}, 1) == "Korea Utara/2");
    CHECK(name_at({"Federasi", "Rusia"}, 0) == "Rusia/2");
    CHECK(name_at({"Rusia"}, 0) == "Rusia/1");
    CHECK(name_at({"Dewan", "Keamanan", "PBB", "bersidang"}, 0) == "Dewan Keamanan PBB/3");
    CHECK(name_at({"Putin", "bertemu"}, 0) == "Vladimir Putin/1");
    CHECK(name_at({"Korea", "Barat"}, 0) == "none");
    CHECK(name_at({"Korea"}, 0) == "none");
    CHECK(name_at({"Korea", "Utara"}, 5) == "none");
}

TEST_CASE("Gazetteer names need capitals where the file has them: acronyms match only in capitals") {
    CHECK(name_at({"medan", "tempur"}, 0) == "none");
    CHECK(name_at({"Medan"}, 0) == "Medan/1");
    CHECK(name_at({"MEDAN"}, 0) == "Medan/1");  // datelines in capitals
    CHECK(name_at({"KPU"}, 0) == "Komisi Pemilihan Umum/1");
    CHECK(name_at({"Kpu"}, 0) == "none");
    CHECK(name_at({"korea", "utara"}, 0) == "none");
    // Lower-case words of a name ("dan") match as written; punctuation is not a word.
    CHECK(name_at({"Badan", "Meteorologi", "Klimatologi", "dan", "Geofisika"}, 0) ==
          "Badan Meteorologi, Klimatologi, dan Geofisika/5");
}

TEST_CASE("Gazetteer kinds and find by any of an entry's names") {
    REQUIRE(small().find("KPU") != nullptr);
    CHECK(small().find("KPU")->kind == EntityKind::Org);
    CHECK(small().find("komisi pemilihan umum")->name == "Komisi Pemilihan Umum");
    CHECK(small().find("Federasi Rusia")->kind == EntityKind::Place);
    CHECK(small().find("Putin")->kind == EntityKind::Person);
    CHECK(small().find("Putin")->name == "Vladimir Putin");
    CHECK(small().find("Atlantis") == nullptr);
    CHECK(telusur::to_string(EntityKind::Person) == "person");
    CHECK(telusur::to_string(EntityKind::Place) == "place");
    CHECK(telusur::to_string(EntityKind::Org) == "org");
}

TEST_CASE("Gazetteer roles, common words and cues are case-insensitive") {
    const Words words{"juru", "bicara", "Departemen", "Menteri", "Luar", "Negeri", "Presiden"};
    const auto f = folded(words);
    CHECK(small().match_role(f, 0) == 2);
    CHECK(small().match_role(f, 2) == 0);
    CHECK(small().match_role(f, 3) == 3);
    CHECK(small().match_role(f, 6) == 1);
    CHECK(small().match_role(f, 7) == 0);
    CHECK(small().is_common(Gazetteer::fold_word("Senin")));
    CHECK(small().is_common(Gazetteer::fold_word("DALAM")));
    CHECK_FALSE(small().is_common(Gazetteer::fold_word("Putin")));
    CHECK(small().cue(Gazetteer::fold_word("Kementerian")) == NameCue::OrgHead);
    CHECK(small().cue("kota") == NameCue::AdminPrefix);
    CHECK(small().cue("kata") == NameCue::SpeechBefore);
    CHECK(small().cue("rusia") == NameCue::None);
    CHECK(small().role_count() == 3);
}

TEST_CASE("Gazetteer::from_texts reports malformed lines") {
    CHECK_THROWS_AS(Gazetteer::from_texts({.cues = "Kementerian\tsomething\n"}), telusur::DataError);
    CHECK_THROWS_AS(Gazetteer::from_texts({.cues = "Kementerian\n"}), telusur::DataError);
    CHECK_THROWS_AS(Gazetteer::from_texts({.places = "Jakarta\tDKI\tJakarta\n"}), telusur::DataError);
    CHECK_NOTHROW(Gazetteer::from_texts({.places = "# only a comment\n\n"}));
}

TEST_CASE("Gazetteer loads stemmer-data/gazetteers") {
    namespace fs = std::filesystem;
    const auto g = Gazetteer::load(fs::path(TELUSUR_STEMMER_DATA_DIR) / "gazetteers");
    CHECK(g.name_count() > 800);
    CHECK(g.role_count() > 50);
    // The 38 provinces of Indonesia, by their full names.
    const char* provinces[] = {
        "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Sumatera Selatan",
        "Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "Jakarta", "Jawa Barat", "Banten", "Jawa Tengah",
        "Yogyakarta", "Jawa Timur", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat",
        "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara",
        "Gorontalo", "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku",
        "Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Tengah", "Papua Pegunungan",
        "Papua Selatan"};
    CHECK(std::size(provinces) == 38);
    for (const auto* province : provinces) {
        CAPTURE(province);
        const auto* entry = g.find(province);
        REQUIRE(entry != nullptr);
        CHECK(entry->kind == EntityKind::Place);
        CHECK(entry->name == province);
    }
    CHECK(g.find("DKI Jakarta")->name == "Jakarta");
    CHECK(g.find("Jatim")->name == "Jawa Timur");
    CHECK(g.find("Kremlin")->kind == EntityKind::Org);  // the presidency, not the building
    CHECK(g.find("Perserikatan Bangsa-Bangsa")->kind == EntityKind::Org);
    CHECK(g.find("Pertamina")->kind == EntityKind::Org);
    CHECK(g.find("KPK")->name == "Komisi Pemberantasan Korupsi");
    CHECK(g.find("Prabowo")->name == "Prabowo Subianto");
    CHECK(g.find("Vladimir Putin")->kind == EntityKind::Person);
    CHECK(g.cue("kementerian") == NameCue::OrgHead);
    CHECK(g.is_common("senin"));
}
