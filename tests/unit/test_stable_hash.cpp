// stable_hash64 and to_hex: their values are stored on disk (ids, band terms, the stemmer's
// identity), so they must never change.
#include <doctest/doctest.h>

#include "telusur/stable_hash.h"

using namespace telusur;

TEST_CASE("stable_hash64 gives the values databases already hold") {
    CHECK(to_hex(stable_hash64("kursk")) == "a1631c1a4b980e21");
    CHECK(to_hex(stable_hash64("")) == "f52a15e9a9b5e89b");
    CHECK(stable_hash64("kursk") != stable_hash64("kurs"));
}

TEST_CASE("to_hex writes 16 lower-case digits") {
    CHECK(to_hex(0x1234abcdULL) == "000000001234abcd");
    CHECK(to_hex(~0ULL) == "ffffffffffffffff");
}
