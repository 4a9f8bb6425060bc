// Fault injection for the end-to-end tests, loaded into telusur-index with LD_PRELOAD: writes to
// Xapian's table files ("*.glass") fail as on a disk that fills up once
// TELUSUR_FULL_DISK_AFTER bytes have been written to them. The write that crosses the budget is
// cut short (as a real disk does), and every later one fails with ENOSPC.
#include <dlfcn.h>
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

ssize_t budgeted(PwriteFunction real, int fd, const void* buffer, size_t count, off_t offset) {
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
