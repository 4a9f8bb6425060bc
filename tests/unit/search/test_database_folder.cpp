// reopen_latest: a reader follows a database compacted in place, whatever its revision number.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <xapian.h>

#include "telusur/search/database_folder.h"

#include "temp_dir.h"

namespace fs = std::filesystem;
using telusur::FolderIdentity;
using telusur::folder_identity;
using telusur::reopen_latest;
using telusur::test::TempDir;

namespace {

void add_and_commit(const fs::path& path, const std::string& word) {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document doc;
    doc.add_term(word);
    db.add_document(doc);
    db.commit();
}

/// What `telusur-index --compact` does: compact into a sibling, then rename it over the folder.
void compact_in_place(const fs::path& path) {
    const auto staging = path.parent_path() / "staging";
    Xapian::Database(path.string()).compact(staging.string());
    fs::rename(path, path.parent_path() / "retired");
    fs::rename(staging, path);
    fs::remove_all(path.parent_path() / "retired");
}

}  // namespace

TEST_CASE("reopen_latest follows a database compacted in place to the revision number the reader holds") {
    TempDir dir;
    const auto path = dir.path / "db";
    add_and_commit(path, "satu");
    add_and_commit(path, "dua");
    auto known = folder_identity(path);
    Xapian::Database reader(path.string());
    Xapian::Database plain(path.string());
    REQUIRE(reader.get_revision() == 2);

    compact_in_place(path);
    add_and_commit(path, "tiga");
    REQUIRE(Xapian::Database(path.string()).get_revision() == 2);  // the case: the same number again

    // Xapian alone reports nothing new, and reads the new version file's counts with the old
    // tables: a state that never was.
    CHECK_FALSE(plain.reopen());
    CHECK(plain.get_doccount() == 3);
    CHECK_FALSE(plain.term_exists("tiga"));
    CHECK(reopen_latest(reader, path, known));
    CHECK(reader.get_doccount() == 3);
    CHECK(reader.term_exists("tiga"));
    CHECK(known == folder_identity(path));
    CHECK_FALSE(reopen_latest(reader, path, known));  // then unchanged, until the next commit
    add_and_commit(path, "empat");
    CHECK(reopen_latest(reader, path, known));
    CHECK(reader.get_doccount() == 4);
}

TEST_CASE("reopen_latest throws while the folder is gone, and opens it once it is back") {
    TempDir dir;
    const auto path = dir.path / "db";
    add_and_commit(path, "satu");
    auto known = folder_identity(path);
    Xapian::Database reader(path.string());
    fs::rename(path, dir.path / "away");
    CHECK_THROWS_AS(reopen_latest(reader, path, known), Xapian::Error);
    fs::rename(dir.path / "away", path);
    add_and_commit(path, "dua");
    CHECK(reopen_latest(reader, path, known));
    CHECK(reader.get_doccount() == 2);
}
