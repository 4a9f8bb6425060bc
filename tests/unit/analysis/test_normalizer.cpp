// Normalizer: NFKC_Casefold plus the hyphen and apostrophe forms Xapian's query parser uses.
#include <doctest/doctest.h>

#include <string>

#include "telusur/analysis/normalizer.h"

namespace {

const telusur::Normalizer& normalizer() {
    static const telusur::Normalizer n;
    return n;
}

std::string normalize(const std::string& text) { return normalizer().normalize(text); }
std::string compose(const std::string& text) { return normalizer().compose(text); }

}  // namespace

TEST_CASE("Normalizer folds case, ASCII and beyond") {
    CHECK(normalize("KURSK") == "kursk");
    CHECK(normalize("Korea Utara") == "korea utara");
    CHECK(normalize("ÉLYSÉE") == "élysée");
    CHECK(normalize("Straße") == "strasse");  // full case folding, not just lower-casing
    CHECK(normalize("already lower 123") == "already lower 123");
    CHECK(normalize("").empty());
}

TEST_CASE("Normalizer maps fullwidth forms to ASCII") {
    CHECK(normalize("ＡＢＣ１２３") == "abc123");
    CHECK(normalize("ＫＵＲＳＫ") == "kursk");
}

TEST_CASE("Normalizer expands ligatures") {
    CHECK(normalize("\uFB01nal") == "final");  // ﬁ
    CHECK(normalize("e\uFB00ect") == "effect");  // ﬀ
}

TEST_CASE("Normalizer turns typographic apostrophes into ASCII ones") {
    CHECK(normalize("Jum\u2019at") == "jum'at");  // RIGHT SINGLE QUOTATION MARK
    CHECK(normalize("Jum\u201Bat") == "jum'at");  // SINGLE HIGH-REVERSED-9 QUOTATION MARK
}

TEST_CASE("Normalizer turns Unicode hyphens into ASCII hyphen-minus") {
    CHECK(normalize("anak\u2010anak") == "anak-anak");  // HYPHEN
    CHECK(normalize("anak\u2011anak") == "anak-anak");  // NON-BREAKING HYPHEN
}

TEST_CASE("Normalizer composes accents and drops soft hyphens") {
    CHECK(normalize("Cafe\u0301") == "caf\u00E9");  // e + COMBINING ACUTE → é
    CHECK(normalize("ma\u00ADkan") == "makan");     // SOFT HYPHEN
}

TEST_CASE("Normalizer::compose applies NFKC but keeps case") {
    CHECK(compose("ＫＵＲＳＫ") == "KURSK");
    CHECK(compose("Korut AND Kyiv") == "Korut AND Kyiv");
    CHECK(compose("\uFB01") == "fi");
    CHECK(compose("Cafe\u0301") == "Caf\u00E9");
    CHECK(compose("Jum\u2019at") == "Jum'at");
    CHECK(compose("anak\u2010Anak") == "anak-Anak");
    CHECK(compose("").empty());
}

TEST_CASE("Normalizer is idempotent") {
    for (const char* text : {"ＫＵＲＳＫ", "Stra\u00DFe", "\uFB01nal", "Jum\u2019at", "Cafe\u0301"}) {
        CAPTURE(text);
        const auto once = normalize(text);
        CHECK(normalize(once) == once);
        CHECK(compose(compose(text)) == compose(text));
    }
}
