// suggest_term: "did you mean" from the index's own term dictionary; edit_distance.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <xapian.h>

#include "telusur/search/term_suggester.h"

using telusur::edit_distance;
using telusur::suggest_popular;
using telusur::suggest_term;

namespace {

/// An in-memory database whose documents hold the given words (one document per entry).
Xapian::WritableDatabase database_of(const std::vector<std::string>& docs) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const auto& words : docs) {
        Xapian::Document doc;
        std::size_t start = 0;
        while (start < words.size()) {
            const auto end = std::min(words.find(' ', start), words.size());
            doc.add_term(words.substr(start, end - start));
            start = end + 1;
        }
        db.add_document(doc);
    }
    return db;
}

}  // namespace

TEST_CASE("edit_distance counts inserts, deletes, substitutions and neighbour swaps") {
    CHECK(edit_distance("tentara", "tentara", 2) == 0);
    CHECK(edit_distance("tentra", "tentara", 2) == 1);       // a letter missing
    CHECK(edit_distance("tentaara", "tentara", 2) == 1);     // a letter doubled
    CHECK(edit_distance("tentera", "tentara", 2) == 1);      // a letter wrong
    CHECK(edit_distance("tnetara", "tentara", 2) == 1);      // two letters swapped
    CHECK(edit_distance("tntera", "tentara", 2) == 2);
    CHECK(edit_distance("kursk", "tentara", 2) == 3);        // beyond the limit: limit + 1
    CHECK(edit_distance("a", "abcdef", 2) == 3);
}

TEST_CASE("suggest_term prefers one edit, then the word in more documents") {
    const auto db = database_of({"tentara banjir", "tentara", "tentera", "banjar"});
    CHECK(suggest_term(db, "tentra") == "tentara");   // tentara (2 docs) over nothing else at one edit
    CHECK(suggest_term(db, "tentura") == "tentara");  // tentara (2) and tentera (1) are both one edit
    CHECK(suggest_term(db, "banjor") == "banjar");    // banjar and banjir: one document each, alphabetical
}

TEST_CASE("suggest_term reaches two edits for longer words, starting with the same letter") {
    const auto db = database_of({"perbatasan", "kementerian"});
    CHECK(suggest_term(db, "perbtasn") == "perbatasan");
    CHECK(suggest_term(db, "kemntrian") == "kementerian");
    CHECK(suggest_term(db, "xerbtasan").empty());  // first letter wrong and two edits away
    CHECK(suggest_term(db, "perbatasan").empty());   // the word itself is no correction
}

TEST_CASE("suggest_term ignores prefixed terms, non-letters, short words and excluded words") {
    const auto db = database_of({"Ztentara XSRCtentara 2024", "dan", "yang"});
    CHECK(suggest_term(db, "tentra").empty());  // only the prefixed forms exist
    CHECK(suggest_term(db, "2025").empty());
    CHECK(suggest_term(db, "da").empty());
    CHECK(suggest_term(db, "dab") == "dan");
    CHECK(suggest_term(db, "dab", [](std::string_view w) { return w == "dan"; }).empty());
}

TEST_CASE("suggest_popular corrects a rare indexed word by a neighbour in far more documents") {
    std::vector<std::string> docs(120, "pemerintah pesta");
    docs.push_back("pemertintah festa");  // typos in one article each
    docs.push_back("pemerintahan");
    for (int i = 0; i < 4; ++i) docs.push_back("kementrian");
    const auto db = database_of(docs);
    CHECK(suggest_popular(db, "pemertintah") == "pemerintah");
    CHECK(suggest_popular(db, "pemerintah").empty());    // the common word itself
    CHECK(suggest_popular(db, "festa").empty());         // too short: real words lie one edit apart
    CHECK(suggest_popular(db, "kementrian").empty());    // in 4 documents: not rare
    CHECK(suggest_popular(db, "pemerintahx").empty());   // not indexed: suggest_term's case
    CHECK(suggest_popular(db, "pemertintah", [](std::string_view w) { return w == "pemerintah"; }).empty());
}

TEST_CASE("suggest_popular wants the neighbour in kPopularFactor times the documents") {
    std::vector<std::string> docs(2 * telusur::kPopularFactor - 1, "kendaraan");
    docs.push_back("kenderaan");
    docs.push_back("kenderaan");
    CHECK(suggest_popular(database_of(docs), "kenderaan").empty());  // 99 against 2
    docs.push_back("kendaraan");
    CHECK(suggest_popular(database_of(docs), "kenderaan") == "kendaraan");
}
