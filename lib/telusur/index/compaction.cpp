#include "telusur/index/compaction.h"

#include <system_error>

#include <xapian.h>

#include "telusur/error.h"
#include "telusur/index/database_contents.h"
#include "telusur/xapian_error_text.h"

namespace telusur {

namespace fs = std::filesystem;

std::uintmax_t folder_bytes(const fs::path& path) {
    std::error_code ec;
    std::uintmax_t total = 0;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    }
    return total;
}

namespace {

/// The folder `given` names, as the swap must rename it: through symbolic links (renaming a link
/// would put a copy in its place, and the link's target would never see another write) and
/// absolute ("." cannot be renamed; the folder it names can).
fs::path folder_to_swap(const fs::path& given) {
    auto path = given;
    for (int hops = 0; hops < 40 && fs::is_symlink(path); ++hops) {
        const auto target = fs::read_symlink(path);
        path = target.is_absolute() ? target : path.parent_path() / target;
    }
    path = fs::absolute(path).lexically_normal();
    // "news.db/" would put the siblings inside the database folder.
    return path.has_filename() ? path : path.parent_path();
}

}  // namespace

CompactionResult compact_in_place(const fs::path& given, const std::vector<fs::path>& appended) {
    auto named = given.lexically_normal();
    if (!named.has_filename()) named = named.parent_path();
    const auto shown = named.string();  // in messages, as the user named it
    const auto path = folder_to_swap(given);
    // Siblings, so that the final renames stay on one file system and are atomic.
    const fs::path staging = path.string() + ".compacting";
    const fs::path retired = path.string() + ".precompact";
    // A run killed between its two renames left the database only under the retired name.
    if (!fs::exists(path) && fs::is_directory(retired)) fs::rename(retired, path);
    if (!fs::is_directory(path)) throw Error("database '" + shown + "' does not exist");
    // The swap below replaces the whole folder: anything else in it would be deleted.
    if (const auto entry = foreign_entry(path))
        throw Error("cannot compact '" + shown + "': it holds '" + entry->filename().string() +
                    "', which is not part of the database and would be deleted; move it out first");
    fs::remove_all(staging);  // left by a run that was killed while compacting
    fs::remove_all(retired);

    CompactionResult result;
    result.bytes_before = folder_bytes(path);  // the appended folders too, when they lie inside it
    try {
        // The writable handle is only the lock: it keeps telusur-index out until the swap is done.
        Xapian::WritableDatabase lock(path.string(), Xapian::DB_OPEN);
        Xapian::Database sources(path.string());
        for (const auto& extra : appended) sources.add_database(Xapian::Database(extra.string()));
        // Alone, the ids are kept as they are; with appended databases they are renumbered, each
        // database's range following the previous one's.
        sources.compact(staging.string(), appended.empty() ? Xapian::DBCOMPACT_NO_RENUMBER : 0);
        fs::rename(path, retired);
        try {
            fs::rename(staging, path);
        } catch (...) {
            fs::rename(retired, path);
            throw;
        }
    } catch (const Xapian::DatabaseLockError& e) {
        fs::remove_all(staging);
        throw Error(lock_error_text(shown, e));
    } catch (const Xapian::Error& e) {
        fs::remove_all(staging);
        throw Error("cannot compact '" + shown + "': " + xapian_error_text(e) + "; the database is as it was before");
    } catch (const fs::filesystem_error& e) {
        fs::remove_all(staging);
        throw Error("cannot compact '" + shown + "': " + e.what());
    }
    std::error_code ignored;
    fs::remove_all(retired, ignored);
    result.bytes_after = folder_bytes(path);
    return result;
}

}  // namespace telusur
