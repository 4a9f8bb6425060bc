// Segments of a bulk build: written apart, merged into the database one piece would give.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "telusur/index/document_builder.h"
#include "telusur/index/index_writer.h"
#include "telusur/index/segments.h"
#include "telusur/schema.h"
#include "telusur/stored_article.h"

#include "temp_dir.h"
#include "writer_articles.h"

using telusur::Article;
using telusur::DocumentBuilder;
using telusur::IndexWriter;
using telusur::test::TempDir;
namespace fs = std::filesystem;

namespace {

const auto& stopwords = telusur::test::writer_stopwords;

/// Long enough for a MinHash signature; `variant` changes two words of 60, so two variants are
/// near-duplicates and two seeds are not.
std::string body(int seed, int variant = 0) {
    std::string text;
    for (int i = 0; i < 60; ++i)
        text += "kata" + std::to_string(seed) + "x" + std::to_string(i) + (i % 30 == 0 ? "v" + std::to_string(variant) : "") + " ";
    return text;
}

struct Input {
    std::string id;
    std::string body;
};

/// 10 articles: a near-duplicate of the first far from it, an id that comes back with new text.
std::vector<Input> inputs() {
    return {{"a", body(1)}, {"b", body(2)}, {"c", body(3)}, {"d", body(4)}, {"b", body(5)},
            {"e", body(6)}, {"a-copy", body(1, 1)}, {"f", body(7)}, {"g", body(8)}, {"h", "Berita pendek."}};
}

std::optional<telusur::CompactionResult> build(const fs::path& db, std::size_t segment_size, std::size_t batch_size,
                                               std::vector<Input> more = {}) {
    DocumentBuilder builder(stopwords());
    IndexWriter writer(db, batch_size, "snowball-indonesian-test", segment_size);
    auto all = inputs();
    all.insert(all.end(), more.begin(), more.end());
    for (const auto& input : all) {
        Article article;
        article.id = input.id;
        article.title = "Judul " + input.id;
        article.body = input.body;
        writer.write(input.id, builder.build(article));
    }
    return writer.close();
}

/// Every document of `db` in docid order: terms with wdf and positions, values, data.
std::string describe(const fs::path& path) {
    const Xapian::Database db(path.string());
    std::ostringstream out;
    out << "docs=" << db.get_doccount() << " last=" << db.get_lastdocid() << '\n';
    for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
        out << "doc " << *id << '\n';
        for (auto t = db.termlist_begin(*id); t != db.termlist_end(*id); ++t) {
            out << *t << " wdf=" << t.get_wdf() << " pos=";
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out << *p << ',';
            out << '\n';
        }
        const auto doc = db.get_document(*id);
        for (auto v = doc.values_begin(); v != doc.values_end(); ++v) out << "value " << v.get_valueno() << '=' << *v << '\n';
        out << "data=" << doc.get_data() << '\n';
    }
    return out.str();
}

}  // namespace

TEST_CASE("A bulk build in segments gives the documents, ids, terms and values of a build in one piece") {
    for (const std::size_t batch : {1, 2, 100}) {
        CAPTURE(batch);
        TempDir dir;
        CHECK_FALSE(build(dir.path / "whole.db", 0, batch));
        const auto merged = build(dir.path / "segmented.db", 3, batch);
        REQUIRE(merged);  // 9 documents in segments of 3
        CHECK(merged->bytes_after > 0);
        CHECK(describe(dir.path / "segmented.db") == describe(dir.path / "whole.db"));
        CHECK(telusur::unmerged_segments(dir.path / "segmented.db").empty());
        CHECK_FALSE(fs::exists(dir.path / "segmented.db" / "telusur-segments"));
    }
}

TEST_CASE("Adding many documents to an existing database in segments gives what one piece gives") {
    for (const std::size_t batch : {1, 100}) {
        CAPTURE(batch);
        TempDir dir;
        const auto append = [&](const fs::path& db, std::size_t segment_size) {
            DocumentBuilder builder(stopwords());
            {
                IndexWriter writer(db, batch, "snowball-indonesian-test", 0);
                for (const auto& [id, seed] : {std::pair{"a", 1}, std::pair{"orig", 11}}) {
                    Article article;
                    article.id = id;
                    article.body = body(seed);
                    writer.write(id, builder.build(article));
                }
            }
            // "a" comes back (replaced where it is), and the copy of "orig", two segments on,
            // must find it in the database as it was opened, which no in-memory list covers.
            return build(db, segment_size, batch, {{"orig-copy", body(11, 1)}});
        };
        CHECK_FALSE(append(dir.path / "whole.db", 0));
        CHECK(append(dir.path / "segmented.db", 3));
        CHECK(describe(dir.path / "segmented.db") == describe(dir.path / "whole.db"));
        const Xapian::Database db((dir.path / "segmented.db").string());
        CHECK(db.get_doccount() == 11);
        const auto key = db.get_document(*db.postlist_begin("Qorig")).get_value(telusur::schema::kClusterSlot);
        CHECK_FALSE(key.empty());
        CHECK(db.get_document(*db.postlist_begin("Qorig-copy")).get_value(telusur::schema::kClusterSlot) == key);
    }
}

TEST_CASE("Across segments, a returning id replaces its document and a near-duplicate joins its cluster") {
    TempDir dir;
    build(dir.path / "db", 3, 2);
    const Xapian::Database db((dir.path / "db").string());
    CHECK(db.get_doccount() == 9);
    const auto doc_of = [&](const std::string& id) { return db.get_document(*db.postlist_begin("Q" + id)); };
    CHECK(*db.postlist_begin("Qb") == 2);  // where "b" was first written, now with its second text
    CHECK(telusur::decode_stored_article(doc_of("b").get_data()).body.find("kata5x1") != std::string::npos);
    const auto key = doc_of("a").get_value(telusur::schema::kClusterSlot);
    CHECK_FALSE(key.empty());  // given when the copy arrived, two segments later
    CHECK(doc_of("a-copy").get_value(telusur::schema::kClusterSlot) == key);
    CHECK(doc_of("c").get_value(telusur::schema::kClusterSlot).empty());
}

TEST_CASE("Segments left by a killed bulk build are merged when the database is opened again") {
    TempDir dir;
    const auto path = dir.path / "db";
    {
        DocumentBuilder builder(stopwords());
        IndexWriter writer(path, 2, "snowball-indonesian-test", 3);
        for (int i = 0; i < 7; ++i) {
            Article article;
            article.id = "id" + std::to_string(i);
            article.body = body(i);
            writer.write(article.id, builder.build(article));
        }
    }  // destroyed without close(): committed, not merged, as when the process is killed
    CHECK(telusur::unmerged_segments(path).size() == 2);
    CHECK(Xapian::Database(path.string()).get_doccount() == 3);  // readers see the first segment
    {
        IndexWriter writer(path, 2, "snowball-indonesian-test", 3);
        CHECK(writer.document_count() == 7);
        CHECK(writer.is_unchanged("id6", Xapian::Database(path.string())
                                            .get_document(7)
                                            .get_value(telusur::schema::kContentHashSlot)));
    }
    const Xapian::Database db(path.string());
    CHECK(db.get_doccount() == 7);
    for (int i = 0; i < 7; ++i) CHECK(*db.postlist_begin("Qid" + std::to_string(i)) == static_cast<Xapian::docid>(i + 1));
    CHECK(telusur::unmerged_segments(path).empty());
}

TEST_CASE("unmerged_segments lists numbered databases in numeric order and ignores anything else") {
    TempDir dir;
    const auto db = dir.path / "db";
    fs::create_directories(db / "telusur-segments");
    for (const std::size_t n : {10, 2, 1}) Xapian::WritableDatabase(telusur::segment_path(db, n).string(), Xapian::DB_CREATE);
    fs::create_directories(telusur::segment_path(db, 3));  // killed before Xapian wrote anything
    fs::create_directories(db / "telusur-segments" / "notes");
    CHECK(telusur::unmerged_segments(db) ==
          std::vector<fs::path>{telusur::segment_path(db, 1), telusur::segment_path(db, 2), telusur::segment_path(db, 10)});
    CHECK(telusur::unmerged_segments(dir.path / "missing").empty());
    CHECK_FALSE(telusur::merge_segments(dir.path / "missing"));
}

TEST_CASE("an empty segment (killed before its first commit) merges as nothing") {
    TempDir dir;
    const auto db = dir.path / "db";
    const auto add = [](const fs::path& path, const std::vector<std::string>& ids) {
        Xapian::WritableDatabase out(path.string(), Xapian::DB_CREATE_OR_OPEN);
        for (const auto& id : ids) {
            Xapian::Document doc;
            doc.add_boolean_term("Q" + id);
            out.add_document(doc);
        }
        out.commit();
    };
    add(db, {"a", "b"});
    fs::create_directories(db / "telusur-segments");
    add(telusur::segment_path(db, 1), {});
    add(telusur::segment_path(db, 2), {"c"});
    REQUIRE(telusur::merge_segments(db));
    const Xapian::Database merged(db.string());
    CHECK(merged.get_doccount() == 3);
    CHECK(*merged.postlist_begin("Qc") == 3);
}
