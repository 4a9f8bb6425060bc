// A date field given as a number: Unix time, as news APIs and JavaScript exports write it.
#pragma once

#include <optional>
#include <string>

namespace telusur {

/// Unix time `value` (seconds since 1970-01-01 UTC; 10^11 or more is milliseconds, as
/// JavaScript's Date.now() gives them: 10^11 seconds would be the year 5138, 10^11 ms is 1973),
/// written in ISO 8601 in Western Indonesian Time, UTC+7, where most Indonesian outlets publish:
/// 1730687400 → "2024-11-04T09:30:00+07:00". An instant has no day of its own; an article from
/// 23:30 UTC is on the next day in Jakarta. nullopt when `value` is not finite, under 10^8 (1973:
/// no archive dates news by such a Unix time, while 2024 or 20241104 is a year or a date written
/// as a number), or on a day after 2199.
std::optional<std::string> unix_time_as_iso(double value);

}  // namespace telusur
