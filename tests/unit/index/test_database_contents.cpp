// foreign_entry, and the two places it keeps a user's files: a new database and a compaction.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "telusur/error.h"
#include "telusur/index/compaction.h"
#include "telusur/index/database_contents.h"
#include "telusur/index/index_writer.h"

#include "temp_dir.h"

using telusur::foreign_entry;
using telusur::IndexWriter;
using telusur::test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kStemmer = "indonesian";

/// What a user keeps in an archive folder.
void write_articles(const TempDir& dir, const std::string& folder) {
    dir.write(folder + "/001.txt", "Banjir di Bekasi\n\nBanjir merendam Bekasi.\n");
    dir.write(folder + "/000.txt", "Gempa di Cianjur\n\nGempa mengguncang Cianjur.\n");
}

}  // namespace

TEST_CASE("foreign_entry finds the first entry that is not part of a database") {
    TempDir dir;
    CHECK_FALSE(foreign_entry(dir.path / "missing"));
    CHECK_FALSE(foreign_entry(dir.path));  // empty
    { IndexWriter writer(dir.path / "db", 10, kStemmer); }
    fs::create_directories(dir.path / "db" / "telusur-segments" / "1");
    dir.write("db/changes12", "");                 // a Xapian changeset
    CHECK_FALSE(foreign_entry(dir.path / "db"));  // glass tables, version file, lock, segments
    dir.write("db/changes.txt", "a user's notes");
    CHECK(foreign_entry(dir.path / "db") == dir.path / "db" / "changes.txt");
    fs::remove(dir.path / "db" / "changes.txt");
    write_articles(dir, "db");
    const auto entry = foreign_entry(dir.path / "db");
    REQUIRE(entry);
    CHECK(entry->filename() == "000.txt");  // by name, whatever the directory's order
}

TEST_CASE("a new database is not created in a folder that holds other files") {
    TempDir dir;
    write_articles(dir, "arsip");
    try {
        IndexWriter writer(dir.path / "arsip", 10, kStemmer);
        FAIL("no error");
    } catch (const telusur::Error& e) {
        CHECK(std::string(e.what()) == "'" + (dir.path / "arsip").string() +
                                           "' is not a database and holds other files ('000.txt'); --db names a "
                                           "database folder, new or empty");
    }
    CHECK_FALSE(fs::exists(dir.path / "arsip" / "iamglass"));
    CHECK(fs::exists(dir.path / "arsip" / "000.txt"));
    // An existing database with a file put into it still opens: nothing is written over the file.
    { IndexWriter writer(dir.path / "db", 10, kStemmer); }
    dir.write("db/catatan.txt", "jangan dihapus");
    CHECK_NOTHROW(IndexWriter(dir.path / "db", 10, kStemmer));
}

TEST_CASE("compaction refuses a folder that holds anything but the database, and deletes nothing") {
    TempDir dir;
    { IndexWriter writer(dir.path / "db", 10, kStemmer); }
    const auto note = dir.write("db/catatan.txt", "jangan dihapus");
    try {
        telusur::compact_in_place(dir.path / "db");
        FAIL("no error");
    } catch (const telusur::Error& e) {
        CHECK(std::string(e.what()) == "cannot compact '" + (dir.path / "db").string() +
                                           "': it holds 'catatan.txt', which is not part of the database and "
                                           "would be deleted; move it out first");
    }
    CHECK(fs::exists(note));
    CHECK(fs::exists(dir.path / "db" / "iamglass"));
    fs::remove(note);
    CHECK_NOTHROW(telusur::compact_in_place(dir.path / "db"));
}
