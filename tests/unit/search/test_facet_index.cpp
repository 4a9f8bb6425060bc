// FacetSlotIndex: facet values uninverted into memory, and shared per database revision.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "telusur/schema.h"
#include "telusur/search/facet_index.h"
#include "temp_dir.h"

using namespace telusur;

namespace {

std::vector<std::string> values_of(const FacetSlotIndex& index, Xapian::docid docid) {
    std::vector<std::string> values;
    for (const auto id : index.values_of(docid)) values.emplace_back(index.value(id));
    return values;
}

Xapian::Document with_value(Xapian::valueno slot, const std::string& value) {
    Xapian::Document doc;
    doc.add_value(slot, value);
    return doc;
}

}  // namespace

TEST_CASE("FacetSlotIndex gives each document its own values, once each, whatever the docids") {
    const test::TempDir dir;
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    db.replace_document(2, with_value(schema::kPeopleSlot, "Prabowo Subianto\nGibran\nPrabowo Subianto"));
    db.replace_document(3, Xapian::Document());  // no value at all
    db.replace_document(5, with_value(schema::kPeopleSlot, "Gibran\n\nAnies"));
    db.replace_document(6, with_value(schema::kPlacesSlot, "Bandung"));  // another slot only
    db.commit();

    const auto index = FacetSlotIndex::build(db, schema::kPeopleSlot);
    CHECK(index.distinct_values() == 3);
    CHECK(values_of(index, 1).empty());
    CHECK(values_of(index, 2) == std::vector<std::string>{"Prabowo Subianto", "Gibran"});
    CHECK(values_of(index, 3).empty());
    CHECK(values_of(index, 4).empty());
    CHECK(values_of(index, 5) == std::vector<std::string>{"Gibran", "Anies"});
    CHECK(values_of(index, 6).empty());
    CHECK(values_of(index, 7).empty());  // past the last document
    CHECK(values_of(index, 0).empty());
    CHECK(index.memory_bytes() > 0);
}

TEST_CASE("FacetSlotIndex turns the date slot into year-months and skips short dates") {
    const test::TempDir dir;
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    db.add_document(with_value(schema::kDateSlot, "20241104"));
    db.add_document(with_value(schema::kDateSlot, "20241130"));
    db.add_document(with_value(schema::kDateSlot, "2024"));
    db.commit();
    const auto index = FacetSlotIndex::build(db, schema::kDateSlot);
    CHECK(index.distinct_values() == 1);
    CHECK(values_of(index, 1) == std::vector<std::string>{"2024-11"});
    CHECK(values_of(index, 2) == std::vector<std::string>{"2024-11"});
    CHECK(values_of(index, 3).empty());
}

TEST_CASE("FacetSlotIndex counts an outlet by its normalised name, as source: filters it, shown as first met") {
    const test::TempDir dir;
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    db.add_document(with_value(schema::kSourceSlot, "Uji Dua"));
    db.add_document(with_value(schema::kSourceSlot, "uji dua"));
    db.add_document(with_value(schema::kSourceSlot, "UJI DUA"));
    db.add_document(with_value(schema::kSourceSlot, "Antara"));
    db.add_document(with_value(schema::kPeopleSlot, "Uji Dua\nuji dua"));  // names are canonical already
    db.commit();
    const auto sources = FacetSlotIndex::build(db, schema::kSourceSlot);
    CHECK(sources.distinct_values() == 2);
    for (const Xapian::docid docid : {1, 2, 3}) CHECK(values_of(sources, docid) == std::vector<std::string>{"Uji Dua"});
    CHECK(values_of(sources, 4) == std::vector<std::string>{"Antara"});
    CHECK(FacetSlotIndex::build(db, schema::kPeopleSlot).distinct_values() == 2);
}

TEST_CASE("shared_facet_slot_index is shared within a revision and rebuilt for a new one") {
    const test::TempDir dir;
    const auto path = (dir.path / "db").string();
    Xapian::WritableDatabase writer(path, Xapian::DB_CREATE_OR_OPEN);
    writer.add_document(with_value(schema::kSourceSlot, "antara"));
    writer.commit();

    Xapian::Database reader_a(path), reader_b(path);
    const auto first = shared_facet_slot_index(reader_a, schema::kSourceSlot);
    CHECK(shared_facet_slot_index(reader_b, schema::kSourceSlot) == first);
    CHECK(shared_facet_slot_index(reader_a, schema::kPlacesSlot) != nullptr);

    writer.add_document(with_value(schema::kSourceSlot, "kompas"));
    writer.commit();
    reader_b.reopen();
    const auto second = shared_facet_slot_index(reader_b, schema::kSourceSlot);
    CHECK(second != first);
    CHECK(values_of(*second, 2) == std::vector<std::string>{"kompas"});
    // A reader still on the older revision gets an index of what it sees.
    const auto old_view = shared_facet_slot_index(reader_a, schema::kSourceSlot);
    CHECK(old_view->values_of(2).empty());
    CHECK(shared_facet_slot_index(reader_b, schema::kSourceSlot) == second);
}

TEST_CASE("shared_facet_slot_index serves databases opened together, which have no single revision") {
    const test::TempDir dir;
    for (const char* name : {"a", "b"}) {
        Xapian::WritableDatabase db((dir.path / name).string(), Xapian::DB_CREATE_OR_OPEN);
        db.add_document(with_value(schema::kSourceSlot, name));
        db.commit();
    }
    Xapian::Database both((dir.path / "a").string());
    both.add_database(Xapian::Database((dir.path / "b").string()));
    const auto index = shared_facet_slot_index(both, schema::kSourceSlot);
    // Documents interleave: a's first is 1, b's first is 2.
    CHECK(values_of(*index, 1) == std::vector<std::string>{"a"});
    CHECK(values_of(*index, 2) == std::vector<std::string>{"b"});
}
