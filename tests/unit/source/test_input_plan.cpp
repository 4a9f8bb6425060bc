// plan_inputs / read_input: command-line inputs → ordered files → articles and bad records.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "telusur/error.h"
#include "telusur/source/decompressing_stream.h"
#include "telusur/source/input_plan.h"

#include "compressed_bytes.h"
#include "temp_dir.h"
#include "utf16_bytes.h"

using telusur::test::TempDir;

namespace fs = std::filesystem;
using telusur::InputFormat;

namespace {


/// A folder with indexable files at two depths, hidden entries and files of other types.
void make_archive(const TempDir& dir) {
    dir.write("b.txt", "Judul B\nIsi B.\n");
    dir.write("a.jsonl", "{\"id\": \"a1\", \"body\": \"isi\"}\n");
    dir.write("sub/c.txt", "Judul C\nIsi C.\n");
    dir.write("sub/deep/d.ndjson", "{\"id\": \"d1\", \"body\": \"isi\"}\n");
    dir.write("notes.md", "# not an article\n");
    dir.write("sub/photo.jpg", "JPEG");
    dir.write(".hidden.txt", "hidden\n");
    dir.write(".git/e.txt", "hidden folder\n");
    dir.write("sub/.cache/f.jsonl", "{}\n");
}

struct Collected {
    std::vector<std::string> ids;
    std::vector<telusur::InputError> errors;
};

Collected read_all(const telusur::InputFile& file) {
    Collected out;
    const bool finished = telusur::read_input(
        file, {},
        [&](telusur::Article&& a) {
            out.ids.push_back(a.id);
            return true;
        },
        [&](const telusur::InputError& e) { out.errors.push_back(e); });
    CHECK(finished);
    return out;
}

}  // namespace

TEST_CASE("plan_inputs walks a folder recursively in sorted order, ids relative to the root") {
    TempDir dir;
    make_archive(dir);
    const auto plan = telusur::plan_inputs({dir.path.string()});
    REQUIRE(plan.files.size() == 4);
    CHECK(plan.files[0].path == dir.path / "a.jsonl");
    CHECK(plan.files[1].path == dir.path / "b.txt");
    CHECK(plan.files[2].path == dir.path / "sub/c.txt");
    CHECK(plan.files[3].path == dir.path / "sub/deep/d.ndjson");

    CHECK(plan.files[1].text_id == "b.txt");
    CHECK(plan.files[2].text_id == "sub/c.txt");
    CHECK(plan.files[3].text_id == "sub/deep/d.ndjson");
    CHECK(plan.files[2].name == (dir.path / "sub/c.txt").string());

    CHECK(plan.files[0].format == InputFormat::JsonLines);
    CHECK(plan.files[1].format == InputFormat::Text);
    CHECK(plan.files[2].format == InputFormat::Text);
    CHECK(plan.files[3].format == InputFormat::JsonLines);
}

TEST_CASE("plan_inputs skips hidden files and folders and counts other extensions as ignored") {
    TempDir dir;
    make_archive(dir);
    const auto plan = telusur::plan_inputs({dir.path.string()});
    for (const auto& file : plan.files) {
        CAPTURE(file.name);
        CHECK(file.name.find("/.") == std::string::npos);
    }
    CHECK(plan.ignored_files == 2);  // notes.md and sub/photo.jpg; hidden entries are not counted
}

TEST_CASE("plan_inputs takes extensions in capitals as archives made on Windows write them") {
    TempDir dir;
    dir.write("BERITA.TXT", "Judul\nIsi.\n");
    dir.write("Arsip.JSONL", "{\"id\": \"a1\", \"body\": \"isi\"}\n");
    dir.write("lama.Jsonl.GZ", "");
    const auto plan = telusur::plan_inputs({dir.path.string()});
    REQUIRE(plan.files.size() == 3);
    CHECK(plan.files[0].format == InputFormat::JsonLines);  // Arsip.JSONL
    CHECK(plan.files[1].format == InputFormat::Text);       // BERITA.TXT
    CHECK(plan.files[2].format == InputFormat::JsonLines);  // lama.Jsonl.GZ
    CHECK(telusur::compression_of(plan.files[2].path) == telusur::Compression::Gzip);
    CHECK(plan.ignored_files == 0);
}

TEST_CASE("plan_inputs takes CSV files, compressed too, and not a compressed text file") {
    TempDir dir;
    dir.write("arsip.csv", "id,body\n1,isi\n");
    dir.write("lama.CSV.zst", "");
    dir.write("catatan.txt.gz", "");
    const auto plan = telusur::plan_inputs({dir.path.string()});
    REQUIRE(plan.files.size() == 2);
    CHECK(plan.files[0].format == InputFormat::Csv);  // arsip.csv
    CHECK(plan.files[1].format == InputFormat::Csv);  // lama.CSV.zst
    CHECK(plan.ignored_files == 1);
}

TEST_CASE("plan_inputs reads a .tsv file named on the command line as CSV, and passes one over in a folder") {
    TempDir dir;
    const auto tab = dir.write("tab.tsv", "id\tbody\n1\tisi\n");
    const auto packed = dir.write("tab2.TSV.gz", "");
    dir.write("sub/kueri.tsv", "tentara\t2\n");
    const auto named = telusur::plan_inputs({tab.string(), packed.string()});
    REQUIRE(named.files.size() == 2);
    CHECK(named.files[0].format == InputFormat::Csv);
    CHECK(named.files[1].format == InputFormat::Csv);
    const auto walked = telusur::plan_inputs({(dir.path / "sub").string()});
    CHECK(walked.files.empty());
    CHECK(walked.ignored_files == 1);
}

TEST_CASE("plan_inputs takes saved web pages, .html and .htm in any case, not compressed ones") {
    TempDir dir;
    dir.write("a.html", "<p>isi</p>");
    dir.write("b.HTM", "<p>isi</p>");
    dir.write("sub/c.htm", "<p>isi</p>");
    dir.write("d.html.gz", "");
    const auto plan = telusur::plan_inputs({dir.path.string()});
    REQUIRE(plan.files.size() == 3);
    CHECK(plan.files[0].format == InputFormat::Html);
    CHECK(plan.files[1].format == InputFormat::Html);
    CHECK(plan.files[2].format == InputFormat::Html);
    CHECK(plan.files[2].text_id == "sub/c.htm");
    CHECK(plan.ignored_files == 1);
}

TEST_CASE("plan_inputs reads '-' as JSON Lines on standard input") {
    const auto plan = telusur::plan_inputs({"-"});
    REQUIRE(plan.files.size() == 1);
    CHECK(plan.files[0].path.empty());
    CHECK(plan.files[0].name == "-");
    CHECK(plan.files[0].format == InputFormat::JsonLines);
    CHECK(plan.ignored_files == 0);
}

TEST_CASE("plan_inputs reads a file given by name by its extension, other extensions as text") {
    TempDir dir;
    make_archive(dir);
    const auto notes = (dir.path / "notes.md").string();
    const auto jsonl = (dir.path / "a.jsonl").string();
    const auto text = (dir.path / "sub/c.txt").string();
    const auto plan = telusur::plan_inputs({notes, jsonl, text});
    REQUIRE(plan.files.size() == 3);  // in the order given
    CHECK(plan.files[0].name == notes);
    CHECK(plan.files[0].format == InputFormat::Text);
    CHECK(plan.files[0].text_id == "notes.md");
    CHECK(plan.files[1].format == InputFormat::JsonLines);
    CHECK(plan.files[2].text_id == "c.txt");
    CHECK(plan.ignored_files == 0);
}

TEST_CASE("plan_inputs reads a .json file given by name as JSON Lines, and skips one in a folder") {
    TempDir dir;
    const auto json = dir.write("arsip/ekspor.json", "{\"id\": \"a\", \"body\": \"isi\"}\n").string();
    const auto named = telusur::plan_inputs({json});
    REQUIRE(named.files.size() == 1);
    CHECK(named.files[0].format == InputFormat::JsonLines);
    const auto walked = telusur::plan_inputs({(dir.path / "arsip").string()});
    CHECK(walked.files.empty());
    CHECK(walked.ignored_files == 1);
}

TEST_CASE("plan_inputs throws telusur::Error for an input that does not exist") {
    TempDir dir;
    const auto missing = (dir.path / "tidak-ada").string();
    CHECK_THROWS_AS(telusur::plan_inputs({missing}), telusur::Error);
    CHECK_THROWS_WITH(telusur::plan_inputs({"-", missing}), doctest::Contains("tidak-ada"));
}

TEST_CASE("read_input reports a bad JSONL line once and reads the good ones") {
    TempDir dir;
    const auto file = dir.write("feed.jsonl",
                                "{\"id\": \"g1\", \"body\": \"satu\"}\n"
                                "{\"id\": \"bad\", \"body\": \"koma\" \"hilang\"}\n"
                                "\n"
                                "{\"id\": \"g2\", \"body\": \"dua\"}\n");
    const auto plan = telusur::plan_inputs({file.string()});
    REQUIRE(plan.files.size() == 1);
    const auto got = read_all(plan.files[0]);
    CHECK(got.ids == std::vector<std::string>{"g1", "g2"});
    REQUIRE(got.errors.size() == 1);
    CHECK(got.errors[0].line() == 2);
    CHECK(got.errors[0].file() == file.string());
    CHECK(std::string(got.errors[0].what()).starts_with("invalid JSON"));
}

TEST_CASE("read_input reads a text file as one article with its relative id") {
    TempDir dir;
    make_archive(dir);
    const auto plan = telusur::plan_inputs({dir.path.string()});
    REQUIRE(plan.files.size() == 4);
    const auto got = read_all(plan.files[2]);
    CHECK(got.ids == std::vector<std::string>{"sub/c.txt"});
    CHECK(got.errors.empty());
}

TEST_CASE("read_input passes an unreadable text file to on_error and carries on") {
    TempDir dir;
    const auto file = dir.write("empty.txt", "");
    const auto got = read_all(telusur::plan_inputs({file.string()}).files.at(0));
    CHECK(got.ids.empty());
    REQUIRE(got.errors.size() == 1);
    CHECK(std::string(got.errors[0].what()) == "empty file");
}

TEST_CASE("read_input reads a web page as one article with its relative id and its page's fields") {
    TempDir dir;
    dir.write("2024/banjir.html", "<html><head><title>Banjir - Warta</title>"
                                  "<meta property='og:site_name' content='Warta'>"
                                  "<meta name='pubdate' content='2024-11-04'></head>"
                                  "<body><nav>Menu</nav><p>Banjir merendam Bekasi.</p></body></html>");
    std::vector<telusur::Article> articles;
    const auto plan = telusur::plan_inputs({dir.path.string()});
    REQUIRE(plan.files.size() == 1);
    telusur::read_input(
        plan.files[0], {}, [&](telusur::Article&& article) { articles.push_back(std::move(article)); return true; },
        [](const telusur::InputError& e) { FAIL(e.what()); });
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].id == "2024/banjir.html");
    CHECK(articles[0].title == "Banjir");
    CHECK(articles[0].body == "Banjir merendam Bekasi.");
    CHECK(articles[0].date == "2024-11-04");
    CHECK(articles[0].source == "Warta");
    CHECK_FALSE(articles[0].title_from_first_line);
}

TEST_CASE("read_input reads files saved as UTF-16 in every format, gzip-compressed too, lines counted as text") {
    using telusur::testing::ByteOrder;
    using telusur::testing::utf16_bytes;
    TempDir dir;
    dir.write("a.jsonl", utf16_bytes("{\"id\": \"j1\", \"body\": \"Café di Bogor\"}\r\n"
                                     "{\"id\": \"bad\"}\r\n"
                                     "{\"id\": \"j2\", \"body\": \"isi 😀\"}\r\n"));
    const auto big_endian = utf16_bytes("{\"id\": \"g1\", \"body\": \"isi\"}\n", ByteOrder::Big);
    dir.write("b.jsonl.gz", telusur::testing::gzip_bytes(big_endian));
    // Excel's "Unicode Text": UTF-16LE, tab-separated.
    dir.write("c.csv", utf16_bytes("id\ttitle\tbody\r\nc1\tJudul\tIsi berita é\r\n"));
    dir.write("d.txt", utf16_bytes("Judul D\r\n\r\nIsi D, café.\r\n", ByteOrder::Big));
    dir.write("e.html", utf16_bytes("<html><head><meta charset='utf-16'><title>Judul E</title></head>"
                                    "<body><p>Isi halaman é.</p></body></html>"));
    const auto plan = telusur::plan_inputs({dir.path.string()});
    REQUIRE(plan.files.size() == 5);
    std::vector<telusur::Article> articles;
    std::vector<telusur::InputError> errors;
    for (const auto& file : plan.files)
        telusur::read_input(
            file, {}, [&](telusur::Article&& article) { articles.push_back(std::move(article)); return true; },
            [&](const telusur::InputError& e) { errors.push_back(e); });
    REQUIRE(articles.size() == 6);
    CHECK(articles[0].id == "j1");
    CHECK(articles[0].body == "Café di Bogor");
    CHECK(articles[1].body == "isi 😀");
    CHECK(articles[2].id == "g1");
    CHECK(articles[3].id == "c1");
    CHECK(articles[3].body == "Isi berita é");
    CHECK(articles[4].body == "Judul D\n\nIsi D, café.\n");
    CHECK(articles[5].title == "Judul E");
    CHECK(articles[5].body == "Isi halaman é.");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line() == 2);
}

TEST_CASE("read_input reports a web page without text, or one that is not a page, and carries on") {
    TempDir dir;
    const auto empty = dir.write("kosong.html", "<html><body><script>x()</script></body></html>");
    const auto gzip = dir.write("arsip.html", std::string("\x1f\x8b\x08\x00", 4));
    for (const auto& [file, message] : {std::pair{empty, "no text in the page"}, std::pair{gzip, "gzip"}}) {
        const auto got = read_all(telusur::plan_inputs({file.string()}).files.at(0));
        CHECK(got.ids.empty());
        REQUIRE(got.errors.size() == 1);
        CHECK(std::string(got.errors[0].what()).find(message) != std::string::npos);
        CHECK(got.errors[0].file() == file.string());
    }
}

TEST_CASE("read_input reports a JSONL file that vanished since planning") {
    TempDir dir;
    const auto file = dir.write("gone.jsonl", "{\"id\": \"a\", \"body\": \"x\"}\n");
    const auto plan = telusur::plan_inputs({file.string()});
    fs::remove(file);
    const auto got = read_all(plan.files.at(0));
    CHECK(got.ids.empty());
    REQUIRE(got.errors.size() == 1);
    CHECK(std::string(got.errors[0].what()) == "cannot open file: No such file or directory");
}

TEST_CASE("read_input reports a planned problem (a folder that cannot be read) and reads nothing") {
    TempDir dir;
    telusur::InputFile folder{dir.path, dir.path.string(), "", telusur::InputFormat::Text,
                              "cannot read folder: Permission denied: skipped"};
    const auto got = read_all(folder);
    CHECK(got.ids.empty());
    REQUIRE(got.errors.size() == 1);
    CHECK(got.errors[0].where_and_what() == dir.path.string() + ": cannot read folder: Permission denied: skipped");
}

TEST_CASE("read_input stops when on_article returns false") {
    TempDir dir;
    const auto file = dir.write("three.jsonl",
                                "{\"id\": \"1\", \"body\": \"a\"}\n{\"id\": \"2\", \"body\": \"b\"}\n"
                                "{\"id\": \"3\", \"body\": \"c\"}\n");
    std::vector<std::string> ids;
    const bool finished = telusur::read_input(
        telusur::plan_inputs({file.string()}).files.at(0), {},
        [&](telusur::Article&& a) {
            ids.push_back(a.id);
            return ids.size() < 2;
        },
        [](const telusur::InputError&) { FAIL("unexpected error"); });
    CHECK_FALSE(finished);
    CHECK(ids == std::vector<std::string>{"1", "2"});
}
