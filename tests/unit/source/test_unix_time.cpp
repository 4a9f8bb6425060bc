// unix_time_as_iso: a date field given as a number.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "telusur/source/unix_time.h"

using telusur::unix_time_as_iso;

TEST_CASE("Unix time is written in ISO 8601 on the day and hour of Western Indonesian Time") {
    CHECK(unix_time_as_iso(1730687400) == "2024-11-04T09:30:00+07:00");  // 02:30 UTC
    CHECK(unix_time_as_iso(1730687400.9) == "2024-11-04T09:30:00+07:00");  // a fraction is cut
    // 17:00 UTC on 3 November is midnight in Jakarta: the next day.
    CHECK(unix_time_as_iso(1730653199) == "2024-11-03T23:59:59+07:00");
    CHECK(unix_time_as_iso(1730653200) == "2024-11-04T00:00:00+07:00");
    CHECK(unix_time_as_iso(951782400) == "2000-02-29T07:00:00+07:00");  // a leap day
}

TEST_CASE("Unix time of 10^11 or more is in milliseconds") {
    CHECK(unix_time_as_iso(1730687400000.0) == "2024-11-04T09:30:00+07:00");
    CHECK(unix_time_as_iso(1730687400999.0) == "2024-11-04T09:30:00+07:00");
    CHECK_FALSE(unix_time_as_iso(99999999999.0).has_value());  // seconds: the year 5138
}

TEST_CASE("A number that is no Unix time of news gives nothing") {
    CHECK_FALSE(unix_time_as_iso(2024).has_value());      // a year
    CHECK_FALSE(unix_time_as_iso(20241104).has_value());  // a date written as a number
    CHECK_FALSE(unix_time_as_iso(0).has_value());
    CHECK_FALSE(unix_time_as_iso(-86400).has_value());
    CHECK(unix_time_as_iso(7258093199.0) == "2199-12-31T23:59:59+07:00");
    CHECK_FALSE(unix_time_as_iso(7258093200.0).has_value());  // 2200-01-01 in Jakarta
    CHECK_FALSE(unix_time_as_iso(1e300).has_value());
    CHECK_FALSE(unix_time_as_iso(std::numeric_limits<double>::infinity()).has_value());
    CHECK_FALSE(unix_time_as_iso(std::nan("")).has_value());
}
