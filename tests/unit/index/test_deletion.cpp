// Deleting articles by id: IndexWriter::remove and delete_articles.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "telusur/index/deletion.h"
#include "telusur/index/document_builder.h"
#include "telusur/index/index_writer.h"
#include "telusur/schema.h"

#include "temp_dir.h"
#include "writer_articles.h"

using telusur::DocumentBuilder;
using telusur::IndexWriter;
using telusur::InputError;
using telusur::ListedId;
using telusur::test::TempDir;
namespace schema = telusur::schema;

namespace {

const auto& stopwords = telusur::test::writer_stopwords;
const auto& article = telusur::test::writer_article;
using telusur::test::long_body;

bool holds(const Xapian::Database& db, const std::string& id) { return db.term_exists("Q" + id); }

/// Writes and commits articles "a", "b" and "c" into `db`.
void write_abc(const std::filesystem::path& db, DocumentBuilder& builder) {
    IndexWriter writer(db, 10, builder.stemmer_description());
    for (const std::string id : {"a", "b", "c"}) writer.write(id, builder.build(article(id, "Isi " + id + ".")));
}

}  // namespace

TEST_CASE("IndexWriter::remove deletes a document by id, once, and nothing for an id it lacks") {
    TempDir dir;
    DocumentBuilder builder(stopwords());
    const auto db = dir.path / "db";
    write_abc(db, builder);
    IndexWriter writer(db, 10, builder.stemmer_description());
    CHECK(writer.remove("b"));
    CHECK_FALSE(writer.remove("b"));
    CHECK_FALSE(writer.remove("tidak-ada"));
    CHECK_FALSE(writer.remove(std::string(schema::kMaxIdBytes + 10, 'x')));  // too long to be a term
    CHECK(writer.document_count() == 2);
    writer.commit();
    const Xapian::Database read(db.string());
    CHECK(read.get_doccount() == 2);
    CHECK(holds(read, "a"));
    CHECK_FALSE(holds(read, "b"));
    // Deleted, then indexed again: a new document.
    CHECK(writer.write("b", builder.build(article("b", "Isi b."))) == telusur::IndexOutcome::Added);
}

TEST_CASE("IndexWriter::remove finds documents in every segment of a run, before they are merged") {
    TempDir dir;
    DocumentBuilder builder(stopwords());
    const auto db = dir.path / "db";
    {
        IndexWriter writer(db, 1, builder.stemmer_description(), /*segment_size=*/2);
        for (int i = 0; i < 5; ++i) {
            const auto id = "s" + std::to_string(i);
            writer.write(id, builder.build(article(id, "Isi nomor " + id + ".")));
        }
        CHECK(writer.remove("s0"));  // in the database itself
        CHECK(writer.remove("s3"));  // in a closed segment
        CHECK(writer.remove("s4"));  // in the segment being written
        CHECK(writer.document_count() == 2);
        writer.close();
    }
    const Xapian::Database read(db.string());
    CHECK(read.get_doccount() == 2);
    CHECK(holds(read, "s1"));
    CHECK(holds(read, "s2"));
    CHECK_FALSE(holds(read, "s3"));
}

TEST_CASE("IndexWriter::remove of an article leaves its near-duplicate searchable and clustering") {
    TempDir dir;
    DocumentBuilder builder(stopwords());
    const auto db = dir.path / "db";
    {
        IndexWriter writer(db, 10, builder.stemmer_description());
        writer.write("asli", builder.build(article("asli", long_body())));
        writer.write("salinan", builder.build(article("salinan", long_body())));
        CHECK(writer.remove("asli"));
        writer.write("salinan-2", builder.build(article("salinan-2", long_body())));
    }
    const Xapian::Database read(db.string());
    const auto cluster_of = [&](const std::string& id) {
        const auto it = read.postlist_begin("Q" + id);
        REQUIRE(it != read.postlist_end("Q" + id));
        return read.get_document(*it).get_value(schema::kClusterSlot);
    };
    CHECK_FALSE(holds(read, "asli"));
    CHECK_FALSE(cluster_of("salinan").empty());
    CHECK(cluster_of("salinan-2") == cluster_of("salinan"));
}

TEST_CASE("delete_articles deletes what it finds, tells each id it does not by list line or option") {
    TempDir dir;
    DocumentBuilder builder(stopwords());
    const auto db = dir.path / "db";
    write_abc(db, builder);
    const std::vector<ListedId> ids{{"a", "--delete", 0}, {"x", "--delete", 0}, {"c", "hapus.txt", 2},
                                    {"c", "hapus.txt", 3}, {"y\x1b[2J", "hapus.txt", 4}};
    std::vector<std::string> told;
    std::atomic<bool> stop{false};
    IndexWriter writer(db, 1000, builder.stemmer_description());
    const auto stats =
        telusur::delete_articles(ids, writer, [&told](const InputError& e) { told.push_back(e.where_and_what()); }, stop);
    CHECK(stats.deleted == 2);
    CHECK(stats.not_found == 3);
    CHECK_FALSE(stats.interrupted);
    CHECK(told == std::vector<std::string>{"--delete: no article with id 'x'", "hapus.txt:3: no article with id 'c'",
                                           "hapus.txt:4: no article with id 'y [2J'"});
    const Xapian::Database read(db.string());  // committed, though the batch was not full
    CHECK(read.get_doccount() == 1);
    CHECK(holds(read, "b"));
}

TEST_CASE("delete_articles stops between ids once asked, keeping the deletions before") {
    TempDir dir;
    DocumentBuilder builder(stopwords());
    const auto db = dir.path / "db";
    IndexWriter writer(db, 1000, builder.stemmer_description());
    for (const std::string id : {"a", "b"}) writer.write(id, builder.build(article(id, "Isi " + id + ".")));
    std::atomic<bool> stop{true};
    const auto stats = telusur::delete_articles({{"a", "--delete", 0}}, writer, [](const InputError&) {}, stop);
    CHECK(stats.interrupted);
    CHECK(stats.deleted == 0);
    CHECK(writer.document_count() == 2);
}
