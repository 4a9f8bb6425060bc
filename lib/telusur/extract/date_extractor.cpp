#include "telusur/extract/date_extractor.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "telusur/ascii_case.h"

namespace telusur {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_ascii_letter(c); }

/// Reads up to `max` digits at `pos`; returns the digit count (0 if none) and advances `pos`.
int read_number(std::string_view s, std::size_t& pos, int max, int& value) {
    int count = 0;
    value = 0;
    while (pos < s.size() && is_digit(s[pos]) && count < max + 1) {
        value = value * 10 + (s[pos] - '0');
        ++pos;
        ++count;
    }
    return count;
}

/// Indonesian (and differing English) month names and abbreviations, lower case.
struct MonthName {
    std::string_view name;
    int month;
};
constexpr std::array<MonthName, 40> kMonths{{
    {"januari", 1}, {"jan", 1}, {"january", 1},
    {"februari", 2}, {"pebruari", 2}, {"feb", 2}, {"peb", 2}, {"february", 2},
    {"maret", 3}, {"mar", 3}, {"march", 3},
    {"april", 4}, {"apr", 4},
    {"mei", 5}, {"may", 5},
    {"juni", 6}, {"jun", 6}, {"june", 6},
    {"juli", 7}, {"jul", 7}, {"july", 7},
    {"agustus", 8}, {"agu", 8}, {"agt", 8}, {"ags", 8}, {"agust", 8}, {"aug", 8}, {"august", 8},
    {"september", 9}, {"sep", 9}, {"sept", 9},
    {"oktober", 10}, {"okt", 10}, {"oct", 10}, {"october", 10},
    {"november", 11}, {"nov", 11},
    {"desember", 12}, {"des", 12}, {"dec", 12},
}};

int month_from_name(std::string_view word) {
    if (word.size() > 9) return 0;
    char folded[10];
    for (std::size_t i = 0; i < word.size(); ++i) folded[i] = ascii_lower(word[i]);
    const std::string_view key(folded, word.size());
    for (const auto& m : kMonths)
        if (m.name == key) return m.month;
    if (key == "december") return 12;
    return 0;
}

std::optional<ExtractedDate> make(int y, int m, int d, ExtractedDate::Origin origin) {
    if (!is_valid_date(y, m, d)) return std::nullopt;
    return ExtractedDate{y, m, d, origin, {}};
}

/// A date starting at `pos` (a digit not preceded by a letter or digit), or nullopt.
std::optional<ExtractedDate> date_at(std::string_view s, std::size_t pos) {
    constexpr auto kText = ExtractedDate::Origin::Text;
    int first = 0;
    const int first_digits = read_number(s, pos, 4, first);
    if (pos >= s.size()) return std::nullopt;
    const char sep = s[pos];

    if (first_digits == 4 && (sep == '-' || sep == '/')) {  // 2024-11-04
        std::size_t p = pos + 1;
        int month = 0, day = 0;
        const int m = read_number(s, p, 2, month);
        if (m < 1 || m > 2 || p >= s.size() || s[p] != sep) return std::nullopt;
        ++p;
        const int n = read_number(s, p, 2, day);
        if (n < 1 || n > 2 || (p < s.size() && is_alnum(s[p]))) return std::nullopt;
        return make(first, month, day, kText);
    }
    if (first_digits < 1 || first_digits > 2) return std::nullopt;

    if (sep == '/' || sep == '-' || sep == '.') {  // 4/11/2024, 04-11-2024, 4.11.2024
        std::size_t p = pos + 1;
        int month = 0, year = 0;
        const int m = read_number(s, p, 2, month);
        if (m < 1 || m > 2 || p >= s.size() || s[p] != sep) return std::nullopt;
        ++p;
        if (read_number(s, p, 4, year) != 4 || (p < s.size() && is_alnum(s[p]))) return std::nullopt;
        return make(year, month, first, kText);
    }

    if (sep == ' ' || static_cast<unsigned char>(sep) == 0xC2) {  // 4 November 2024 (maybe NBSP)
        std::size_t p = pos;
        auto skip_spaces = [&] {
            while (p < s.size()) {
                if (s[p] == ' ') ++p;
                else if (p + 1 < s.size() && static_cast<unsigned char>(s[p]) == 0xC2 &&
                         static_cast<unsigned char>(s[p + 1]) == 0xA0) p += 2;
                else break;
            }
        };
        skip_spaces();
        const std::size_t word_start = p;
        while (p < s.size() && is_ascii_letter(s[p])) ++p;
        if (p < s.size() && static_cast<unsigned char>(s[p]) >= 0x80 && s[p] != '\xC2') return std::nullopt;
        const int month = month_from_name(s.substr(word_start, p - word_start));
        if (month == 0) return std::nullopt;
        if (p < s.size() && s[p] == '.') ++p;  // "4 Nov. 2024"
        if (p < s.size() && s[p] == ',') ++p;  // "4 November, 2024"
        skip_spaces();
        int year = 0;
        if (read_number(s, p, 4, year) != 4 || (p < s.size() && is_alnum(s[p]))) return std::nullopt;
        return make(year, month, first, kText);
    }
    return std::nullopt;
}

/// The `digits` decimal digits of `text` at `at`, which the caller has checked.
int number_at(std::string_view text, std::size_t at, std::size_t digits) {
    int value = 0;
    for (std::size_t i = at; i < at + digits; ++i) value = value * 10 + (text[i] - '0');
    return value;
}

bool is_time(int hour, int minute) { return hour <= 24 && minute <= 59; }

/// "HHMMSS" from the digits at `hour` and `minute` of `text` (checked by the caller), and the
/// seconds at `second` when two digits are there (npos: the format puts none there).
std::string time_key(std::string_view text, std::size_t hour, std::size_t minute, std::size_t second) {
    std::string key{text[hour], text[hour + 1], text[minute], text[minute + 1], '0', '0'};
    if (second < text.size() && second + 1 < text.size() && is_digit(text[second]) &&
        is_digit(text[second + 1]) && number_at(text, second, 2) <= 60) {
        key[4] = text[second];
        key[5] = text[second + 1];
    }
    return key;
}

/// ISO 8601's basic format, as feeds and databases export it: "20241104", "20241104T0930",
/// "20241104T093000+0700". `text` starts with eight digits, then nothing or 'T'.
std::optional<ExtractedDate> parse_basic_date(std::string_view text) {
    if (text.size() > 8) {
        // "T" then HHMM, with anything (seconds, offset) after; a time written HH:MM belongs to
        // the extended format, and "20241104T" alone is not a time.
        if (text.size() < 13 || !std::all_of(text.begin() + 9, text.begin() + 13, is_digit)) return std::nullopt;
        if (!is_time(number_at(text, 9, 2), number_at(text, 11, 2))) return std::nullopt;
    }
    auto date = make(number_at(text, 0, 4), number_at(text, 4, 2), number_at(text, 6, 2),
                     ExtractedDate::Origin::Metadata);
    if (date && text.size() > 8) date->time = time_key(text, 9, 11, 13);
    return date;
}

}  // namespace

std::string ExtractedDate::iso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

bool is_valid_date(int year, int month, int day) {
    if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days = month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
    return day <= days;
}

std::optional<ExtractedDate> parse_metadata_date(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                             text.back() == '\n'))
        text.remove_suffix(1);
    if (text.size() >= 8 && std::all_of(text.begin(), text.begin() + 8, is_digit) &&
        (text.size() == 8 || text[8] == 'T' || text[8] == 't'))
        return parse_basic_date(text);
    // YYYY-MM-DD exactly, then nothing or a time.
    if (text.size() < 10) return std::nullopt;
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!is_digit(text[i])) return std::nullopt;
    if (text[4] != '-' || text[7] != '-') return std::nullopt;
    const int year = number_at(text, 0, 4);
    const int month = number_at(text, 5, 2);
    const int day = number_at(text, 8, 2);
    if (text.size() > 10) {
        // A time must follow: "T09:30", " 09:30", with anything (seconds, offset) after HH:MM.
        if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
        if (text.size() < 16 || !is_digit(text[11]) || !is_digit(text[12]) || text[13] != ':' ||
            !is_digit(text[14]) || !is_digit(text[15]))
            return std::nullopt;
        if (!is_time(number_at(text, 11, 2), number_at(text, 14, 2))) return std::nullopt;
    }
    auto date = make(year, month, day, ExtractedDate::Origin::Metadata);
    if (date && text.size() > 10)
        date->time = time_key(text, 11, 14, text.size() > 16 && text[16] == ':' ? 17 : std::string_view::npos);
    return date;
}

std::optional<ExtractedDate> find_text_date(std::string_view text) {
    const std::size_t window = std::min(text.size(), kDatelineWindow);
    for (std::size_t pos = 0; pos < window; ++pos) {
        if (!is_digit(text[pos])) continue;
        if (pos > 0 && (is_alnum(text[pos - 1]) || text[pos - 1] == '.' || text[pos - 1] == ',' ||
                        text[pos - 1] == '/' || text[pos - 1] == '-'))
            continue;  // inside a number, a decimal or a longer date
        if (auto date = date_at(text, pos)) return date;
        while (pos + 1 < window && (is_digit(text[pos + 1]) || text[pos + 1] == '/' || text[pos + 1] == '-' ||
                                    text[pos + 1] == '.'))
            ++pos;  // skip the rest of this number ("11.000", "31/02/2024")
    }
    return std::nullopt;
}

std::optional<ExtractedDate> parse_date_field(std::string_view text) {
    if (auto date = parse_metadata_date(text)) return date;
    // Metadata written the way the outlet writes its datelines ("04/11/2024", "Senin, 4 Nov 2024
    // 10:00 WIB") is still the publication date, not a date in the text.
    auto date = find_text_date(text);
    if (date) date->origin = ExtractedDate::Origin::Metadata;
    return date;
}

std::optional<ExtractedDate> extract_date(const Article& article) {
    if (auto date = parse_date_field(article.date)) return date;
    if (auto date = find_text_date(article.body)) return date;
    return find_text_date(article.title);
}

}  // namespace telusur
