// bench/gold_conventions: the affix class of a cut and the tables stemmer_eval prints from it.
#include <doctest/doctest.h>

#include <sstream>

#include "gold_conventions.h"

using telusur::gold::affix_class;

TEST_CASE("affix_class names the prefix class and the suffix left by a cut") {
    CHECK(affix_class("rumah", "rumah") == "whole");
    CHECK(affix_class("pengamatan", "amat") == "peN-an");
    CHECK(affix_class("menuliskan", "tulis") == "meN-kan");  // meN- took the root's t
    CHECK(affix_class("pemukulnya", "pukul") == "peN-");     // possessive left out
    CHECK(affix_class("perbaikan", "baik") == "per-an");
    CHECK(affix_class("berlari", "lari") == "ber-");
    CHECK(affix_class("bekerja", "kerja") == "ber-");
    CHECK(affix_class("terawat", "rawat") == "ter-");
    CHECK(affix_class("diberikan", "beri") == "di-kan");
    CHECK(affix_class("kelima", "lima") == "ke-");
    CHECK(affix_class("bukunya", "buku") == "-");
    CHECK(affix_class("abc", "xyz") == "other");
}

TEST_CASE("print_conventions counts the right forms a class would gain kept whole") {
    const auto roots = telusur::RootDictionary::from_text({"amat\nkerja\nlima\nkinerja\n"});
    // Set one keeps pengamat whole and cuts pekerja; set two cuts both. kinerja is a dictionary
    // word set two wants cut; ligas is not a root at all. Set one's miss is pengamat, which it
    // keeps whole; set two misses kinerja and lemigas.
    const telusur::gold::GoldSet one{{"pengamat", {"pengamat"}}, {"pekerja", {"kerja"}}, {"kelima", {"kelima"}}};
    const telusur::gold::GoldSet two{{"pengamat", {"amat"}}, {"kinerja", {"kerja"}}, {"lemigas", {"ligas"}}};
    const auto stem = [](const std::string& form) -> std::string {
        if (form == "pengamat") return "amat";
        if (form == "pekerja") return "kerja";
        return form;
    };
    std::ostringstream out;
    telusur::gold::print_conventions(out, {{"one", one}, {"two", two}}, stem, roots);
    const std::string report = out.str();
    // Below ten cuts a class is left out of the first table.
    CHECK(report.find("| peN- |") == std::string::npos);
    CHECK(report.find("| one | 3 | 1 | 1 | 0.667 | 0 | 0 |") != std::string::npos);
    CHECK(report.find("| two | 3 | 2 | 0 | 0.333 | 1 | 1 |") != std::string::npos);

    telusur::gold::GoldSet many;
    for (int i = 0; i < 10; ++i) many["pengamat" + std::string(i, 'a')] = {"pengamat" + std::string(i, 'a')};
    std::ostringstream out_many;
    const auto cut = [](const std::string& form) { return std::string("amat") + form.substr(8); };
    telusur::gold::print_conventions(out_many, {{"many", many}}, cut, roots);
    CHECK(out_many.str().find("| peN- | 10 / +10 |") != std::string::npos);
    CHECK(out_many.str().find("| many | 10 | 10 | 10 | 1.000 | 0 | 0 |") != std::string::npos);
}
