// Streaming decompression of .jsonl.gz and .jsonl.zst inputs.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <zlib.h>
#include <zstd.h>

#include "telusur/source/decompressing_stream.h"
#include "telusur/source/input_plan.h"
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

std::string gzip(const std::string& text, const std::string& path) {
    gzFile f = gzopen(path.c_str(), "wb");
    gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
    gzclose(f);
    return path;
}

std::string zstd_bytes(const std::string& text) {
    std::string out(ZSTD_compressBound(text.size()), '\0');
    out.resize(ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3));
    return out;
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

TEST_CASE("corrupt zstd data sets badbit instead of throwing") {
    TempDir dir;
    auto bytes = zstd_bytes(many_lines());
    for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 64; ++i) bytes[i] = static_cast<char>(~bytes[i]);
    const auto path = dir.write("bad.jsonl.zst", bytes);
    auto in = open_decompressing(path, Compression::Zstd);
    REQUIRE(in);
    std::string line;
    CHECK_NOTHROW(while (std::getline(*in, line)) {});  // how JsonlReader reads
    CHECK(in->bad());
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
        read_input(file, [&](Article&&) { return ++articles, true; }, [](const InputError&) { FAIL("no error expected"); });
        CHECK(articles == 20000);
    }
}
