// Query syntax facts: which queries only exclude.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "telusur/search/query_syntax.h"

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
