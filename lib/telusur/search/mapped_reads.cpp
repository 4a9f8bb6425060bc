#include "telusur/search/mapped_reads.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <string_view>

// The state below is global because the C library's file calls are: one process, one table of
// descriptors. It is constant-initialised (zeros), so the hooks work even before main().

namespace telusur {

namespace {

/// A map of one table file. Only the file's first `size` bytes are read; the map reserves
/// `capacity` bytes so that a growing file is mostly followed by raising `size`. When it
/// outgrows the reserve, a larger map replaces this one, which stays valid (another thread may
/// still be copying from it) until the file is closed.
struct Mapping {
    const char* data;
    std::size_t capacity;
    std::atomic<std::size_t> size;
    Mapping* older;
};

/// Descriptors from this on are read with pread(): a searcher holds four tables.
constexpr int kMaxFd = 4096;

/// Room reserved beyond a file's end, so that a writer's commits rarely need a new map.
std::size_t reserve_for(std::size_t size) {
    constexpr std::size_t kMinReserve = std::size_t{64} << 20;
    const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    const auto wanted = size + std::max(size, kMinReserve);
    return (wanted + page - 1) / page * page;
}

Mapping g_not_a_table{nullptr, 0, {0}, nullptr};
std::atomic<Mapping*> g_maps[kMaxFd];  // nullptr: not looked at yet; &g_not_a_table: use pread()
std::atomic<bool> g_enabled{false};
std::atomic<std::uint64_t> g_from_map{0};
std::atomic<std::uint64_t> g_passed_through{0};

template <typename Function>
Function next_definition(const char* name) {
    return reinterpret_cast<Function>(dlsym(RTLD_NEXT, name));
}

ssize_t system_pread(int fd, void* buffer, std::size_t count, off_t offset) {
    static const auto call = next_definition<ssize_t (*)(int, void*, std::size_t, off_t)>("pread");
    return call(fd, buffer, count, offset);
}

int system_close(int fd) {
    static const auto call = next_definition<int (*)(int)>("close");
    return call(fd);
}

int system_fadvise(int fd, off_t offset, off_t length, int advice) {
    static const auto call = next_definition<int (*)(int, off_t, off_t, int)>("posix_fadvise");
    return call(fd, offset, length, advice);
}

/// A file Xapian reads a table from: opened read-only, named "*.glass". A writer's tables
/// (read-write) are left to pread(), as is everything else.
bool is_read_only_table(int fd) {
    const int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || (flags & O_ACCMODE) != O_RDONLY) return false;
    char link[32];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char path[4096];
    const auto length = readlink(link, path, sizeof path);
    if (length <= 0 || static_cast<std::size_t>(length) >= sizeof path) return false;
    return std::string_view(path, static_cast<std::size_t>(length)).ends_with(".glass");
}

std::size_t file_size(int fd) {
    struct stat status {};
    if (fstat(fd, &status) != 0 || !S_ISREG(status.st_mode) || status.st_size < 0) return 0;
    return static_cast<std::size_t>(status.st_size);
}

/// A new map of `fd`'s first `size` bytes, or nullptr.
Mapping* map_file(int fd, std::size_t size, Mapping* older) {
    const auto capacity = reserve_for(size);
    void* data = mmap(nullptr, capacity, PROT_READ, MAP_SHARED, fd, 0);
    if (data == MAP_FAILED) return nullptr;
    return new Mapping{static_cast<const char*>(data), capacity, {size}, older};
}

void release(Mapping* map) {
    while (map != nullptr && map != &g_not_a_table) {
        Mapping* older = map->older;
        munmap(const_cast<char*>(map->data), map->capacity);
        delete map;
        map = older;
    }
}

/// The first read of `fd` since it was opened: map it if it is a table.
Mapping* look_at(int fd) {
    Mapping* mine = &g_not_a_table;
    if (is_read_only_table(fd)) {
        const auto size = file_size(fd);
        if (size == 0) return &g_not_a_table;  // an empty table is not read: look again later
        if (auto* map = map_file(fd, size, nullptr)) mine = map;
    }
    Mapping* seen = nullptr;
    if (g_maps[fd].compare_exchange_strong(seen, mine, std::memory_order_acq_rel)) return mine;
    if (mine != &g_not_a_table) release(mine);  // another thread looked first
    return seen;
}

/// `map` after following `fd`'s growth (a writer committed since it was mapped).
Mapping* follow_growth(int fd, Mapping* map) {
    const auto size = file_size(fd);
    if (size <= map->size.load(std::memory_order_acquire)) return map;
    if (size <= map->capacity) {
        // Sizes only grow: keep the larger if another thread got here first.
        auto known = map->size.load(std::memory_order_acquire);
        while (known < size && !map->size.compare_exchange_weak(known, size, std::memory_order_acq_rel)) {
        }
        return map;
    }
    Mapping* larger = map_file(fd, size, map);
    if (larger == nullptr) return map;
    Mapping* expected = map;
    if (g_maps[fd].compare_exchange_strong(expected, larger, std::memory_order_acq_rel)) return larger;
    larger->older = nullptr;  // another thread remapped first
    release(larger);
    return expected;
}

}  // namespace

void enable_mapped_reads() { g_enabled.store(true, std::memory_order_release); }

bool mapped_reads_enabled() { return g_enabled.load(std::memory_order_acquire); }

MappedReadCounts mapped_read_counts() {
    return {g_from_map.load(std::memory_order_relaxed), g_passed_through.load(std::memory_order_relaxed)};
}

}  // namespace telusur

using telusur::g_maps;
using telusur::g_not_a_table;

// The hooks. They keep the C library's contract: same results, same errno, and a descriptor
// must not be closed while another thread reads from it (as with pread itself).

extern "C" ssize_t pread(int fd, void* buffer, std::size_t count, off_t offset) {
    using namespace telusur;
    if (!g_enabled.load(std::memory_order_relaxed) || fd < 0 || fd >= kMaxFd || offset < 0)
        return system_pread(fd, buffer, count, offset);
    Mapping* map = g_maps[fd].load(std::memory_order_acquire);
    if (map == nullptr) map = look_at(fd);
    if (map == &g_not_a_table) return system_pread(fd, buffer, count, offset);
    const auto start = static_cast<std::size_t>(offset);
    // Written so that no sum can overflow, whatever count a caller passes.
    const auto inside = [&](const Mapping* m) {
        const auto size = m->size.load(std::memory_order_acquire);
        return start <= size && count <= size - start;
    };
    if (!inside(map)) map = follow_growth(fd, map);
    if (inside(map)) {
        std::memcpy(buffer, map->data + offset, count);
        g_from_map.fetch_add(1, std::memory_order_relaxed);
        return static_cast<ssize_t>(count);
    }
    g_passed_through.fetch_add(1, std::memory_order_relaxed);
    return system_pread(fd, buffer, count, offset);
}

extern "C" int posix_fadvise(int fd, off_t offset, off_t length, int advice) noexcept {
    // Xapian asks the kernel to read ahead the blocks it will read; through a map that hint
    // costs a system call and buys nothing.
    if (fd >= 0 && fd < telusur::kMaxFd) {
        const auto* map = g_maps[fd].load(std::memory_order_acquire);
        if (map != nullptr && map != &g_not_a_table) return 0;
    }
    return telusur::system_fadvise(fd, offset, length, advice);
}

extern "C" int close(int fd) {
    if (fd >= 0 && fd < telusur::kMaxFd) telusur::release(g_maps[fd].exchange(nullptr, std::memory_order_acq_rel));
    return telusur::system_close(fd);
}
