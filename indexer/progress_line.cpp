#include "progress_line.h"

#include <algorithm>
#include <cinttypes>
#include <cstddef>

namespace telusur::indexer {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

std::string printf_string(const char* format, auto... args) {
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, format, args...);
    return buffer;
}

std::string duration_text(double seconds) {
    const auto s = static_cast<std::uint64_t>(seconds + 0.5);
    if (s >= 3600) return printf_string("%" PRIu64 ":%02" PRIu64 ":%02" PRIu64, s / 3600, s / 60 % 60, s % 60);
    return printf_string("%" PRIu64 ":%02" PRIu64, s / 60, s % 60);
}

}  // namespace

std::string with_thousands(std::uint64_t n) {
    auto digits = std::to_string(n);
    for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

std::string format_progress(const IndexStats& stats, double seconds, std::optional<std::uint64_t> total_bytes) {
    auto line = with_thousands(stats.read) + " docs  ";
    const double mib = static_cast<double>(stats.bytes) / kMiB;
    line += total_bytes ? printf_string("%.1f/%.1f MiB", mib, static_cast<double>(*total_bytes) / kMiB)
                        : printf_string("%.1f MiB", mib);
    const bool known = total_bytes && *total_bytes > 0;
    if (known) {
        const double done = std::min(1.0, static_cast<double>(stats.bytes) / static_cast<double>(*total_bytes));
        line += printf_string("  %d%%", static_cast<int>(done * 100.0));
    }
    if (seconds > 0) {
        line += "  " + with_thousands(static_cast<std::uint64_t>(static_cast<double>(stats.read) / seconds)) + " docs/s";
        if (known && stats.bytes > 0 && stats.bytes < *total_bytes) {
            const double rate = static_cast<double>(stats.bytes) / seconds;
            line += "  ETA " + duration_text(static_cast<double>(*total_bytes - stats.bytes) / rate);
        }
    }
    return line;
}

ProgressLine::ProgressLine(std::FILE* out, std::optional<std::uint64_t> total_bytes)
    : out_(out), total_bytes_(total_bytes) {}

void ProgressLine::update(const IndexStats& stats) {
    const auto now = Clock::now();
    if (last_drawn_ && now - *last_drawn_ < kRedrawInterval) return;
    last_drawn_ = now;
    const std::chrono::duration<double> elapsed = now - started_;
    // \r back to the start, the text, then erase whatever a longer previous line left.
    std::fprintf(out_, "\rtelusur-index: %s\x1b[K", format_progress(stats, elapsed.count(), total_bytes_).c_str());
    std::fflush(out_);
    showing_ = true;
}

void ProgressLine::clear() {
    if (!showing_) return;
    std::fputs("\r\x1b[K", out_);
    std::fflush(out_);
    showing_ = false;
}

}  // namespace telusur::indexer
