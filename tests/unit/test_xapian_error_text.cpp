// Xapian's errors worded for messages: the system's reason kept, a lock held told from one that
// cannot be taken.
#include <doctest/doctest.h>

#include <xapian.h>

#include "telusur/xapian_error_text.h"

TEST_CASE("lock_error_text tells a database another writer holds from one that cannot be written") {
    const Xapian::DatabaseLockError held("Unable to get write lock on news.db: already locked");
    CHECK(telusur::lock_error_text("news.db", held) ==
          "database 'news.db' is locked by another writer (is telusur-index already running?)");
    // A read-only folder: looking for a running telusur-index would be a wild-goose chase.
    const Xapian::DatabaseLockError denied(
        "Unable to get write lock on news.db: Couldn't open lockfile: Permission denied");
    CHECK(telusur::lock_error_text("news.db", denied) ==
          "cannot write to database 'news.db': Unable to get write lock on news.db: Couldn't open lockfile: "
          "Permission denied");
}

TEST_CASE("xapian_error_text keeps the system's reason") {
    const Xapian::DatabaseError full("Error writing block 523", std::string(), "No space left on device");
    CHECK(telusur::xapian_error_text(full) == "Error writing block 523 (No space left on device)");
    CHECK(telusur::xapian_error_text(Xapian::DatabaseError("Bad line")) == "Bad line");
}
