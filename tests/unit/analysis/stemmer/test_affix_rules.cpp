// affix_rules: the candidate strips that ConfixStemmer checks against its dictionary. These
// pin the rules added for issue 4 (per- before r, ketidak-, dwipurwa, old infixes).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "telusur/analysis/stemmer/affix_rules.h"

using telusur::affix::Prefix;
using telusur::affix::PrefixStrip;

namespace {

/// Whether strip_prefix offers `prefix` with `rest` for `word`.
bool offers(std::string_view word, Prefix prefix, std::string_view rest) {
    std::vector<PrefixStrip> strips;
    telusur::affix::strip_prefix(word, /*informal=*/false, strips);
    return std::any_of(strips.begin(), strips.end(),
                       [&](const PrefixStrip& s) { return s.prefix == prefix && s.rest == rest; });
}

}  // namespace

TEST_CASE("per- before an r-root merges the r's, as ber- and ter- do") {
    CHECK(offers("perebutkan", Prefix::Per, "rebutkan"));  // memperebutkan ← rebut
    CHECK(offers("perebutkan", Prefix::Per, "ebutkan"));   // the literal reading stays
    CHECK(offers("perbaiki", Prefix::Per, "baiki"));
}

TEST_CASE("tidak- is offered, and may stand only after ke-") {
    CHECK(offers("tidakpastian", Prefix::Tidak, "pastian"));
    CHECK(telusur::affix::may_follow(Prefix::Ke, Prefix::Tidak));
    CHECK(telusur::affix::may_follow(Prefix::Tidak, Prefix::Se));  // ketidaksesuaian
    CHECK_FALSE(telusur::affix::may_follow(Prefix::Di, Prefix::Tidak));
    CHECK_FALSE(telusur::affix::may_follow(Prefix::MeN, Prefix::Tidak));
    CHECK_FALSE(telusur::affix::confix_allowed(Prefix::Tidak, telusur::affix::Suffix::None));
}

TEST_CASE("Dwipurwa: a doubled first consonant with e is a last-resort prefix") {
    CHECK(offers("bebatuan", Prefix::Redup, "batuan"));
    CHECK(offers("jejaring", Prefix::Redup, "jaring"));
    CHECK(offers("seseorang", Prefix::Redup, "seorang"));
    CHECK_FALSE(offers("lelah", Prefix::Redup, "lah"));    // too short to hold a root
    CHECK_FALSE(offers("berbatu", Prefix::Redup, "rbatu"));  // second consonant differs
    CHECK(telusur::affix::is_irregular(Prefix::Redup));
    CHECK_FALSE(telusur::affix::is_irregular(Prefix::Ber));
    CHECK(telusur::affix::may_follow(Prefix::Redup, Prefix::Se));
    CHECK_FALSE(telusur::affix::may_follow(Prefix::Ber, Prefix::Redup));  // only the outermost
}

TEST_CASE("Old infixes -el- -em- -er- -in- after the first consonant") {
    using telusur::affix::strip_infix;
    CHECK(strip_infix("telunjuk") == "tunjuk");
    CHECK(strip_infix("gemetar") == "getar");
    CHECK(strip_infix("gerigi") == "gigi");
    CHECK(strip_infix("kinerja") == "kerja");
    CHECK(strip_infix("temurun") == "turun");
    CHECK(strip_infix("sinar").empty());     // too short
    CHECK(strip_infix("abaikan").empty());   // no first consonant
    CHECK(strip_infix("berita") == "bita");  // offered all the same: the dictionary decides
    CHECK(strip_infix("matahari").empty());  // no infix letters after m
}
