// VersionStamp, and Searcher::reopen built on it: a commit is always seen, nothing else reopens.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>

#include <xapian.h>

#include "telusur/error.h"
#include "telusur/index/document_builder.h"
#include "telusur/index/index_writer.h"
#include "telusur/language_data.h"
#include "telusur/schema.h"
#include "telusur/search/searcher.h"
#include "telusur/search/version_stamp.h"
#include "temp_dir.h"

using telusur::test::TempDir;

namespace {

const telusur::LanguageData& data() {
    static const auto d = telusur::LanguageData::load(TELUSUR_STEMMER_DATA_DIR);
    return d;
}

/// Waits until the version file written last is older than a stamp needs to be trusted.
void settle() {
    std::this_thread::sleep_for(std::chrono::nanoseconds(telusur::VersionStamp::kSettledNanoseconds) +
                                std::chrono::milliseconds(20));
}

/// Commits one more document to `db`: a new revision, so a new version file.
void commit_one(Xapian::WritableDatabase& db) {
    Xapian::Document doc;
    doc.add_term("kata" + std::to_string(db.get_lastdocid()));
    db.add_document(doc);
    db.commit();
}

telusur::Article article(std::string id, std::string body) {
    telusur::Article a;
    a.id = std::move(id);
    a.title = "Berita";
    a.body = std::move(body);
    a.date = "2024-11-04";
    return a;
}

/// A telusur database holding one article, its writer still open.
struct OneArticleDatabase {
    TempDir dir;
    telusur::DocumentBuilder builder{data()};
    std::optional<telusur::IndexWriter> writer;

    OneArticleDatabase() : writer(std::in_place, path(), 100, builder.stemmer_description()) {
        add(article("pertama", "Tentara berlatih di pegunungan selama sepekan."));
    }
    std::filesystem::path path() const { return dir.path / "db"; }
    void add(const telusur::Article& a) {
        writer->write(a.id, builder.build(a));
        writer->commit();
    }
};

}  // namespace

TEST_CASE("VersionStamp sees every commit and nothing else") {
    TempDir dir;
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE);
    commit_one(db);
    settle();
    telusur::VersionStamp stamp(dir.path / "db");
    CHECK_FALSE(stamp.changed());  // the file as it was when the stamp was taken
    CHECK_FALSE(stamp.changed());

    commit_one(db);
    CHECK(stamp.changed());
    // Just written: the next commit could fall in the same clock tick and, with the inode
    // number freed by this one, leave a file with the same stamp. Not trusted yet.
    CHECK(stamp.changed());
    commit_one(db);
    commit_one(db);
    CHECK(stamp.changed());
    settle();
    CHECK(stamp.changed());  // settled: taken as seen from now on
    CHECK_FALSE(stamp.changed());

    for (int round = 0; round < 3; ++round) {
        commit_one(db);
        commit_one(db);
        CHECK(stamp.changed());
        settle();
        CHECK(stamp.changed());
        CHECK_FALSE(stamp.changed());
    }

    db.commit();  // nothing to write: no new revision, no new version file
    CHECK_FALSE(stamp.changed());

    stamp.forget();
    CHECK(stamp.changed());
    CHECK_FALSE(stamp.changed());
}

TEST_CASE("VersionStamp without a version file always says changed, for Xapian to decide") {
    TempDir dir;
    telusur::VersionStamp missing(dir.path / "no-database-here");
    CHECK(missing.changed());
    CHECK(missing.changed());
}

TEST_CASE("Searcher::reopen is false until a writer commits, then sees the commit") {
    OneArticleDatabase db;
    telusur::Searcher searcher(db.path(), data());
    CHECK_FALSE(searcher.reopen());
    CHECK_FALSE(searcher.reopen());

    db.add(article("kedua", "Nelayan melaut meski ombak tinggi."));
    CHECK(searcher.reopen());
    CHECK_FALSE(searcher.reopen());
    telusur::SearchRequest request;
    request.query = "nelayan";
    const auto found = searcher.search(request);
    REQUIRE(found.hits.size() == 1);
    CHECK(found.hits[0].article.id == "kedua");
}

TEST_CASE("Searcher::reopen keeps refusing a database rebuilt with another stemmer") {
    OneArticleDatabase db;
    db.writer.reset();  // its lock, for the writer below
    telusur::Searcher searcher(db.path(), data());
    {
        Xapian::WritableDatabase writable(db.path().string(), Xapian::DB_OPEN);
        writable.set_metadata(std::string(telusur::schema::kStemmerKey), "another stemmer");
        writable.commit();
    }
    settle();  // a settled version file, which the stamp would otherwise take as seen
    // Not only at the first look: every request is refused until the server restarts.
    CHECK_THROWS_AS(searcher.reopen(), telusur::Error);
    CHECK_THROWS_AS(searcher.reopen(), telusur::Error);
    CHECK_THROWS_AS(searcher.reopen(), telusur::Error);
}

TEST_CASE("Searcher::reopen refuses a database where documents of another stemmer remain") {
    // A run after stemmer-data changed rebuilt some articles only: the others hold stems that
    // queries no longer make.
    OneArticleDatabase db;
    db.writer.reset();
    telusur::Searcher searcher(db.path(), data());
    {
        telusur::IndexWriter other(db.path(), 100, "another stemmer");
        telusur::DocumentBuilder builder(data().stopwords, Xapian::Stem("english"));
        other.write("kedua", builder.build(article("kedua", "Nelayan melaut.")));
        other.commit();
    }
    {
        Xapian::WritableDatabase writable(db.path().string(), Xapian::DB_OPEN);
        writable.set_metadata(std::string(telusur::schema::kStemmerKey), data().make_stemmer().get_description());
        writable.commit();
    }
    settle();
    try {
        searcher.reopen();
        FAIL("no error");
    } catch (const telusur::Error& e) {
        CHECK(std::string(e.what()).find("1 of its 2 documents were built with other stemmer-data") != std::string::npos);
    }
    CHECK_THROWS_AS(searcher.reopen(), telusur::Error);
}
