// Query syntax facts: fields typed with a space, which queries only exclude, and where, and the
// syntax of other engines that Xapian would read as words.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "telusur/search/query_syntax.h"

using telusur::attach_field_values;
using telusur::bracket_proximity;
using telusur::first_exclusion;
using telusur::first_operator;
using telusur::foreign_syntax;
using telusur::has_stray_closing_bracket;
using telusur::leading_not_with_words;
using telusur::mixed_proximity;
using telusur::proximity_as_and;
using telusur::only_excluded;

TEST_CASE("only_excluded: a query of nothing but -items gives them without the dash, OR-ed") {
    CHECK(only_excluded("-rudal") == std::optional<std::string>("rudal"));
    CHECK(only_excluded("  -rudal   -\"Korea Utara\" ") == std::optional<std::string>("rudal OR \"Korea Utara\""));
    CHECK(only_excluded("-(\"Korea Utara\" OR Korut)") == std::optional<std::string>("(\"Korea Utara\" OR Korut)"));
    CHECK(only_excluded("-title:rudal -kebakar*") == std::optional<std::string>("title:rudal OR kebakar*"));
}

TEST_CASE("only_excluded: any item looked for, a lone dash or an operator is not only excluding") {
    CHECK_FALSE(only_excluded("tentara -rudal"));
    CHECK_FALSE(only_excluded("-rudal tentara"));
    CHECK_FALSE(only_excluded("-rudal source:Kompas"));
    CHECK_FALSE(only_excluded("- rudal"));
    CHECK_FALSE(only_excluded("--rudal"));
    CHECK_FALSE(only_excluded("-rudal OR -drone"));
    CHECK_FALSE(only_excluded("\"-rudal\""));
    CHECK_FALSE(only_excluded(""));
    CHECK_FALSE(only_excluded("-"));
    // A space inside quotes or brackets does not end the item.
    CHECK_FALSE(only_excluded("-\"Korea Utara\" tentara"));
    CHECK(only_excluded("-(a b) -\"c d\"") == std::optional<std::string>("(a b) OR \"c d\""));
}

TEST_CASE("first_exclusion finds a -item at any depth, whole, but no hyphen inside a word or a phrase") {
    CHECK(first_exclusion("tentara (-rudal)") == std::optional<std::string>("-rudal"));
    CHECK(first_exclusion("-\"Korea Utara\" OR x") == std::optional<std::string>("-\"Korea Utara\""));
    CHECK(first_exclusion("tentara -(rudal OR drone) x") == std::optional<std::string>("-(rudal OR drone)"));
    CHECK(first_exclusion("(a -b)") == std::optional<std::string>("-b"));
    CHECK_FALSE(first_exclusion("anak-anak"));
    CHECK_FALSE(first_exclusion("\"tentara -rudal\""));
    CHECK_FALSE(first_exclusion("rudal - drone"));
    CHECK_FALSE(first_exclusion("rudal -"));
    CHECK_FALSE(first_exclusion("--rudal"));
}

namespace {
std::string attached(std::string_view query) {
    std::string empty;
    auto out = attach_field_values(query, empty);
    CHECK(empty.empty());
    return out;
}
}  // namespace

TEST_CASE("attach_field_values joins a known field to the value typed after a space") {
    CHECK(attached("title: rudal") == "title:rudal");
    CHECK(attached("tentara (source:  \"Warta Dunia\")") == "tentara (source:\"Warta Dunia\")");
    CHECK(attached("-place: Kursk +date:\t2024") == "-place:Kursk +date:2024");
    // Not a field of telusur's, inside a phrase, or the end of a longer word: left as typed.
    CHECK(attached("judul: rudal") == "judul: rudal");
    CHECK(attached("\"kata title: rudal\"") == "\"kata title: rudal\"");
    CHECK(attached("subtitle: rudal") == "subtitle: rudal");
    // A field's name in any case is that field: Xapian's prefixes are case-sensitive, and
    // "Title:banjir" found nothing.
    CHECK(attached("Title: rudal") == "title:rudal");
    CHECK(attached("TITLE:rudal (-Source:Antara) pLaCe:Kursk") == "title:rudal (-source:Antara) place:Kursk");
    CHECK(attached("\"Title:rudal\" Judul:x") == "\"Title:rudal\" Judul:x");
}

TEST_CASE("attach_field_values names the first field with no value after it") {
    const auto empty_field = [](std::string_view query) {
        std::string empty;
        attach_field_values(query, empty);
        return empty;
    };
    CHECK(empty_field("title:") == "title:");
    CHECK(empty_field("rudal title:  ") == "title:");
    CHECK(empty_field("tentara (place:) org:") == "place:");
    CHECK(empty_field("title: rudal source:") == "source:");
    CHECK(empty_field("title: rudal").empty());
    // An operator after the space is no value: attached, it would be searched as a word.
    CHECK(empty_field("banjir source: OR gempa") == "source:");
    CHECK(empty_field("title: NEAR banjir") == "title:");
    CHECK(empty_field("banjir title:\tAND) gempa") == "title:");
    CHECK(empty_field("title: ORANG banjir").empty());  // a word that starts like one
}

TEST_CASE("first_operator finds an operator word outside quotes: has_stray_closing_bracket a lone ')'") {
    CHECK(first_operator("rudal AND drone") == std::optional<std::string>("AND"));
    CHECK(first_operator("\"rock AND roll\" NEAR musik") == std::optional<std::string>("NEAR"));
    CHECK_FALSE(first_operator("\"rock AND roll\" and ORANG ornament"));
    CHECK(first_operator("(x)ADJ(y)") == std::optional<std::string>("ADJ"));
    CHECK_FALSE(first_operator("title:NEAR rudal"));  // a field's value, as Xapian reads it
    CHECK(has_stray_closing_bracket("rudal AND drone)"));
    CHECK(has_stray_closing_bracket("(a)) b"));
    CHECK_FALSE(has_stray_closing_bracket("((rudal) drone"));
    CHECK_FALSE(has_stray_closing_bracket("\"a)\" b"));
}

TEST_CASE("foreign_syntax names Lucene's ~ and ^, +- together, and a sign after a field's colon") {
    using S = std::optional<std::string>;
    CHECK(foreign_syntax("tentara rudal~2") ==
          S("'rudal~2': fuzzy and proximity searches (~) are not supported; a misspelt word gets a \"did you mean\", "
            "and NEAR finds words within 10 of each other"));
    CHECK(foreign_syntax("(\"Korea Utara\"~3 OR Korut)")->starts_with("'\"Korea Utara\"~3': fuzzy and proximity"));
    CHECK(foreign_syntax("tentara^2 rudal") == S("'tentara^2': boosting (^) is not supported"));
    CHECK(foreign_syntax("title:\"Korea Utara\"^1.5") == S("'title:\"Korea Utara\"^1.5': boosting (^) is not supported"));
    CHECK(foreign_syntax("tentara +-rudal") == S("'+-rudal': an item takes + (must have) or - (must not), not both"));
    CHECK(foreign_syntax("(-+rudal)") == S("'-+rudal': an item takes + (must have) or - (must not), not both"));
    CHECK(foreign_syntax("tentara title:-rudal") == S("'title:-rudal': write -title:rudal to exclude it"));
    CHECK(foreign_syntax("(place:+Kursk)") == S("'place:+Kursk': write +place:Kursk to require it"));
    // A filter's value is matched whole; title: searches words, so its * is a wildcard.
    CHECK(foreign_syntax("banjir (place:Jak*)") == S("'place:Jak*': a filter matches a whole value; * only ends words searched"));
    CHECK(foreign_syntax("source:\"Warta*\"").has_value() == false);  // inside quotes: the outlet as written
    CHECK_FALSE(foreign_syntax("title:banj* kebakar*"));
    // An unknown field would be read as a phrase of its name and value, which finds nothing.
    CHECK(foreign_syntax("banjir judul:Jakarta") ==
          S("'judul:Jakarta': no field named 'judul'; the fields are title, source, person, place, org and date"));
    CHECK(foreign_syntax("(Tokoh:\"Joko Widodo\")")->starts_with("'Tokoh:\"Joko"));
    // A * that does not end a word.
    CHECK(foreign_syntax("ban*ir") == S("'ban*ir': * only ends a word, as in kebakar*"));
    CHECK(foreign_syntax("banjir *kota") == S("'*kota': a word cannot start with *; * only ends one, as in kebakar*"));
    CHECK(foreign_syntax("(place:*Jak)")->starts_with("'place:*Jak': a word cannot start with *"));
    // Not these: Xapian reads them as meant, or they are text.
    for (const char* query : {"Korea~Utara", "rudal~", "\"a ~2 b\" c", "anak-anak", "tentara -rudal +Korut", "foo:-bar",
                              "10^3x", "a - -b", "title:rudal", "-title:rudal", "C++ -Java", "\"title:-rudal\"",
                              "pukul 10:30", "https://detik.com/a:b", "judul: banjir", "x:y", "\"judul:banjir\"",
                              "kebakar* hutan", "banjir *", "\"ban*ir\"", "5 * 3"}) {
        CAPTURE(query);
        CHECK_FALSE(foreign_syntax(query));
    }
}

TEST_CASE("leading_not_with_words refuses NOT at the start before more than one item, saying what to write") {
    const auto refused = leading_not_with_words("NOT rudal banjir Bekasi");
    REQUIRE(refused);
    CHECK(refused->find("write 'banjir Bekasi NOT rudal'") != std::string::npos);
    CHECK(refused->find("'NOT (rudal banjir Bekasi)'") != std::string::npos);
    CHECK(leading_not_with_words("NOT \"Korea Utara\" rudal"));
    CHECK_FALSE(leading_not_with_words("NOT rudal"));
    CHECK_FALSE(leading_not_with_words("NOT (rudal banjir)"));
    CHECK_FALSE(leading_not_with_words("banjir NOT rudal"));
    CHECK_FALSE(leading_not_with_words("NOT rudal NEAR tentara"));  // operators say how they go together
    CHECK_FALSE(leading_not_with_words("NOT rudal OR drone"));
    CHECK_FALSE(leading_not_with_words("not rudal banjir"));  // lower case is a word, as Xapian reads it
}

TEST_CASE("proximity_as_and writes NEAR and ADJ as AND, outside quotes and field values") {
    CHECK(proximity_as_and("rudal NEAR tentara ADJ Korut") == "rudal AND tentara AND Korut");
    CHECK(proximity_as_and("(a NEAR b) OR \"c NEAR d\" title:NEAR") == "(a AND b) OR \"c NEAR d\" title:NEAR");
    CHECK_FALSE(proximity_as_and("rudal AND tentara NEARLY adjacent"));
}

TEST_CASE("bracket_proximity puts each run of words joined by NEAR or ADJ in brackets") {
    CHECK(bracket_proximity("banjir rudal NEAR tentara") == "banjir (rudal NEAR tentara)");
    CHECK(bracket_proximity("rudal NEAR tentara banjir") == "(rudal NEAR tentara) banjir");
    CHECK(bracket_proximity("a NEAR b NEAR c d ADJ e") == "(a NEAR b NEAR c) (d ADJ e)");
    CHECK(bracket_proximity("x title:rudal NEAR tentara") == "x (title:rudal NEAR tentara)");
    // Already in brackets, or with a phrase, a bracket or a sign: left to the parser.
    for (const char* same : {"(rudal NEAR tentara) banjir", "banjir \"a b\" NEAR c", "banjir a NEAR (b c)",
                             "banjir -rudal NEAR tentara", "\"a NEAR b\" c", "suap NEAR", "NEAR banjir", "a b"})
        CHECK(bracket_proximity(same) == same);
}

TEST_CASE("mixed_proximity: a run of words joined by both NEAR and ADJ is named") {
    CHECK(mixed_proximity("banjir NEAR hujan ADJ Jakarta") ==
          std::optional<std::string>("bad query syntax: NEAR and ADJ cannot join the same run of words "
                                     "('NEAR hujan ADJ'): use one of them, or AND"));
    CHECK(mixed_proximity("x a ADJ  b\tNEAR c") ==
          std::optional<std::string>("bad query syntax: NEAR and ADJ cannot join the same run of words "
                                     "('ADJ b NEAR'): use one of them, or AND"));
    // One operator throughout, separate runs, or inside quotes: nothing to say.
    for (const char* fine : {"a NEAR b NEAR c", "a ADJ b ADJ c", "a NEAR b c ADJ d", "\"a NEAR b ADJ c\"",
                             "a NEAR b AND c ADJ d", "NEAR ADJ", ""})
        CHECK_FALSE(mixed_proximity(fine));
}

TEST_CASE("is_in_field_value: right after a field's colon, or inside the quotes that follow it") {
    const std::string query = "banjir source:\"Warta Ekonomi\" \"kota Bekasi\" place:Kursk";
    CHECK(telusur::is_in_field_value(query, query.find("Warta")));
    CHECK(telusur::is_in_field_value(query, query.find("Ekonomi")));
    CHECK(telusur::is_in_field_value(query, query.find("Kursk")));
    CHECK_FALSE(telusur::is_in_field_value(query, query.find("banjir")));
    CHECK_FALSE(telusur::is_in_field_value(query, query.find("kota")));  // a phrase, not a value
    CHECK_FALSE(telusur::is_in_field_value(query, query.find("Bekasi")));
}
