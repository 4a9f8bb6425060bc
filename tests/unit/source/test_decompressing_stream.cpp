// Streaming decompression of .jsonl.gz and .jsonl.zst inputs.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "telusur/source/decompressing_stream.h"
#include "telusur/source/input_plan.h"
#include "compressed_bytes.h"
#include "temp_dir.h"

using namespace telusur;
using telusur::test::TempDir;

namespace {

/// Enough lines to span several 64 KiB decompression buffers.
std::string many_lines() {
    std::string text;
    for (int i = 0; i < 20000; ++i)
        text += "{\"id\": \"d" + std::to_string(i) + "\", \"body\": \"berita nomor " + std::to_string(i) + "\"}\n";
    return text;
}

using telusur::testing::zstd_bytes;

std::string gzip(const std::string& text, const std::string& path) {
    std::ofstream(path, std::ios::binary) << telusur::testing::gzip_bytes(text);
    return path;
}

std::string read_all(std::istream& in) { return std::string(std::istreambuf_iterator<char>(in), {}); }

}  // namespace

TEST_CASE("compression is told by the file name") {
    CHECK(compression_of("a.jsonl.gz") == Compression::Gzip);
    CHECK(compression_of("a.jsonl.zst") == Compression::Zstd);
    CHECK(compression_of("a.jsonl") == Compression::None);
}

TEST_CASE("gzip and zstd files decompress to exactly their text, across buffer boundaries") {
    TempDir dir;
    const auto text = many_lines();
    const auto gz = gzip(text, (dir.path / "a.jsonl.gz").string());
    const auto zst = dir.write("a.jsonl.zst", zstd_bytes(text));
    auto g = open_decompressing(gz, Compression::Gzip);
    auto z = open_decompressing(zst, Compression::Zstd);
    REQUIRE(g);
    REQUIRE(z);
    CHECK(read_all(*g) == text);
    CHECK(read_all(*z) == text);
    CHECK_FALSE(open_decompressing(dir.path / "missing.gz", Compression::Gzip));
}

/// What reading `path` to the end throws, with the text read before it; the stream must be bad after.
std::pair<std::string, std::string> read_fault(const std::string& path, Compression compression) {
    auto in = open_decompressing(path, compression);
    REQUIRE(in);
    std::string text;
    std::string fault;
    try {
        for (std::string line; std::getline(*in, line);) text += line + "\n";  // how JsonlReader reads
    } catch (const DecompressionError& e) {
        fault = e.what();
    }
    CHECK(in->bad());
    return {text, fault};
}

TEST_CASE("corrupt data throws a DecompressionError that says what is wrong") {
    TempDir dir;
    const auto text = many_lines();
    auto zst = zstd_bytes(text);
    for (std::size_t i = zst.size() / 2; i < zst.size() / 2 + 64; ++i) zst[i] = static_cast<char>(~zst[i]);
    CHECK(read_fault(dir.write("bad.jsonl.zst", zst), Compression::Zstd).second.starts_with("corrupt zstd data: "));

    // A flipped byte in deflate data is caught by gzip's checksum at the end, at the latest.
    std::ifstream packed(gzip(text, (dir.path / "a.jsonl.gz").string()), std::ios::binary);
    std::string bytes(std::istreambuf_iterator<char>(packed), {});
    bytes[bytes.size() - 6] = static_cast<char>(~bytes[bytes.size() - 6]);  // inside the CRC-32 trailer
    const auto bad_gz = dir.write("bad.jsonl.gz", bytes);
    const auto [read, fault] = read_fault(bad_gz, Compression::Gzip);
    CHECK(fault == "corrupt gzip data: incorrect data check");  // without zlib's copy of the path
    CHECK(text.starts_with(read));  // what came out before the check failed is the file's text
}

TEST_CASE("gzip members one after another read as one text, and bytes after them that are not gzip are an error") {
    // `cat monday.jsonl.gz tuesday.jsonl.gz > week.jsonl.gz` is a valid gzip file.
    TempDir dir;
    const std::string monday = "{\"id\": \"a\", \"body\": \"satu\"}\n";
    const std::string tuesday = "{\"id\": \"b\", \"body\": \"dua\"}\n";
    const auto bytes_of = [&](const std::string& text, const char* name) {
        std::ifstream packed(gzip(text, (dir.path / name).string()), std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(packed), {});
    };
    const auto week = bytes_of(monday, "mon.gz") + bytes_of(tuesday, "tue.gz");
    auto in = open_decompressing(dir.write("week.jsonl.gz", week), Compression::Gzip);
    REQUIRE(in);
    CHECK(read_all(*in) == monday + tuesday);
    const auto [text, fault] = read_fault(dir.write("tail.jsonl.gz", week + "sampah\n"), Compression::Gzip);
    CHECK(text == monday + tuesday);
    CHECK(fault == "bytes after the end of the gzip data are not gzip");
}

TEST_CASE("a cut-off file is an error, not a shorter file") {
    TempDir dir;
    const auto text = many_lines();
    std::ifstream packed(gzip(text, (dir.path / "a.jsonl.gz").string()), std::ios::binary);
    const std::string gz(std::istreambuf_iterator<char>(packed), {});
    const auto zst = zstd_bytes(text);
    for (const double part : {0.5, 0.999}) {
        CAPTURE(part);
        const auto cut_gz = dir.write("cut.jsonl.gz", gz.substr(0, static_cast<std::size_t>(gz.size() * part)));
        const auto cut_zst = dir.write("cut.jsonl.zst", zst.substr(0, static_cast<std::size_t>(zst.size() * part)));
        const auto [gz_text, gz_fault] = read_fault(cut_gz, Compression::Gzip);
        const auto [zst_text, zst_fault] = read_fault(cut_zst, Compression::Zstd);
        CHECK(gz_fault == "gzip data ends early (truncated file?)");
        CHECK(zst_fault == "zstd data ends early (truncated file?)");
        CHECK(text.starts_with(gz_text));
        CHECK(text.starts_with(zst_text));
    }
}

TEST_CASE("a file that is not in its name's format is refused, not read as text") {
    TempDir dir;
    const std::string lines = "{\"id\": \"a\", \"body\": \"teks biasa\"}\n";
    CHECK(read_fault(dir.write("plain.jsonl.gz", lines), Compression::Gzip).second == "not gzip data");
    CHECK(read_fault(dir.write("plain.jsonl.zst", lines), Compression::Zstd).second == "not zstd data");
    CHECK(read_fault(dir.write("empty.jsonl.gz", ""), Compression::Gzip).second == "not gzip data (empty file)");
    CHECK(read_fault(dir.write("empty.jsonl.zst", ""), Compression::Zstd).second == "not zstd data (empty file)");
}

TEST_CASE("a compressed file of no text reads as empty, unlike an empty file") {
    // An archive's day without articles, compressed: `gzip < /dev/null`. Found by
    // tests/fuzz/fuzz_decompressing_stream; before, gzip's was refused as "empty file".
    TempDir dir;
    const auto gz = gzip("", (dir.path / "none.jsonl.gz").string());
    const std::string zst = dir.write("none.jsonl.zst", zstd_bytes("")).string();
    for (const auto& [path, compression] : {std::pair{gz, Compression::Gzip}, std::pair{zst, Compression::Zstd}}) {
        auto in = open_decompressing(path, compression);
        REQUIRE(in);
        std::string text = "not read";
        CHECK_NOTHROW(text = read_all(*in));
        CHECK(text.empty());
        CHECK_FALSE(in->bad());
    }
}

TEST_CASE("folders take compressed JSON Lines and read them like plain ones") {
    TempDir dir;
    const auto text = many_lines();
    dir.write("in/plain.jsonl", text);
    gzip(text, (dir.path / "in/packed.jsonl.gz").string());
    dir.write("in/packed.jsonl.zst", zstd_bytes(text));
    dir.write("in/notes.txt.gz", "ignored");
    const auto plan = plan_inputs({(dir.path / "in").string()});
    REQUIRE(plan.files.size() == 3);
    CHECK(plan.ignored_files == 1);
    for (const auto& file : plan.files) {
        CHECK(file.format == InputFormat::JsonLines);
        std::size_t articles = 0;
        read_input(
            file, {}, [&](Article&&) { return ++articles, true; },
            [](const InputError&) { FAIL("no error expected"); });
        CHECK(articles == 20000);
    }
}
