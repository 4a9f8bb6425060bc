#include "telusur/search/version_stamp.h"

#include <sys/stat.h>
#include <time.h>

namespace telusur {

VersionStamp::VersionStamp(const std::filesystem::path& db) : path_((db / "iamglass").string()) { changed(); }

bool VersionStamp::same(const Stamp& a, const Stamp& b) {
    return a.device == b.device && a.inode == b.inode && a.size == b.size && a.modified.tv_sec == b.modified.tv_sec &&
           a.modified.tv_nsec == b.modified.tv_nsec && a.status_changed.tv_sec == b.status_changed.tv_sec &&
           a.status_changed.tv_nsec == b.status_changed.tv_nsec;
}

namespace {

/// Whether a file time is kSettled or more in the past. A time in the future (a clock set back)
/// is not settled.
bool settled(const timespec& time) {
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);  // the clock file times are taken from
    const long long age = (static_cast<long long>(now.tv_sec) - time.tv_sec) * 1'000'000'000LL + (now.tv_nsec - time.tv_nsec);
    return age >= VersionStamp::kSettledNanoseconds;
}

}  // namespace

bool VersionStamp::changed() {
    struct stat info {};
    if (::stat(path_.c_str(), &info) != 0) {
        known_ = false;
        return true;
    }
    const Stamp now{info.st_dev, info.st_ino, info.st_size, info.st_mtim, info.st_ctim};
    if (known_ && same(now, last_)) return false;
    last_ = now;
    known_ = settled(now.status_changed) && settled(now.modified);
    return true;
}

}  // namespace telusur
