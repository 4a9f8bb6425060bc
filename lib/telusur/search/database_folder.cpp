#include "telusur/search/database_folder.h"

#include <sys/stat.h>

namespace telusur {

FolderIdentity folder_identity(const std::filesystem::path& folder) {
    struct stat info {};
    if (::stat(folder.c_str(), &info) != 0) return {};
    return {info.st_dev, info.st_ino};
}

bool reopen_latest(Xapian::Database& db, const std::filesystem::path& folder, FolderIdentity& known) {
    const auto now = folder_identity(folder);
    if (now == known) return db.reopen();
    db = Xapian::Database(folder.string());
    known = now;
    return true;
}

std::string database_version(const Xapian::Database& db) {
    return db.get_uuid() + ":" + std::to_string(db.get_revision());
}

}  // namespace telusur
