// Date extraction: the publication date of an article, from its metadata or from its dateline.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "telusur/article.h"

namespace telusur {

/// A calendar date (proleptic Gregorian), always valid: 31/02 or 29/02/2023 never get here.
struct ExtractedDate {
    int year = 0;
    int month = 0;  ///< 1..12
    int day = 0;    ///< 1..31, valid for the month and year
    enum class Origin { Metadata, Text } origin = Origin::Metadata;
    /// The time of day as the date field writes it, "HHMMSS" (seconds 00 when not given), in
    /// the source's own zone; empty when the field gives none or the date came from the text.
    std::string time;

    /// "YYYY-MM-DD".
    std::string iso() const;

    bool operator==(const ExtractedDate&) const = default;
};

/// True when year/month/day name a real day (leap years included); years 1900..2199 only.
bool is_valid_date(int year, int month, int day);

/// An ISO 8601 date as news metadata gives it: "2024-11-04", "2024-11-04T09:30:00+07:00",
/// "2024-11-04 09:30", "2024-11-04T02:30:00Z", or in the basic format "20241104",
/// "20241104T093000+0700". Surrounding spaces are allowed; anything after the date must be a
/// time (T or space, then HH:MM...; T then HHMM... in the basic format). The date is taken as written, in the
/// source's own time zone (no conversion to UTC: a Jakarta article from 00:30 WIB stays on its
/// Jakarta day). Invalid or malformed text gives nullopt.
std::optional<ExtractedDate> parse_metadata_date(std::string_view text);

/// The first date in the first ~600 bytes of `text` (the dateline and first paragraph), in any
/// of the forms Indonesian outlets use:
///   "Senin (4/11/2024)", "Jakarta, Senin (4/11/2024)", "04/11/2024", "4-11-2024" (day first),
///   "4 November 2024", "4 Nov 2024", "Senin, 4 Nov. 2024", "2024-11-04".
/// Month names and abbreviations are Indonesian (Januari..Desember; Jan Feb Mar Apr Mei Jun Jul
/// Agu/Agt/Ags/Agust Sep/Sept Okt Nov Des), any letter case; English spellings that differ
/// (May, Aug, Oct, Dec, ...) are accepted too. Invalid dates are skipped, never wrapped; a month
/// and year without a day ("Oktober 2024") is not a date. Stateless and thread-safe.
std::optional<ExtractedDate> find_text_date(std::string_view text);

/// Bytes of the text that find_text_date looks at (it extends to the end of a date that
/// starts inside this window).
inline constexpr std::size_t kDatelineWindow = 600;

/// A date field as an archive gives it: ISO 8601 (parse_metadata_date), or written the way the
/// outlet writes its datelines ("04/11/2024", day first; "Senin, 4 Nov 2024 10:00 WIB"), with
/// origin Metadata either way; nullopt when it holds no date ("kemarin", "2024-02-30").
std::optional<ExtractedDate> parse_date_field(std::string_view text);

/// The article's date: its date field (`article.date`) when parse_date_field reads it, else the
/// first date in the dateline window of the body, else one in the title.
std::optional<ExtractedDate> extract_date(const Article& article);

}  // namespace telusur
