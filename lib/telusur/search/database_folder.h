// DatabaseFolder: which database a folder holds, beyond the revision number Xapian compares.
#pragma once

#include <filesystem>
#include <string>
#include <sys/types.h>

#include <xapian.h>

namespace telusur {

/// A folder's identity on its file system. Compacting a database in place, or rebuilding it,
/// renames a new folder over the old one; the new database counts its revisions from 1 again, so
/// it may reach the very revision number a reader holds, and Xapian's reopen() then takes it for
/// unchanged and goes on reading the deleted files. The folder's identity tells the two apart.
struct FolderIdentity {
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const FolderIdentity&) const = default;
};

/// The identity of `folder`, or zeros when it cannot be read (gone, or being replaced).
FolderIdentity folder_identity(const std::filesystem::path& folder);

/// Brings `db`, a read-only handle on the database in `folder`, to its latest commit: reopen()
/// while the folder is the one `known` names (taken before `db` was opened, so that a
/// replacement in between counts), else a new handle on the new folder, and `known` updated.
/// Returns whether `db` now shows another state. Throws Xapian::Error as reopen() does, leaving
/// `known` as it was so that the next call tries again.
bool reopen_latest(Xapian::Database& db, const std::filesystem::path& folder, FolderIdentity& known);

/// The state `db` shows, as a key for what was computed from it: the database's UUID (each
/// database has its own, so one compacted in place or rebuilt has another) and its revision.
std::string database_version(const Xapian::Database& db);

}  // namespace telusur
