#include "telusur/index/segments.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <system_error>
#include <utility>

namespace telusur {

namespace fs = std::filesystem;

namespace {

/// Inside the database folder: one folder for the user to see, and removed with the old files
/// when the merged database is swapped in.
fs::path segments_folder(const fs::path& db) { return db / "telusur-segments"; }

}  // namespace

fs::path segment_path(const fs::path& db, std::size_t number) {
    return segments_folder(db) / std::to_string(number);
}

std::vector<fs::path> unmerged_segments(const fs::path& db) {
    std::vector<std::pair<std::size_t, fs::path>> numbered;
    std::error_code ec;
    for (auto it = fs::directory_iterator(segments_folder(db), ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        const auto name = it->path().filename().string();
        std::size_t number = 0;
        const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), number);
        // A segment killed before Xapian wrote its first revision is not a database: skip it.
        if (error == std::errc() && end == name.data() + name.size() && fs::exists(it->path() / "iamglass"))
            numbered.emplace_back(number, it->path());
    }
    std::sort(numbered.begin(), numbered.end());
    std::vector<fs::path> paths;
    for (auto& [number, path] : numbered) paths.push_back(std::move(path));
    return paths;
}

std::optional<CompactionResult> merge_segments(const fs::path& db) {
    const auto segments = unmerged_segments(db);
    if (segments.empty()) {
        std::error_code ignored;
        fs::remove_all(segments_folder(db), ignored);  // only empty or unusable segments
        return std::nullopt;
    }
    return compact_in_place(db, segments);
}

}  // namespace telusur
