// Date extraction: ISO metadata, Indonesian datelines, and invalid dates rejected, never wrapped.
#include <doctest/doctest.h>

#include <cctype>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "telusur/clean/boilerplate_cleaner.h"
#include "telusur/extract/date_extractor.h"
#include "telusur/source/text_file_reader.h"

using telusur::ExtractedDate;
using telusur::find_text_date;
using telusur::parse_metadata_date;

namespace {

std::string text_iso(const std::string& text) {
    const auto date = find_text_date(text);
    return date ? date->iso() : "none";
}

std::string metadata_iso(const std::string& text) {
    const auto date = parse_metadata_date(text);
    return date ? date->iso() : "none";
}

}  // namespace

TEST_CASE("ExtractedDate::iso pads month and day") {
    CHECK(ExtractedDate{2024, 1, 5, ExtractedDate::Origin::Text, {}}.iso() == "2024-01-05");
    CHECK(ExtractedDate{1999, 12, 31, ExtractedDate::Origin::Metadata, {}}.iso() == "1999-12-31");
}

TEST_CASE("is_valid_date knows month lengths and leap years") {
    CHECK(telusur::is_valid_date(2024, 2, 29));
    CHECK_FALSE(telusur::is_valid_date(2023, 2, 29));
    CHECK(telusur::is_valid_date(2000, 2, 29));
    CHECK_FALSE(telusur::is_valid_date(1900, 2, 29));
    CHECK_FALSE(telusur::is_valid_date(2024, 2, 30));
    CHECK_FALSE(telusur::is_valid_date(2024, 4, 31));
    CHECK(telusur::is_valid_date(2024, 12, 31));
    CHECK_FALSE(telusur::is_valid_date(2024, 13, 1));
    CHECK_FALSE(telusur::is_valid_date(2024, 0, 1));
    CHECK_FALSE(telusur::is_valid_date(2024, 1, 0));
}

TEST_CASE("parse_metadata_date reads ISO 8601 with or without time and offset") {
    CHECK(metadata_iso("2024-11-04") == "2024-11-04");
    CHECK(metadata_iso("2024-11-04T09:30:00+07:00") == "2024-11-04");
    CHECK(metadata_iso("2024-11-04 09:30") == "2024-11-04");
    CHECK(metadata_iso("2024-11-04T23:59:59Z") == "2024-11-04");
    CHECK(metadata_iso("  2024-11-04\n") == "2024-11-04");
    // The source's own day: 00:30 WIB is not moved to the previous day in UTC.
    CHECK(metadata_iso("2024-11-05T00:30:00+07:00") == "2024-11-05");
    CHECK(parse_metadata_date("2024-11-04")->origin == ExtractedDate::Origin::Metadata);
}

TEST_CASE("parse_metadata_date reads ISO 8601's basic format, as feeds and databases export it") {
    CHECK(metadata_iso("20241104") == "2024-11-04");
    CHECK(metadata_iso("20241104T0930") == "2024-11-04");
    CHECK(metadata_iso("20241104T093000+0700") == "2024-11-04");
    CHECK(metadata_iso("20241105t003000Z") == "2024-11-05");
    CHECK(metadata_iso(" 20240229 ") == "2024-02-29");
    CHECK(metadata_iso("20240230") == "none");         // no such day
    CHECK(metadata_iso("20241304") == "none");
    CHECK(metadata_iso("2024110") == "none");          // seven digits
    CHECK(metadata_iso("202411041") == "none");        // nine
    CHECK(metadata_iso("1730700000") == "none");       // a Unix time is not read as a day
    CHECK(metadata_iso("20241104T") == "none");
    CHECK(metadata_iso("20241104T09:30") == "none");   // formats not mixed
    CHECK(metadata_iso("20241104T2500") == "none");
    CHECK(metadata_iso("20241104 kemarin") == "none");
}

TEST_CASE("parse_metadata_date keeps the time of day as written, for ordering within a day") {
    const auto time_of = [](const std::string& text) {
        const auto date = parse_metadata_date(text);
        return date ? date->time : std::string("none");
    };
    CHECK(time_of("2024-11-04T09:30:15+07:00") == "093015");
    CHECK(time_of("2024-11-04 21:05") == "210500");
    CHECK(time_of("2024-11-04T23:59:59Z") == "235959");
    CHECK(time_of("2024-11-04T09:30+07:00") == "093000");  // no seconds: the offset is not read as them
    CHECK(time_of("20241104T093015+0700") == "093015");
    CHECK(time_of("20241104T0930") == "093000");
    CHECK(time_of("20241104T0930+07") == "093000");
    CHECK(time_of("2024-11-04") == "");
    CHECK(time_of("20241104") == "");
    CHECK(telusur::parse_date_field("Senin, 4 Nov 2024 10:00 WIB")->time == "");  // a dateline's time is not read
}

TEST_CASE("parse_metadata_date rejects malformed and impossible dates") {
    CHECK(metadata_iso("") == "none");
    CHECK(metadata_iso("2024-02-30") == "none");
    CHECK(metadata_iso("2023-02-29T10:00:00+07:00") == "none");
    CHECK(metadata_iso("2024-13-01") == "none");
    CHECK(metadata_iso("2024-11-4") == "none");
    CHECK(metadata_iso("04/11/2024") == "none");
    CHECK(metadata_iso("2024-11-04 kemarin") == "none");
    CHECK(metadata_iso("2024-11-04T25:00") == "none");
    CHECK(metadata_iso("Senin, 4 November 2024") == "none");
}

TEST_CASE("find_text_date reads Indonesian datelines") {
    CHECK(text_iso("Senin (4/11/2024)") == "2024-11-04");
    CHECK(text_iso("Jakarta, Senin (4/11/2024) - Presiden ...") == "2024-11-04");
    CHECK(text_iso("Jakarta, IDN Times - Pertemuan pada Senin (4/11/2024), terjadi") == "2024-11-04");
    CHECK(text_iso("SURABAYA, Kamis (7 Nov 2024) - Polisi") == "2024-11-07");
    CHECK(text_iso("Seoul, 12 November 2024 - Korea Utara") == "2024-11-12");
    CHECK(text_iso("Jakarta, 28/11/2024 - Tim nasional") == "2024-11-28");
    CHECK(text_iso("Jakarta, 04/11/2024") == "2024-11-04");
    CHECK(text_iso("Yogyakarta, Senin, 9 Desember 2024 - Sebuah") == "2024-12-09");
    CHECK(text_iso("Bandung - Pada 2024-12-03, los-los pedagang") == "2024-12-03");
    CHECK(text_iso("Dikirim 4-11-2024 dari Medan") == "2024-11-04");
    CHECK(text_iso("Senin, 4 Nov. 2024") == "2024-11-04");
    CHECK(find_text_date("Senin (4/11/2024)")->origin == ExtractedDate::Origin::Text);
}

TEST_CASE("find_text_date knows every month name and abbreviation, in any case") {
    const char* names[][2] = {
        {"Januari", "01"},   {"Jan", "01"},  {"Februari", "02"}, {"Feb", "02"},  {"Maret", "03"},
        {"Mar", "03"},       {"April", "04"}, {"Apr", "04"},      {"Mei", "05"},  {"Juni", "06"},
        {"Jun", "06"},       {"Juli", "07"},  {"Jul", "07"},      {"Agustus", "08"}, {"Agu", "08"},
        {"Agt", "08"},       {"Ags", "08"},   {"September", "09"}, {"Sep", "09"}, {"Sept", "09"},
        {"Oktober", "10"},   {"Okt", "10"},   {"November", "11"}, {"Nov", "11"},  {"Desember", "12"},
        {"Des", "12"},
    };
    for (const auto& pair : names) {
        const std::string name = pair[0], month = pair[1];  // clang 15 cannot capture a structured binding (CAPTURE)
        CAPTURE(name);
        CHECK(text_iso(std::string("Medan, 3 ") + name + " 2024 - Warga") == std::string("2024-") + month + "-03");
        std::string upper = name;
        for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        CHECK(text_iso("3 " + upper + " 2024") == std::string("2024-") + month + "-03");
    }
    CHECK(text_iso("3 desember 2024") == "2024-12-03");
}

TEST_CASE("find_text_date rejects invalid dates instead of wrapping them") {
    CHECK(text_iso("Jakarta, 31/02/2024 - Warga") == "none");
    CHECK(text_iso("Jakarta, 29/02/2023 - Warga") == "none");
    CHECK(text_iso("Jakarta, 29/02/2024 - Warga") == "2024-02-29");
    CHECK(text_iso("Jakarta, 4/13/2024 - Warga") == "none");  // day first: month 13
    CHECK(text_iso("30 Februari 2024") == "none");
    CHECK(text_iso("2024-13-01") == "none");
    CHECK(text_iso("0/11/2024") == "none");
    // An invalid date does not hide a valid one after it.
    CHECK(text_iso("31/02/2024 diralat menjadi 28/02/2024") == "2024-02-28");
}

TEST_CASE("find_text_date ignores numbers, months without a day, and text past the dateline") {
    CHECK(text_iso("sebanyak 11.000 tentara dan 2,5 persen") == "none");
    CHECK(text_iso("inflasi Oktober 2024 sebesar 1,7 persen") == "none");
    CHECK(text_iso("sejak September 2022") == "none");
    CHECK(text_iso("pada hari Senin, pemimpin Rusia") == "none");
    CHECK(text_iso("skor 21-18, 17-21, 21-15") == "none");
    CHECK(text_iso("Rp15.870 per dolar, 1234/11/2024") == "none");
    CHECK(text_iso("nomor 123/11/2024/XII") == "none");
    CHECK(text_iso("4 Novembre 2024") == "none");  // not a month name
    const std::string late = std::string(700, 'x') + " Senin (4/11/2024)";
    CHECK(text_iso(late) == "none");
}

TEST_CASE("parse_date_field reads ISO 8601 and datelines, and nothing else") {
    CHECK(telusur::parse_date_field("2024-11-21T08:00:00+07:00")->iso() == "2024-11-21");
    CHECK(telusur::parse_date_field("Senin, 25 Nov 2024 10:00 WIB")->iso() == "2024-11-25");
    CHECK(telusur::parse_date_field("04/11/2024")->origin == ExtractedDate::Origin::Metadata);
    for (const char* none : {"", "kemarin", "2024-02-30", "31/02/2024", "Oktober 2024"}) {
        CAPTURE(none);
        CHECK_FALSE(telusur::parse_date_field(none));
    }
}

TEST_CASE("extract_date prefers metadata, then the body's dateline, then the title") {
    telusur::Article article;
    article.body = "JAKARTA, Rabu (20/11/2024) - Bank Indonesia";
    CHECK(telusur::extract_date(article)->iso() == "2024-11-20");
    CHECK(telusur::extract_date(article)->origin == ExtractedDate::Origin::Text);
    article.date = "2024-11-21T08:00:00+07:00";
    CHECK(telusur::extract_date(article)->iso() == "2024-11-21");
    CHECK(telusur::extract_date(article)->origin == ExtractedDate::Origin::Metadata);
    // Metadata in an outlet's own form (day first) is the metadata's date, not the text's.
    for (const auto& written_iso : std::vector<std::pair<std::string, std::string>>{
             {"04/11/2024", "2024-11-04"}, {"Senin, 25 Nov 2024 10:00 WIB", "2024-11-25"}}) {
        article.date = written_iso.first;
        CAPTURE(article.date);
        CHECK(telusur::extract_date(article)->iso() == written_iso.second);
        CHECK(telusur::extract_date(article)->origin == ExtractedDate::Origin::Metadata);
    }
    article.date = "2024-02-30";  // invalid metadata falls back to the text
    CHECK(telusur::extract_date(article)->iso() == "2024-11-20");
    article.date = "kemarin";
    CHECK(telusur::extract_date(article)->origin == ExtractedDate::Origin::Text);
    article.body = "Tanpa tanggal.";
    article.title = "Rekap 1 Desember 2024";
    CHECK(telusur::extract_date(article)->iso() == "2024-12-01");
    article.title.clear();
    CHECK_FALSE(telusur::extract_date(article).has_value());
}

TEST_CASE("The IDN Times seed is dated 2024-11-04 by its text, the other seed has no date") {
    namespace fs = std::filesystem;
    const auto cleaner = telusur::BoilerplateCleaner::load(fs::path(TELUSUR_STEMMER_DATA_DIR) / "boilerplate.tsv");
    auto idn = telusur::read_text_file(fs::path(TELUSUR_SEEDS_DIR) / "001_c8ce01ff440e4416.txt", "seed-001");
    cleaner.clean(idn);
    const auto date = telusur::extract_date(idn);
    REQUIRE(date.has_value());
    CHECK(date->iso() == "2024-11-04");
    CHECK(date->origin == ExtractedDate::Origin::Text);
    auto other = telusur::read_text_file(fs::path(TELUSUR_SEEDS_DIR) / "000_466d7a267a480ec9.txt", "seed-000");
    cleaner.clean(other);
    CHECK_FALSE(telusur::extract_date(other).has_value());
}
