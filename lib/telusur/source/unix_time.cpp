#include "telusur/source/unix_time.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace telusur {

std::optional<std::string> unix_time_as_iso(double value) {
    constexpr double kSmallest = 1e8;
    constexpr double kMilliseconds = 1e11;
    if (!std::isfinite(value) || value < kSmallest) return std::nullopt;
    if (value >= kMilliseconds) value /= 1000;
    if (value >= kMilliseconds) return std::nullopt;  // far beyond 2199, and beyond chrono's range
    using namespace std::chrono;
    const sys_seconds instant{seconds{static_cast<long long>(std::floor(value))}};
    const auto wib = instant + hours{7};
    const auto day = floor<days>(wib);
    const year_month_day date{day};
    if (date.year() > year{2199}) return std::nullopt;
    const hh_mm_ss time{wib - day};
    char text[64];  // room for any int the format could be given, as the compiler checks
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02ld:%02ld:%02ld+07:00", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                  static_cast<long>(time.seconds().count()));
    return text;
}

}  // namespace telusur
