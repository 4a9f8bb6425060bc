// CsvReader: one article per CSV record, columns found by the header's names.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "telusur/error.h"
#include "telusur/source/csv_reader.h"

using telusur::Article;
using telusur::CsvReader;
using telusur::InputError;

namespace {

/// What reading `text` gives: each article as "line:id|title|body|date|url|source", each error
/// as "line: message".
std::vector<std::string> outcomes(const std::string& text, const telusur::RecordFields& fields = {},
                                  std::size_t max_record_bytes = telusur::kMaxRecordBytes) {
    std::istringstream in(text);
    CsvReader reader(in, "arsip.csv", fields, max_record_bytes);
    std::vector<std::string> out;
    for (int calls = 0; calls < 100; ++calls) {
        try {
            const auto a = reader.next();
            if (!a) return out;
            out.push_back(std::to_string(a->origin_line) + ":" + a->id + "|" + a->title + "|" + a->body + "|" +
                          a->date + "|" + a->url + "|" + a->source);
        } catch (const InputError& e) {
            CHECK(e.file() == "arsip.csv");
            out.push_back(std::to_string(e.line()) + ": " + e.what());
        }
    }
    FAIL("the reader never ended");
    return out;
}

using Outcomes = std::vector<std::string>;

}  // namespace

TEST_CASE("CsvReader reads each record's columns by the header's names, in any order and letter case") {
    CHECK(outcomes("Source,ID,Title,Body,Date,URL\n"
                   "Antara,a-1,Banjir,Banjir merendam Bekasi.,2024-11-04,https://antara.example/1\n") ==
          Outcomes{"2:a-1|Banjir|Banjir merendam Bekasi.|2024-11-04|https://antara.example/1|Antara"});
    // Optional columns may be missing; columns telusur does not read are ignored.
    CHECK(outcomes("id,kategori,body\n7,cuaca,Hujan deras.\n") == Outcomes{"2:7||Hujan deras.|||"});
}

TEST_CASE("CsvReader reads quoted fields with delimiters, quotes and line breaks, and names each record's first line") {
    CHECK(outcomes("id,title,body\n"
                   "1,\"Banjir \"\"besar\"\"\",\"Banjir, kata warga.\n\nHujan lagi.\"\n"
                   "2,Gempa,Gempa di Cianjur.\n") ==
          Outcomes{"2:1|Banjir \"besar\"|Banjir, kata warga.\n\nHujan lagi.|||", "5:2|Gempa|Gempa di Cianjur.|||"});
}

TEST_CASE("CsvReader takes the delimiter the header uses: comma, semicolon or tab") {
    CHECK(outcomes("id;title;body\n1;Harga, naik;Harga emas 1,5 persen naik.\n") ==
          Outcomes{"2:1|Harga, naik|Harga emas 1,5 persen naik.|||"});
    CHECK(outcomes("id\tbody\n1\tIsi, dengan koma; dan titik koma\n") ==
          Outcomes{"2:1||Isi, dengan koma; dan titik koma|||"});
}

TEST_CASE("CsvReader skips an Excel byte-order mark and blank lines, and reads CRLF and CR line ends") {
    CHECK(outcomes("\xEF\xBB\xBFid,body\r\n\r\n1,satu\r\n\r\n2,dua\r\n") == Outcomes{"3:1||satu|||", "5:2||dua|||"});
    CHECK(outcomes("id,body\r1,\"satu\rbaris\"\r2,dua\r") == Outcomes{"2:1||satu\rbaris|||", "4:2||dua|||"});
    CHECK(outcomes("id,body\n1,tanpa akhir baris") == Outcomes{"2:1||tanpa akhir baris|||"});
}

TEST_CASE("CsvReader reports a bad record at its line and goes on") {
    CHECK(outcomes("id,title,body\n"
                   "1,a,isi\n"
                   "2,b\n"
                   "3,c,d,e\n"
                   ",d,isi\n"
                   "5,e,\n"
                   "6,f,\"caf\xE9\"\n"
                   "7,g,isi\n") ==
          Outcomes{"2:1|a|isi|||", "3: 2 fields where the header has 3 (a delimiter in a field that is not quoted?)",
                   "4: 4 fields where the header has 3 (a delimiter in a field that is not quoted?)", "5: empty id",
                   "6: empty body", "7: invalid UTF-8 at byte 4 of column 'body'", "8:7|g|isi|||"});
    CHECK(outcomes("id,body\n\"a\x01\",isi\n2,x\x1b[2Jy\n") ==
          Outcomes{"2: field 'id' holds a control character (byte 2)", "3:2||x [2Jy|||"});
}

TEST_CASE("CsvReader reports a header without an id or body column once, listing the columns") {
    CHECK(outcomes("kode;judul;isi\n1;a;b\n2;c;d\n") ==
          Outcomes{"1: no column 'id' in the header (kode, judul, isi): name the id's column with --field id=NAME; "
                   "file skipped"});
    telusur::RecordFields fields;
    fields.map("id=kode");
    fields.map("body=teks");
    CHECK(outcomes("kode;judul;isi\n1;a;b\n", fields) ==
          Outcomes{"1: no column 'teks' (body) in the header (kode, judul, isi): name the body's column with --field "
                   "body=NAME; file skipped"});
    telusur::RecordFields pointer;
    pointer.map("date=/meta/terbit");
    CHECK(outcomes("id,body\n1,a\n", pointer) ==
          Outcomes{"1: --field date=/meta/terbit: a JSON Pointer names no CSV column; file skipped"});
}

TEST_CASE("CsvReader reads the columns --field names") {
    telusur::RecordFields fields;
    fields.map("id=kode");
    fields.map("title=judul");
    fields.map("body=isi");
    fields.map("date=terbit");
    CHECK(outcomes("kode,judul,isi,terbit\nk1,Banjir,Banjir lagi.,2024-11-04\n", fields) ==
          Outcomes{"2:k1|Banjir|Banjir lagi.|2024-11-04||"});
}

TEST_CASE("CsvReader reads a date of nine digits or more as Unix time") {
    CHECK(outcomes("id,body,date\n1,a,1730687400\n2,b,1730687400000\n3,c,20241104\n4,d,2024\n") ==
          Outcomes{"2:1||a|2024-11-04T09:30:00+07:00||", "3:2||b|2024-11-04T09:30:00+07:00||", "4:3||c|20241104||",
                   "5:4||d|2024||"});
    const std::string digits(400, '9');  // kept as written (and reported as not a date), never read as a number
    CHECK(outcomes("id,body,date\n1,a," + digits + "\n") == Outcomes{"2:1||a|" + digits + "||"});
}

TEST_CASE("CsvReader gives up on a record longer than its limit, such as a quote never closed") {
    std::string text = "id,body\n1,\"dibuka";
    for (int i = 0; i < 50; ++i) text += "\n2,baris yang tertelan kutipan";
    CHECK(outcomes(text, {}, 200) ==
          Outcomes{"2: record longer than 200 bytes (a quote never closed?); file skipped"});
}

TEST_CASE("CsvReader reports a stream that is not text once, and an empty one as nothing") {
    CHECK(outcomes(std::string("\xFF\xFEi\0d\0", 6)).size() == 1);
    CHECK(outcomes(std::string("\xFF\xFEi\0d\0", 6)).front().starts_with("1: "));
    CHECK(outcomes("").empty());
    CHECK(outcomes("id,body\n").empty());
}
