// What may live in a database folder, so that telusur never writes over a user's files.
#pragma once

#include <filesystem>
#include <optional>

namespace telusur {

/// The first entry (by name) of the folder `db` that belongs neither to a Xapian glass database
/// nor to telusur (its segments folder), or nullopt; nullopt too when `db` is missing or empty.
/// Such an entry is the user's: `--db` given the archive's folder by mistake, or a file put into
/// the database folder. A new database is never created beside it, and a compaction, which
/// replaces the whole folder, refuses to run rather than delete it.
std::optional<std::filesystem::path> foreign_entry(const std::filesystem::path& db);

}  // namespace telusur
