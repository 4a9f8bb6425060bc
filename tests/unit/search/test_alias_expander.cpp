// expand_aliases: a query string rewritten so that each alias searches its whole group.
#include <doctest/doctest.h>

#include <string>

#include "telusur/analysis/alias_table.h"
#include "telusur/search/alias_expander.h"

namespace {

const telusur::AliasTable& aliases() {
    static const auto table = telusur::AliasTable::from_text(
        "Korut\tKorea Utara\n"
        "AS\tAmerika Serikat\n"
        "Kiev\tKyiv\n");
    return table;
}

std::string expand(const std::string& query) { return telusur::expand_aliases(query, aliases()); }

const std::string kKorut = R"(("Korea Utara" OR Korut))";

}  // namespace

TEST_CASE("expand_aliases replaces an alias by its group, multi-word names as phrases") {
    CHECK(expand("tentara Korut Kursk") == "tentara " + kKorut + " Kursk");
    CHECK(expand("Kiev") == "(Kyiv OR Kiev)");
}

TEST_CASE("expand_aliases replaces a multi-word name typed without quotes") {
    CHECK(expand("tentara Korea Utara di Kursk") == "tentara " + kKorut + " di Kursk");
    CHECK(expand("korea   utara") == kKorut);  // case and spacing as typed do not matter
}

TEST_CASE("expand_aliases leaves a query without names untouched") {
    CHECK(expand("banjir di Bekasi") == "banjir di Bekasi");
    CHECK(expand("") == "");
    CHECK(expand("Korea Selatan") == "Korea Selatan");
    CHECK(expand("Korut-Rusia") == "Korut-Rusia");  // a compound word is not the name
}

TEST_CASE("expand_aliases leaves quoted text untouched") {
    CHECK(expand(R"("tentara Korut" Kursk)") == R"("tentara Korut" Kursk)");
    CHECK(expand(R"("Korea Utara")") == R"("Korea Utara")");
    CHECK(expand(R"("Kiev" Korut)") == R"("Kiev" )" + kKorut);  // outside the quotes it works again
}

TEST_CASE("expand_aliases leaves field names and values untouched") {
    CHECK(expand("source:AS rudal") == "source:AS rudal");
    CHECK(expand("title:Korut") == "title:Korut");
    CHECK(expand("Kiev:x") == "Kiev:x");
    CHECK(expand("source:Kompas Korut") == "source:Kompas " + kKorut);
}

TEST_CASE("expand_aliases matches a capital alias only in capitals") {
    CHECK(expand("AS") == R"(("Amerika Serikat" OR AS))");
    CHECK(expand("sama as dia") == "sama as dia");
    CHECK(expand("As") == "As");
    CHECK(expand("amerika serikat") == R"(("Amerika Serikat" OR AS))");
}

TEST_CASE("expand_aliases leaves operators untouched and does not match names across them") {
    CHECK(expand("Korut AND Kiev") == kKorut + " AND (Kyiv OR Kiev)");
    CHECK(expand("Korut NOT Kiev") == kKorut + " NOT (Kyiv OR Kiev)");
    CHECK(expand("Korea AND Utara") == "Korea AND Utara");
    CHECK(expand("Korea, Utara") == "Korea, Utara");  // punctuation breaks a name too
}

TEST_CASE("expand_aliases keeps love/hate prefixes in front of the group") {
    CHECK(expand("+Korut rudal") == "+" + kKorut + " rudal");
    CHECK(expand("rudal -Kiev") == "rudal -(Kyiv OR Kiev)");
}

TEST_CASE("expand_aliases puts a space between the group and punctuation stuck to the name") {
    // "#(" or "@(" is no bracket to Xapian: the whole query would be a syntax error.
    CHECK(expand("#Korut") == "# " + kKorut);
    CHECK(expand("berita @Kiev!") == "berita @ (Kyiv OR Kiev)!");
    CHECK(expand("(Kiev)") == "((Kyiv OR Kiev))");
}

TEST_CASE("expand_aliases splits words as Xapian does beyond ASCII: punctuation ends a name, letters do not") {
    CHECK(expand("«Kiev»") == "« (Kyiv OR Kiev)»");
    CHECK(expand("Kiev—Korut") == "(Kyiv OR Kiev)— " + kKorut);
    CHECK(expand("Kievé") == "Kievé");  // a letter: one longer word, no alias
}

TEST_CASE("expand_aliases leaves the words beside NEAR and ADJ alone: those take single words") {
    CHECK(expand("tentara NEAR Korut") == "tentara NEAR Korut");
    CHECK(expand("Kiev ADJ drone") == "Kiev ADJ drone");
    CHECK(expand("Korea Utara NEAR rudal") == "Korea Utara NEAR rudal");  // "Utara" is the operand
    // Only the operands: the other names of the query still expand.
    CHECK(expand("Kiev drone NEAR rudal Korut") == "(Kyiv OR Kiev) drone NEAR rudal " + kKorut);
    CHECK(expand("Korut NEAR Kiev AND Kiev") == "Korut NEAR Kiev AND (Kyiv OR Kiev)");
}
