// Mapped reads: table files read through maps give exactly what pread gives, follow growth,
// and leave every other file alone.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "telusur/index/document_builder.h"
#include "telusur/index/index_writer.h"
#include "telusur/language_data.h"
#include "telusur/search/mapped_reads.h"
#include "telusur/search/searcher.h"
#include "temp_dir.h"

using telusur::mapped_read_counts;
using telusur::test::TempDir;

namespace {

constexpr std::size_t kBlock = 8192;

/// `blocks` blocks whose bytes depend on their offset and on `seed`, so that any misplaced
/// copy shows.
std::string blocks_of(std::size_t blocks, int seed, std::size_t first_block = 0) {
    std::string bytes(blocks * kBlock, '\0');
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<char>(((first_block * kBlock + i) * 7 + static_cast<std::size_t>(seed) * 13) % 251);
    return bytes;
}

/// `count` bytes of `fd` from `offset`, as pread() returns them.
std::string read_at(int fd, std::size_t offset, std::size_t count) {
    std::string buffer(count, '\0');
    const auto got = pread(fd, buffer.data(), count, static_cast<off_t>(offset));
    buffer.resize(got < 0 ? 0 : static_cast<std::size_t>(got));
    return buffer;
}

std::uint64_t from_map() { return mapped_read_counts().from_map; }
std::uint64_t passed_through() { return mapped_read_counts().passed_through; }

telusur::Article article(std::string id, std::string title, std::string body) {
    telusur::Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.body = std::move(body);
    return a;
}

}  // namespace

TEST_CASE("a table file opened read-only is read from a map, with the bytes pread gives") {
    telusur::enable_mapped_reads();
    CHECK(telusur::mapped_reads_enabled());
    TempDir dir;
    const auto content = blocks_of(3, 1);
    const auto path = dir.write("db/postlist.glass", content);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);

    const auto mapped_before = from_map();
    CHECK(read_at(fd, kBlock, kBlock) == content.substr(kBlock, kBlock));
    CHECK(read_at(fd, 0, kBlock) == content.substr(0, kBlock));
    CHECK(read_at(fd, 100, 50) == content.substr(100, 50));
    CHECK(from_map() == mapped_before + 3);

    // Past the end there is nothing to map: pread answers, with what the file has.
    const auto passed_before = passed_through();
    CHECK(read_at(fd, content.size() - 100, 200) == content.substr(content.size() - 100));
    CHECK(read_at(fd, content.size() + kBlock, kBlock).empty());
    CHECK(passed_through() == passed_before + 2);

    // A count so large that offset + count wraps around: the kernel's refusal, not a wild copy.
    std::string buffer(content.size(), '\0');
    volatile std::size_t absurd = SIZE_MAX - 50;  // volatile: the compiler would reject the constant
    errno = 0;
    CHECK(pread(fd, buffer.data(), absurd, 100) == -1);
    CHECK(errno != 0);

    CHECK(posix_fadvise(fd, 0, kBlock, POSIX_FADV_WILLNEED) == 0);
    CHECK(::close(fd) == 0);
}

TEST_CASE("a table that grows while mapped reads its new blocks as written") {
    telusur::enable_mapped_reads();
    TempDir dir;
    const auto path = dir.write("db/termlist.glass", blocks_of(2, 2));
    const int reader = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(reader >= 0);
    CHECK(read_at(reader, 0, kBlock) == blocks_of(1, 2));  // mapped now

    // A writer appends a block, as a commit does.
    const int writer = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    REQUIRE(writer >= 0);
    const auto third = blocks_of(1, 3, 2);
    REQUIRE(pwrite(writer, third.data(), kBlock, 2 * kBlock) == static_cast<ssize_t>(kBlock));
    auto mapped_before = from_map();
    CHECK(read_at(reader, 2 * kBlock, kBlock) == third);
    CHECK(from_map() == mapped_before + 1);

    // Far past the room reserved at the end of the first map: a larger map takes over.
    const std::size_t far = std::size_t{200} << 20;
    const auto last = blocks_of(1, 4, far / kBlock);
    REQUIRE(pwrite(writer, last.data(), kBlock, static_cast<off_t>(far)) == static_cast<ssize_t>(kBlock));
    mapped_before = from_map();
    CHECK(read_at(reader, far, kBlock) == last);
    CHECK(read_at(reader, 2 * kBlock, kBlock) == third);
    CHECK(read_at(reader, 3 * kBlock, kBlock) == std::string(kBlock, '\0'));  // the hole reads as zeros
    CHECK(from_map() == mapped_before + 3);
    ::close(writer);
    ::close(reader);
}

TEST_CASE("files that are not read-only tables are left to pread") {
    telusur::enable_mapped_reads();
    TempDir dir;
    const auto content = blocks_of(2, 5);
    const auto text = dir.write("notes.txt", content);
    const auto table = dir.write("db/position.glass", content);
    const int plain = ::open(text.c_str(), O_RDONLY | O_CLOEXEC);
    const int writable = ::open(table.c_str(), O_RDWR | O_CLOEXEC);  // a writer's table
    REQUIRE(plain >= 0);
    REQUIRE(writable >= 0);
    const auto before = mapped_read_counts();
    CHECK(read_at(plain, kBlock, kBlock) == content.substr(kBlock));
    CHECK(read_at(writable, 0, kBlock) == content.substr(0, kBlock));
    CHECK(mapped_read_counts().from_map == before.from_map);
    CHECK(mapped_read_counts().passed_through == before.passed_through);
    ::close(plain);
    ::close(writable);
}

TEST_CASE("a descriptor number used again for another table reads the new file") {
    telusur::enable_mapped_reads();
    TempDir dir;
    const auto first = dir.write("a/postlist.glass", blocks_of(2, 6));
    const auto second = dir.write("b/postlist.glass", blocks_of(2, 7));
    const int fd = ::open(first.c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    CHECK(read_at(fd, 0, kBlock) == blocks_of(1, 6));
    ::close(fd);
    const int again = ::open(second.c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(again == fd);  // POSIX: the lowest free number
    CHECK(read_at(again, kBlock, kBlock) == blocks_of(2, 7).substr(kBlock));
    ::close(again);
}

TEST_CASE("threads reading one table at once all get the right bytes") {
    telusur::enable_mapped_reads();
    TempDir dir;
    constexpr std::size_t kBlocks = 64;
    const auto content = blocks_of(kBlocks, 8);
    const auto path = dir.write("db/docdata.glass", content);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    std::vector<int> wrong(4, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < wrong.size(); ++t)
        threads.emplace_back([&, t] {
            for (std::size_t i = 0; i < 2000; ++i) {
                const auto block = (i * 17 + t * 5) % kBlocks;
                if (read_at(fd, block * kBlock, kBlock) != content.substr(block * kBlock, kBlock)) ++wrong[t];
            }
        });
    for (auto& thread : threads) thread.join();
    CHECK(wrong == std::vector<int>(4, 0));
    ::close(fd);
}

TEST_CASE("a searcher reads its database through maps and sees a writer's later commits") {
    telusur::enable_mapped_reads();
    static const auto data = telusur::LanguageData::load(TELUSUR_STEMMER_DATA_DIR);
    TempDir dir;
    telusur::DocumentBuilder builder(data);
    telusur::IndexWriter writer(dir.path / "db", 100, builder.stemmer_description());
    const auto first = article("pertama", "Tentara berlatih", "Tentara berlatih di pegunungan selama sepekan.");
    writer.write(first.id, builder.build(first));
    writer.commit();

    auto mapped_before = from_map();
    telusur::Searcher searcher(dir.path / "db", data);
    telusur::SearchRequest request;
    request.query = "tentara";
    const auto found = searcher.search(request);
    REQUIRE(found.hits.size() == 1);
    CHECK(found.hits[0].article.id == "pertama");
    std::string snippet;  // read from the stored article, in the docdata table
    for (const auto& part : found.hits[0].snippet) snippet += part.text;
    CHECK(snippet.find("pegunungan") != std::string::npos);
    CHECK(from_map() > mapped_before);

    const auto second = article("kedua", "Nelayan melaut", "Nelayan melaut meski ombak tinggi. Tentara membantu nelayan.");
    writer.write(second.id, builder.build(second));
    writer.commit();
    mapped_before = from_map();
    CHECK(searcher.reopen());
    request.query = "nelayan";
    const auto later = searcher.search(request);
    REQUIRE(later.hits.size() == 1);
    CHECK(later.hits[0].article.id == "kedua");
    CHECK(from_map() > mapped_before);
    request.query = "tentara";
    CHECK(searcher.search(request).hits.size() == 2);
}
