// schema.h: the contract between indexer and query side must be self-consistent.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "telusur/schema.h"

namespace schema = telusur::schema;

namespace {

const std::vector<std::string_view> kPrefixes = {schema::kIdPrefix,     schema::kTitlePrefix,
                                                 schema::kStemPrefix,   schema::kSourcePrefix,
                                                 schema::kSignatureBandPrefix, schema::kClusterPrefix};

bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

/// Xapian's convention: a single capital letter, or 'X' followed by capitals.
bool follows_xapian_convention(std::string_view prefix) {
    if (prefix.size() == 1) return is_capital(prefix[0]) && prefix[0] != 'X';
    if (prefix.size() < 2 || prefix[0] != 'X') return false;
    for (const char c : prefix)
        if (!is_capital(c)) return false;
    return true;
}

}  // namespace

TEST_CASE("schema term prefixes follow Xapian's conventions") {
    for (const auto prefix : kPrefixes) {
        CAPTURE(prefix);
        CHECK(follows_xapian_convention(prefix));
    }
    CHECK(schema::kIdPrefix == "Q");    // Xapian's conventional unique-id prefix
    CHECK(schema::kTitlePrefix == "S");  // ... and title prefix
    CHECK(schema::kStemPrefix == "Z");   // ... and stem prefix, as TermGenerator writes it
}

TEST_CASE("schema term prefixes are distinct and none is a prefix of another") {
    const std::set<std::string_view> unique(kPrefixes.begin(), kPrefixes.end());
    CHECK(unique.size() == kPrefixes.size());
    for (const auto a : kPrefixes)
        for (const auto b : kPrefixes) {
            if (a == b) continue;
            CAPTURE(a);
            CAPTURE(b);
            CHECK_FALSE(b.starts_with(a));
        }
}

TEST_CASE("schema value slots are distinct") {
    const std::set<Xapian::valueno> slots = {schema::kDateSlot, schema::kContentHashSlot, schema::kSignatureSlot,
                                             schema::kClusterSlot};
    CHECK(slots.size() == 4);
}

TEST_CASE("schema metadata keys are distinct and the version is set") {
    CHECK_FALSE(schema::kVersion.empty());
    CHECK(schema::kVersionKey != schema::kStemmerKey);
    CHECK(schema::kVersionKey.starts_with("telusur."));
    CHECK(schema::kStemmerKey.starts_with("telusur."));
}

TEST_CASE("schema keeps title and body apart and weights titles up") {
    CHECK(schema::kBodyPositionGap > 1);
    CHECK(schema::kTitleWeight > 1);
}

TEST_CASE("term_after_prefix reads what follows a prefix in a document's terms") {
    Xapian::Document doc;
    doc.add_boolean_term("Qkompas-001");
    doc.add_boolean_term("XDUPabc123");
    doc.add_term("Zberita");  // where skip_to("XSRC") lands: a term without the prefix is no match
    CHECK(schema::term_after_prefix(doc, schema::kIdPrefix) == "kompas-001");
    CHECK(schema::term_after_prefix(doc, schema::kClusterPrefix) == "abc123");
    CHECK(schema::term_after_prefix(doc, schema::kSourcePrefix).empty());
    CHECK(schema::term_after_prefix(Xapian::Document(), schema::kIdPrefix).empty());
}
