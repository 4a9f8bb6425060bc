// VersionStamp: tells cheaply whether a Xapian database may have changed since it was last read.
#pragma once

#include <ctime>
#include <filesystem>
#include <string>
#include <sys/types.h>

namespace telusur {

/// The identity of a glass database's version file, `iamglass`. Every commit writes a new
/// version file and renames it over the old one, so while the file's inode, size, and
/// modification and change times stay the same, the database has not changed and a reader need
/// not reopen it. One stat(2), where Xapian's reopen() opens, reads and parses the file (three
/// system calls and a few percent of a served search, bench/results/http-load.md).
///
/// File times advance in clock ticks, and a freed inode number comes back two commits later, so
/// two commits within one tick can leave a version file with the stamp of the one before. As git
/// does with its index, a stamp is trusted only when its file was already older than any tick
/// (kSettled) when it was taken; until then every look says "changed" and Xapian reads the file,
/// as it would without this class. Not thread-safe: one per database handle.
class VersionStamp {
  public:
    /// Watches the version file of the database at `db`, as it is now: take the stamp before
    /// opening the database, so that a commit in between shows as a change.
    explicit VersionStamp(const std::filesystem::path& db);

    /// False when the version file is the one seen at construction or at the last call that
    /// returned true: the database is certainly unchanged. True when the file changed, and when
    /// it cannot be read (a database that is not a glass folder, or gone): then the caller lets
    /// Xapian decide.
    bool changed();

    /// Forgets the file seen, so that the next changed() returns true.
    void forget() { known_ = false; }

    /// How old a version file must be for its stamp to be trusted: far more than a clock tick.
    static constexpr long kSettledNanoseconds = 100'000'000;

  private:
    struct Stamp {
        dev_t device = 0;
        ino_t inode = 0;
        off_t size = 0;
        timespec modified{};
        timespec status_changed{};
    };
    static bool same(const Stamp& a, const Stamp& b);

    std::string path_;
    Stamp last_;
    bool known_ = false;
};

}  // namespace telusur
