#include "telusur/index/database_contents.h"

#include <array>
#include <string_view>
#include <system_error>

namespace telusur {

namespace fs = std::filesystem;

namespace {

bool is_database_entry(const std::string& name) {
    // Glass's tables (*.glass), version file, lock, the temporary files it renames into place,
    // and its replication changesets; telusur's segments.
    static constexpr std::array<std::string_view, 5> kNames = {"iamglass", "flintlock", "v.tmp", "new_stub.tmp",
                                                               "telusur-segments"};
    for (const auto known : kNames)
        if (name == known) return true;
    if (name.ends_with(".glass")) return true;
    const std::string_view changes = "changes";  // changes1, changes2, …: not a user's changes.txt
    return name.size() > changes.size() && name.starts_with(changes) &&
           name.find_first_not_of("0123456789", changes.size()) == std::string::npos;
}

}  // namespace

std::optional<fs::path> foreign_entry(const fs::path& db) {
    std::optional<fs::path> first;
    std::error_code ec;
    for (auto it = fs::directory_iterator(db, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (!is_database_entry(name) && (!first || it->path().filename() < first->filename())) first = it->path();
    }
    return first;
}

}  // namespace telusur
