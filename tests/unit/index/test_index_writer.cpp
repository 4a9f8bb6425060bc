// IndexWriter: the single writer of a database; replace by id, skip unchanged content, locking.
#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

#include <xapian.h>

#include "telusur/error.h"
#include "telusur/index/document_builder.h"
#include "telusur/index/index_writer.h"
#include "telusur/schema.h"

#include "temp_dir.h"
#include "writer_articles.h"

using telusur::test::TempDir;

namespace fs = std::filesystem;
using telusur::DocumentBuilder;
using telusur::IndexOutcome;
using telusur::IndexWriter;
namespace schema = telusur::schema;

namespace {

const auto& stopwords = telusur::test::writer_stopwords;
const auto& article = telusur::test::writer_article;
using telusur::test::long_body;

const std::string kStemmer = "snowball-indonesian-test";

/// A file-size limit on this process while it lives: Xapian's block writes past it fail with
/// EFBIG, as they fail with ENOSPC on a full disk. SIGXFSZ is ignored meanwhile, else the limit
/// would kill the test.
class FileSizeLimit {
  public:
    explicit FileSizeLimit(rlim_t bytes) : old_handler_(std::signal(SIGXFSZ, SIG_IGN)) {
        REQUIRE(getrlimit(RLIMIT_FSIZE, &unlimited_) == 0);
        rlimit limited = unlimited_;
        limited.rlim_cur = bytes;
        REQUIRE(setrlimit(RLIMIT_FSIZE, &limited) == 0);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &unlimited_);
        std::signal(SIGXFSZ, old_handler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

  private:
    void (*old_handler_)(int);
    rlimit unlimited_{};
};

}  // namespace

TEST_CASE("IndexWriter adds a new id and replaces an existing one") {
    TempDir dir;
    DocumentBuilder builder(stopwords());
    const auto db = dir.path / "db";
    {
        IndexWriter writer(db, 10, kStemmer);
        CHECK(writer.write("a", builder.build(article("a", "Isi pertama."))) == IndexOutcome::Added);
        CHECK(writer.document_count() == 1);
        CHECK(writer.write("b", builder.build(article("b", "Isi lain."))) == IndexOutcome::Added);
        CHECK(writer.document_count() == 2);
        writer.commit();
    }
    {
        IndexWriter writer(db, 10, kStemmer);  // the next run: an update
        CHECK(writer.write("a", builder.build(article("a", "Isi kedua."))) == IndexOutcome::Replaced);
        CHECK(writer.document_count() == 2);
    }
    Xapian::Database read(db.string());
    CHECK(read.get_doccount() == 2);
    CHECK(read.term_exists("kedua"));
    CHECK_FALSE(read.term_exists("pertama"));  // the first version is gone
}

TEST_CASE("IndexWriter tells an id written twice in one run from an update of an earlier run") {
    TempDir dir;
    DocumentBuilder builder(stopwords());
    const auto db = dir.path / "db";
    for (const bool started_empty : {true, false}) {
        CAPTURE(started_empty);
        IndexWriter writer(db, 10, kStemmer);
        const auto first = writer.write("a", builder.build(article("a", "Isi pertama.")));
        CHECK(first == (started_empty ? IndexOutcome::Added : IndexOutcome::Replaced));
        // Two records with one id in one input: only the later is kept, and the caller is told.
        CHECK(writer.write("a", builder.build(article("a", "Isi kedua."))) == IndexOutcome::ReplacedFromThisRun);
        CHECK(writer.write("b" + std::to_string(started_empty), builder.build(article("b", "Isi lain."))) ==
              IndexOutcome::Added);
        CHECK(writer.document_count() == (started_empty ? 2 : 3));
    }
}

TEST_CASE("IndexWriter keys a document by its id even when the document lacks the id term") {
    TempDir dir;
    IndexWriter writer(dir.path / "db", 10, kStemmer);
    Xapian::Document bare;
    bare.add_term("isi");
    CHECK(writer.write("x", bare) == IndexOutcome::Added);
    CHECK(writer.write("x", bare) == IndexOutcome::ReplacedFromThisRun);
    CHECK(writer.document_count() == 1);
}

TEST_CASE("IndexWriter records the schema version and stemmer as metadata") {
    TempDir dir;
    DocumentBuilder builder(stopwords());
    {
        IndexWriter writer(dir.path / "db", 10, kStemmer);
        writer.write("a", builder.build(article("a", "Isi.")));
        writer.commit();
    }
    Xapian::Database read((dir.path / "db").string());
    CHECK(read.get_metadata(std::string(schema::kVersionKey)) == schema::kVersion);
    CHECK(read.get_metadata(std::string(schema::kStemmerKey)) == kStemmer);
}

TEST_CASE("IndexWriter makes a new database a telusur database before its first batch") {
    // A run whose first batch cannot be written (a full disk) left a database without the schema
    // metadata, which telusur-query refused as "not a telusur database" instead of answering
    // from an empty one.
    TempDir dir;
    IndexWriter writer(dir.path / "db", 10, kStemmer);
    Xapian::Database read((dir.path / "db").string());
    CHECK(read.get_doccount() == 0);
    CHECK(read.get_metadata(std::string(schema::kVersionKey)) == schema::kVersion);
    CHECK(read.get_metadata(std::string(schema::kStemmerKey)) == kStemmer);
}

TEST_CASE("IndexWriter commits on destruction") {
    TempDir dir;
    DocumentBuilder builder(stopwords());
    {
        IndexWriter writer(dir.path / "db", 100, kStemmer);
        writer.write("a", builder.build(article("a", "Isi.")));
    }
    CHECK(Xapian::Database((dir.path / "db").string()).get_doccount() == 1);
}

TEST_CASE("IndexWriter commits by itself when a batch is full") {
    TempDir dir;
    DocumentBuilder builder(stopwords());
    IndexWriter writer(dir.path / "db", 2, kStemmer);
    writer.write("a", builder.build(article("a", "Isi.")));
    CHECK(Xapian::Database((dir.path / "db").string()).get_doccount() == 0);
    writer.write("b", builder.build(article("b", "Isi.")));
    CHECK(Xapian::Database((dir.path / "db").string()).get_doccount() == 2);
}

TEST_CASE("IndexWriter names the database and the way on when a commit cannot be written") {
    // A file-size limit fails Xapian's block writes (EFBIG) as a full disk does (ENOSPC).
    TempDir dir;
    DocumentBuilder builder(stopwords());
    const auto db = dir.path / "db";
    std::string message;
    std::size_t written = 0;
    {
        IndexWriter writer(db, 10, kStemmer);
        const FileSizeLimit limit(256 * 1024);  // lifted before the writer's last commit
        try {
            for (; written < 20000; ++written) {
                const auto id = "d" + std::to_string(written);
                writer.write(id, builder.build(article(id, long_body() + " nomor" + std::to_string(written))));
            }
        } catch (const telusur::Error& e) {
            message = e.what();
        }
    }
    CHECK(message.starts_with("cannot write database '" + db.string() + "': "));
    CHECK(message.find("(File too large)") != std::string::npos);  // the system's reason, not only Xapian's
    CHECK(message.ends_with("run the same command again to resume"));
    // What is on disk is whole batches, and the database takes writes again.
    const auto kept = Xapian::Database(db.string()).get_doccount();
    CHECK(kept % 10 == 0);
    CHECK(kept <= written);
    IndexWriter again(db, 10, kStemmer);
    again.write("z", builder.build(article("z", "Isi.")));
    again.commit();
    CHECK(Xapian::Database(db.string()).get_doccount() == kept + 1);
}

TEST_CASE("IndexWriter names the database and the way on when a document cannot be written") {
    // Xapian writes table blocks while documents are added, not only at a commit: with a batch
    // too large to be committed, the full disk (here a file-size limit) meets write() itself.
    TempDir dir;
    DocumentBuilder builder(stopwords());
    const auto db = dir.path / "db";
    std::string message;
    {
        IndexWriter writer(db, 1000000, kStemmer);
        const FileSizeLimit limit(64 * 1024);  // lifted before the writer's last commit
        try {
            for (std::size_t i = 0; i < 20000; ++i) {
                const auto id = "d" + std::to_string(i);
                writer.write(id, builder.build(article(id, long_body() + " nomor" + std::to_string(i))));
            }
        } catch (const telusur::Error& e) {
            message = e.what();
        } catch (const Xapian::Error& e) {
            message = "Xapian::Error: " + e.get_description();
        }
    }
    CHECK(message.starts_with("cannot write database '" + db.string() + "': "));
    CHECK(message.find("(File too large)") != std::string::npos);
    CHECK(message.ends_with("run the same command again to resume"));
    CHECK_NOTHROW(Xapian::Database(db.string()).get_doccount());  // still a database
}

TEST_CASE("IndexWriter knows an id is unchanged when its content hash is the same") {
    TempDir dir;
    DocumentBuilder builder(stopwords());
    const auto a = article("a", "Isi pertama.");
    {
        IndexWriter writer(dir.path / "db", 10, kStemmer);
        writer.write("a", builder.build(a));
    }
    IndexWriter writer(dir.path / "db", 10, kStemmer);
    CHECK(writer.is_unchanged("a", builder.content_hash(a)));
    CHECK_FALSE(writer.is_unchanged("a", builder.content_hash(article("a", "Isi kedua."))));
    CHECK_FALSE(writer.is_unchanged("a", "0000000000000000"));
    CHECK_FALSE(writer.is_unchanged("b", builder.content_hash(a)));
}

TEST_CASE("IndexWriter knows an id is unchanged within the run that created the database") {
    TempDir dir;
    DocumentBuilder builder(stopwords());
    const auto a = article("a", "Isi pertama.");
    IndexWriter writer(dir.path / "db", 10, kStemmer);
    writer.write("a", builder.build(a));
    writer.commit();
    CHECK(writer.is_unchanged("a", builder.content_hash(a)));
}

TEST_CASE("IndexWriter finds no document unchanged that another stemmer built, and counts them") {
    // stemmer-data edited between two runs: the second run, given the same articles, must
    // rebuild them, and a run given only some leaves the rest to be told about.
    TempDir dir;
    DocumentBuilder before(stopwords());
    DocumentBuilder after(stopwords(), Xapian::Stem("english"));
    {
        IndexWriter writer(dir.path / "db", 10, before.stemmer_description());
        for (const std::string id : {"a", "b", "c"}) writer.write(id, before.build(article(id, "Isi " + id + ".")));
        CHECK(writer.documents_of_other_stemmers() == 0);
    }
    IndexWriter writer(dir.path / "db", 10, after.stemmer_description());
    CHECK(writer.documents_of_other_stemmers() == 3);
    CHECK(writer.is_unchanged("a", before.content_hash(article("a", "Isi a."))));
    CHECK_FALSE(writer.is_unchanged("a", after.content_hash(article("a", "Isi a."))));
    CHECK(writer.write("a", after.build(article("a", "Isi a."))) == IndexOutcome::Replaced);
    CHECK(writer.documents_of_other_stemmers() == 2);  // before the commit too
    writer.commit();
    CHECK(writer.documents_of_other_stemmers() == 2);
}

TEST_CASE("IndexWriter refuses a second writer while the first holds the lock") {
    TempDir dir;
    IndexWriter first(dir.path / "db", 10, kStemmer);
    CHECK_THROWS_AS(IndexWriter(dir.path / "db", 10, kStemmer), telusur::Error);
    CHECK_THROWS_WITH(IndexWriter(dir.path / "db", 10, kStemmer), doctest::Contains("locked"));
}

TEST_CASE("IndexWriter can reopen a database once the first writer is gone") {
    TempDir dir;
    { IndexWriter first(dir.path / "db", 10, kStemmer); }
    CHECK_NOTHROW(IndexWriter(dir.path / "db", 10, kStemmer));
}

TEST_CASE("IndexWriter refuses a path that is not a database folder") {
    TempDir dir;
    std::ofstream(dir.path / "file") << "not a database";
    CHECK_THROWS_WITH_AS(IndexWriter(dir.path / "file", 10, kStemmer),
                         ("'" + (dir.path / "file").string() + "' is a file; --db names a database folder (created if missing)").c_str(),
                         telusur::Error);
    std::ifstream left(dir.path / "file");
    CHECK(std::string(std::istreambuf_iterator<char>(left), {}) == "not a database");  // left as it was
}

TEST_CASE("IndexWriter refuses a database built with another schema version") {
    TempDir dir;
    {
        Xapian::WritableDatabase old((dir.path / "db").string(), Xapian::DB_CREATE_OR_OPEN);
        old.add_document(Xapian::Document());
        old.set_metadata(std::string(schema::kVersionKey), "0");
        old.commit();
    }
    CHECK_THROWS_WITH_AS(IndexWriter(dir.path / "db", 10, kStemmer), doctest::Contains("schema '0'"),
                         telusur::Error);
}

TEST_CASE("IndexWriter puts near-duplicates in one cluster and others in their own") {
    for (const std::size_t batch : {1, 10}) {  // the earlier copy committed, or still pending
        CAPTURE(batch);
        TempDir dir;
        DocumentBuilder builder(stopwords());
        {
            IndexWriter writer(dir.path / "db", batch, kStemmer);
            writer.write("a", builder.build(article("a", long_body())));
            writer.write("other", builder.build(article("other", "Berita yang sama sekali berbeda.")));
            writer.write("copy", builder.build(article("copy", long_body())));
        }
        Xapian::Database read((dir.path / "db").string());
        const auto document = [&](const std::string& id) {
            const auto it = read.postlist_begin("Q" + id);
            REQUIRE(it != read.postlist_end("Q" + id));
            return read.get_document(*it);
        };
        const auto cluster_term = [&](const std::string& id) {
            std::vector<std::string> terms;
            const auto doc = document(id);
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
                if ((*t).starts_with(schema::kClusterPrefix)) terms.push_back(*t);
            REQUIRE(terms.size() == 1);
            return terms.front();
        };
        // "a" was alone when written; the copy gives it the collapse value too.
        const auto key = document("a").get_value(schema::kClusterSlot);
        CHECK_FALSE(key.empty());
        CHECK(document("copy").get_value(schema::kClusterSlot) == key);
        CHECK(cluster_term("a") == std::string(schema::kClusterPrefix) + key);
        CHECK(cluster_term("copy") == cluster_term("a"));
        CHECK(read.get_termfreq(cluster_term("a")) == 2);
        // A lone article has a cluster of its own, and no collapse value for the matcher to read.
        CHECK(document("other").get_value(schema::kClusterSlot).empty());
        CHECK(cluster_term("other") != cluster_term("a"));
        CHECK(read.get_termfreq(cluster_term("other")) == 1);
    }
}

TEST_CASE("IndexWriter starts a new cluster for an article rewritten apart from its old copies") {
    // "asli" and "salinan" were one story; "asli" was then rewritten as another story, and
    // "kutipan" quotes the new one. The old copy must not collapse with the new story.
    std::string other_body;
    for (int i = 0; i < 60; ++i) other_body += "berita" + std::to_string(i % 5) + "y lain" + std::to_string(i * 3) + " ";
    TempDir dir;
    DocumentBuilder builder(stopwords());
    {
        IndexWriter writer(dir.path / "db", 10, kStemmer);
        writer.write("asli", builder.build(article("asli", long_body())));
        writer.write("salinan", builder.build(article("salinan", long_body())));
        CHECK(writer.write("asli", builder.build(article("asli", other_body))) == IndexOutcome::ReplacedFromThisRun);
        writer.write("kutipan", builder.build(article("kutipan", other_body)));
    }
    Xapian::Database read((dir.path / "db").string());
    const auto cluster = [&](const std::string& id) {
        const auto it = read.postlist_begin("Q" + id);
        REQUIRE(it != read.postlist_end("Q" + id));
        return read.get_document(*it).get_value(schema::kClusterSlot);
    };
    CHECK_FALSE(cluster("kutipan").empty());
    CHECK(cluster("kutipan") == cluster("asli"));
    CHECK(cluster("salinan") != cluster("asli"));
}
