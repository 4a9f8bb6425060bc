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
    return name.ends_with(".glass") || name.starts_with("changes");
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
