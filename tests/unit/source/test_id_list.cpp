// read_id_list: the ids of --delete-from, one per line, bad lines told by line and skipped.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdint>
#include <utility>
#include <string>
#include <vector>

#include "telusur/error.h"
#include "telusur/source/id_list.h"

#include "temp_dir.h"

using telusur::InputError;
using telusur::read_id_list;
using telusur::test::TempDir;

namespace {

struct ReadList {
    std::vector<telusur::ListedId> ids;
    std::vector<std::string> errors;
};

ReadList read(const std::string& path) {
    ReadList out;
    out.ids = read_id_list(path, [&out](const InputError& e) { out.errors.push_back(e.where_and_what()); });
    return out;
}

}  // namespace

TEST_CASE("read_id_list takes each line as written, without its CR, and skips blank lines") {
    TempDir dir;
    const auto path = dir.write("ids.txt", "a\n\nberita/banjir bekasi.txt\r\n  \n dun-003 \nlast").string();
    const auto list = read(path);
    CHECK(list.errors.empty());
    REQUIRE(list.ids.size() == 4);
    CHECK(list.ids[0].id == "a");
    CHECK(list.ids[0].line == 1);
    CHECK(list.ids[0].origin == path);
    CHECK(list.ids[1].id == "berita/banjir bekasi.txt");
    CHECK(list.ids[1].line == 3);
    CHECK(list.ids[2].id == " dun-003 ");  // spaces may be part of an id
    CHECK(list.ids[2].line == 5);
    CHECK(list.ids[3].id == "last");  // no line break after it
    CHECK(list.ids[3].line == 6);
}

TEST_CASE("read_id_list tells and skips lines that are not UTF-8, hold a control character or are too long") {
    TempDir dir;
    const std::string long_line(telusur::kMaxIdListLineBytes + 1, 'z');
    const std::string fitting(telusur::kMaxIdListLineBytes, 'y');
    const auto path = dir.write("ids.txt", "a\n\xff\xfe\nx\x1by\n" + long_line + "\n" + fitting + "\nb\n").string();
    const auto list = read(path);
    REQUIRE(list.ids.size() == 3);
    CHECK(list.ids[0].id == "a");
    CHECK(list.ids[1].id == fitting);
    CHECK(list.ids[2].id == "b");
    CHECK(list.ids[2].line == 6);
    REQUIRE(list.errors.size() == 3);
    CHECK(list.errors[0] == path + ":2: not valid UTF-8 (byte 1): skipped");
    CHECK(list.errors[1] == path + ":3: holds a control character (byte 2): skipped");
    CHECK(list.errors[2] == path + ":4: line longer than 4096 bytes: skipped");
}

TEST_CASE("read_id_list reads a line longer than its buffer and a too-long last line without a break") {
    TempDir dir;
    const std::string id(3000, 'k');
    std::string text;
    for (int i = 0; i < 100; ++i) text += id + "\n";  // lines across the 64 KiB reads
    text += std::string(100000, 'q');
    const auto list = read(dir.write("ids.txt", text).string());
    REQUIRE(list.ids.size() == 100);
    for (const auto& listed : list.ids) CHECK(listed.id == id);
    REQUIRE(list.errors.size() == 1);
    CHECK(list.errors[0].ends_with(":101: line longer than 4096 bytes: skipped"));
}

TEST_CASE("read_id_list throws Error naming a list that cannot be read") {
    TempDir dir;
    CHECK_THROWS_WITH_AS(read((dir.path / "missing.txt").string()),
                         ("id list '" + (dir.path / "missing.txt").string() +
                          "': cannot open file: No such file or directory").c_str(),
                         telusur::Error);
    CHECK_THROWS_WITH_AS(read(dir.path.string()),
                         ("id list '" + dir.path.string() + "' is a folder; give a file of ids, one per line").c_str(),
                         telusur::Error);
    CHECK(read(dir.write("empty.txt", "").string()).ids.empty());
}

TEST_CASE("read_id_list splits any text as a plain line-by-line reading does, across its read boundaries") {
    // The reader works in 64 KiB pieces; lines of every length around the limit cross them.
    TempDir dir;
    std::uint64_t state = 12345;
    const auto next = [&state](std::uint64_t n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state >> 33) % n;
    };
    for (int round = 0; round < 40; ++round) {
        std::string text;
        std::vector<std::pair<std::string, std::size_t>> expected;
        std::size_t too_long = 0;
        const auto lines = 1 + next(120);
        for (std::size_t number = 1; number <= lines; ++number) {
            const auto length = next(4) == 0 ? telusur::kMaxIdListLineBytes - 2 + next(5) : next(3000);
            std::string line(length, static_cast<char>('a' + next(26)));
            const bool cr = next(5) == 0;
            text += line + (cr ? "\r" : "");
            if (number < lines || next(2) == 0) text += '\n';
            if (line.size() + (cr ? 1 : 0) > telusur::kMaxIdListLineBytes) ++too_long;
            else if (!line.empty()) expected.emplace_back(line, number);
        }
        CAPTURE(round);
        const auto list = read(dir.write("ids-" + std::to_string(round) + ".txt", text).string());
        REQUIRE(list.ids.size() == expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            CHECK(list.ids[i].id == expected[i].first);
            CHECK(list.ids[i].line == expected[i].second);
        }
        CHECK(list.errors.size() == too_long);
    }
}
