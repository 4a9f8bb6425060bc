// read_text_file: one .txt file → one Article whose title the cleaner will take from line 1.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

#include "telusur/error.h"
#include "telusur/source/text_file_reader.h"

#include "temp_dir.h"
#include "utf16_bytes.h"

using telusur::test::TempDir;

namespace fs = std::filesystem;
using telusur::InputError;
using telusur::read_text_file;

namespace {


InputError error_reading(const fs::path& file) {
    try {
        read_text_file(file, "x");
    } catch (const InputError& e) {
        return e;
    }
    FAIL("no InputError for " << file);
    return InputError("", 0, "");
}

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("read_text_file keeps the whole text as body and leaves the title to the cleaner") {
    TempDir dir;
    const std::string text = "Judul Berita Hari Ini\n\nParagraf pertama.\nParagraf kedua.\n";
    const auto file = dir.write("a.txt", text);
    const auto article = read_text_file(file, "berita/a.txt");
    CHECK(article.id == "berita/a.txt");
    CHECK(article.body == text);
    CHECK(article.title.empty());
    CHECK(article.title_from_first_line);
    CHECK(article.origin_file == file.string());
    CHECK(article.origin_line == 0);
    CHECK(article.date.empty());
    CHECK(article.url.empty());
}

TEST_CASE("read_text_file reads a seed article byte for byte") {
    const fs::path seed = fs::path(TELUSUR_SEEDS_DIR) / "001_c8ce01ff440e4416.txt";
    const auto article = read_text_file(seed, "001");
    CHECK(article.id == "001");
    CHECK(article.body == slurp(seed));
    CHECK(article.body.starts_with("Baca artikel IDN Times"));
    CHECK(article.title_from_first_line);
}

TEST_CASE("read_text_file drops a UTF-8 byte order mark") {
    TempDir dir;
    const auto article = read_text_file(dir.write("bom.txt", "\xEF\xBB\xBFJudul\nIsi.\n"), "bom");
    CHECK(article.body == "Judul\nIsi.\n");
}

TEST_CASE("read_text_file rejects an empty or blank file") {
    TempDir dir;
    for (const char* bytes : {"", "\n\n", "  \t\r\n  "}) {
        CAPTURE(bytes);
        const auto e = error_reading(dir.write("empty.txt", bytes));
        CHECK(std::string(e.what()) == "empty file");
        CHECK(e.line() == 0);
        CHECK(e.file() == (dir.path / "empty.txt").string());
    }
}

TEST_CASE("read_text_file rejects a file holding only a byte order mark") {
    TempDir dir;
    const auto e = error_reading(dir.write("bom-only.txt", "\xEF\xBB\xBF\n"));
    CHECK(std::string(e.what()) == "empty file");
}

TEST_CASE("read_text_file rejects a binary file, naming the line of the first NUL") {
    TempDir dir;
    std::string bytes = "baris satu\nbaris dua\n\x7F" "ELF@@";
    bytes[bytes.find('@')] = '\0';
    const auto e = error_reading(dir.write("image.txt", bytes));
    CHECK(std::string(e.what()) == "binary file (NUL byte)");
    CHECK(e.line() == 3);
}

TEST_CASE("read_text_file reads a file saved as UTF-16, in either byte order") {
    TempDir dir;
    for (const auto order : {telusur::testing::ByteOrder::Little, telusur::testing::ByteOrder::Big}) {
        const auto bytes = telusur::testing::utf16_bytes("Judul\r\n\r\nIsi berita, café.\r\n", order);
        const auto article = read_text_file(dir.write("windows.txt", bytes), "windows.txt");
        CHECK(article.body == "Judul\n\nIsi berita, café.\n");  // line breaks unified, as for UTF-8 files
        CHECK(article.title_from_first_line);
    }
}

TEST_CASE("read_text_file rejects invalid UTF-8, naming the line") {
    TempDir dir;
    const auto file = dir.write("latin1.txt", "Judul\n\nKopi di caf\xE9 itu enak.\n");
    const auto e = error_reading(file);
    CHECK(std::string(e.what()) == "invalid UTF-8");
    CHECK(e.line() == 3);
    CHECK(e.where_and_what() == file.string() + ":3: invalid UTF-8");
}

TEST_CASE("read_text_file reports a missing file as an InputError for the whole file") {
    TempDir dir;
    const auto e = error_reading(dir.path / "tidak-ada.txt");
    CHECK(std::string(e.what()) == "cannot open file: No such file or directory");
    CHECK(e.line() == 0);
    CHECK(e.where_and_what() == (dir.path / "tidak-ada.txt").string() + ": cannot open file: No such file or directory");
}

TEST_CASE("read_text_file rejects a file larger than its limit") {
    TempDir dir;
    const auto file = dir.write("besar.txt", "Judul\n\n" + std::string(5000, 'x') + "\n");
    try {
        read_text_file(file, "x", 1000);
        FAIL("no InputError");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()) == "file larger than 1000 bytes: skipped");
    }
    CHECK(read_text_file(file, "x", 5008).body.size() == 5008);  // exactly the limit
}

TEST_CASE("read_text_file blanks control characters but keeps tabs and line breaks") {
    TempDir dir;
    const auto article = read_text_file(dir.write("kontrol.txt", "Judul\x1b[2J\r\n\nIsi\tberita\x0c.\n"), "k");
    CHECK(article.body == "Judul [2J\n\nIsi\tberita .\n");
}

TEST_CASE("read_text_file reads CRLF and a lone CR as line breaks, so no CR reaches the title") {
    TempDir dir;
    // A CR in the first line would send a terminal's cursor back over the title.
    CHECK(read_text_file(dir.write("cr.txt", "Berita Resmi\rHOAKS\n\nIsi banjir.\rPALSU\n"), "cr").body ==
          "Berita Resmi\nHOAKS\n\nIsi banjir.\nPALSU\n");
    CHECK(read_text_file(dir.write("crlf.txt", "Judul\r\n\r\nIsi.\r\n"), "crlf").body == "Judul\n\nIsi.\n");
    // Classic Mac OS line ends: lines, not one long title.
    CHECK(read_text_file(dir.write("mac.txt", "Judul\r\rIsi.\r"), "mac").body == "Judul\n\nIsi.\n");
}

TEST_CASE("read_text_file refuses a file name that would be an id with a control character or not UTF-8") {
    TempDir dir;
    const std::string escape = "banjir\x1b[2J.txt";  // legal on Linux; shown raw, it clears the screen
    const auto file = dir.write(escape, "Judul\n\nBanjir di Bekasi.\n");
    try {
        read_text_file(file, escape);
        FAIL("no InputError");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()) == "file name holds a control character (byte 7): rename the file to index it");
        // The message names the file without the escape: only the reader's terminal is spared.
        CHECK(e.where_and_what() == (dir.path / "banjir [2J.txt").string() + ": " + e.what());
    }
    const std::string latin1 = "caf\xE9.txt";
    try {
        read_text_file(dir.write(latin1, "Judul\n\nKopi.\n"), latin1);
        FAIL("no InputError");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()) == "file name is not UTF-8 (byte 4): rename the file to index it");
        CHECK(e.where_and_what() == (dir.path / "caf\\xE9.txt").string() + ": " + e.what());
    }
    CHECK(read_text_file(dir.write("kafe café.txt", "Judul\n\nKopi.\n"), "kafe café.txt").id == "kafe café.txt");
}
