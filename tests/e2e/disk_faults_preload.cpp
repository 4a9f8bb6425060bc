// Fault injection for the end-to-end tests, loaded into telusur-index with LD_PRELOAD, on writes
// to Xapian's table files ("*.glass"):
//  - TELUSUR_FULL_DISK_AFTER=N: they fail as on a disk that fills up once N bytes have been
//    written to them. The write that crosses the budget is cut short (as a real disk does), and
//    every later one fails with ENOSPC.
//  - TELUSUR_STALL_MARKER=PATH: the first one creates PATH and then waits a minute, as on a
//    stalled disk, so that a test can signal the process at a known point of its work.
#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/types.h>

namespace {

using PwriteFunction = ssize_t (*)(int, const void*, size_t, off_t);

long long g_written = 0;  // telusur-index writes from one thread

bool is_table(int fd) {
    char link[64];
    char path[4096];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const auto length = readlink(link, path, sizeof path - 1);
    if (length <= 6) return false;
    path[length] = '\0';
    return std::strcmp(path + length - 6, ".glass") == 0;
}

bool g_stalled = false;

void stall_once() {
    const char* marker = std::getenv("TELUSUR_STALL_MARKER");
    if (marker == nullptr || g_stalled) return;
    g_stalled = true;
    const int fd = ::open(marker, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) ::close(fd);
    ::sleep(60);  // a signal's handler ends the process meanwhile
}

ssize_t budgeted(PwriteFunction real, int fd, const void* buffer, size_t count, off_t offset) {
    if (is_table(fd)) stall_once();
    const char* budget_text = std::getenv("TELUSUR_FULL_DISK_AFTER");
    if (budget_text == nullptr || !is_table(fd)) return real(fd, buffer, count, offset);
    const long long budget = std::atoll(budget_text);
    if (g_written >= budget) {
        errno = ENOSPC;
        return -1;
    }
    if (g_written + static_cast<long long>(count) > budget) count = static_cast<size_t>(budget - g_written);
    const auto done = real(fd, buffer, count, offset);
    if (done > 0) g_written += done;
    return done;
}

}  // namespace

extern "C" ssize_t pwrite(int fd, const void* buffer, size_t count, off_t offset) {
    static const auto real = reinterpret_cast<PwriteFunction>(dlsym(RTLD_NEXT, "pwrite"));
    return budgeted(real, fd, buffer, count, offset);
}

extern "C" ssize_t pwrite64(int fd, const void* buffer, size_t count, off_t offset) {
    static const auto real = reinterpret_cast<PwriteFunction>(dlsym(RTLD_NEXT, "pwrite64"));
    return budgeted(real, fd, buffer, count, offset);
}
