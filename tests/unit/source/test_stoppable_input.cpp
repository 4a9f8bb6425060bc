// StoppableInput / read_input with a stop flag: a pipe or FIFO that sends nothing still ends.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "telusur/error.h"
#include "telusur/source/decompressing_stream.h"
#include "telusur/source/input_plan.h"
#include "telusur/source/stoppable_input.h"

#include "compressed_bytes.h"
#include "temp_dir.h"

using telusur::StoppableInput;

namespace {

/// Sets `stop` after `ms` milliseconds, on its own thread (joined by the destructor).
struct StopLater {
    std::thread thread;
    StopLater(std::atomic<bool>& stop, int ms)
        : thread([&stop, ms] {
              std::this_thread::sleep_for(std::chrono::milliseconds(ms));
              stop = true;
          }) {}
    ~StopLater() { thread.join(); }
};

void write_all(int fd, const std::string& text) { REQUIRE(::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size())); }

}  // namespace

TEST_CASE("StoppableInput reads a pipe's lines and ends at its end, not stopped") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    write_all(fds[1], "satu\ndua\n");
    ::close(fds[1]);
    std::atomic<bool> stop{false};
    StoppableInput in(fds[0], true, &stop);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    CHECK(lines == std::vector<std::string>{"satu", "dua"});
    CHECK_FALSE(in.stopped());
}

TEST_CASE("StoppableInput waiting on a quiet pipe ends once stop is set, after the data that came") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    write_all(fds[1], "satu\n");  // the writer stays open and sends nothing more
    std::atomic<bool> stop{false};
    StoppableInput in(fds[0], true, &stop);
    std::string line;
    REQUIRE(std::getline(in, line));
    CHECK(line == "satu");
    const auto started = std::chrono::steady_clock::now();
    {
        StopLater later(stop, 200);
        CHECK_FALSE(std::getline(in, line));  // without the stop flag: blocked for ever
    }
    CHECK(in.stopped());
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    ::close(fds[1]);
}

TEST_CASE("read_input on a FIFO nobody writes to returns once stopped: a half-written line is no error") {
    telusur::test::TempDir dir;
    const auto feed = dir.path / "feed.jsonl";
    REQUIRE(::mkfifo(feed.c_str(), 0600) == 0);
    const telusur::InputFile file{feed, "feed.jsonl", "feed.jsonl", telusur::InputFormat::JsonLines, {}};
    std::vector<std::string> ids;
    std::vector<std::string> errors;
    const auto on_article = [&](telusur::Article&& a) { return ids.push_back(a.id), true; };
    const auto on_error = [&](const telusur::InputError& e) { errors.push_back(e.what()); };

    std::atomic<bool> stop{false};
    {
        StopLater later(stop, 200);
        CHECK_FALSE(telusur::read_input(file, {}, on_article, on_error, &stop));  // open(2) alone would block
    }
    CHECK(ids.empty());
    CHECK(errors.empty());

    // Compressed, or a text file: the bytes come through the same wait.
    for (const auto& [name, format] : {std::pair{"feed.jsonl.gz", telusur::InputFormat::JsonLines},
                                       std::pair{"feed.jsonl.zst", telusur::InputFormat::JsonLines},
                                       std::pair{"feed.txt", telusur::InputFormat::Text}}) {
        CAPTURE(name);
        REQUIRE(::mkfifo((dir.path / name).c_str(), 0600) == 0);
        stop = false;
        StopLater later(stop, 200);
        CHECK_FALSE(telusur::read_input({dir.path / name, name, name, format, {}}, {}, on_article, on_error, &stop));
    }
    CHECK(ids.empty());
    CHECK(errors.empty());

    // A writer sends one record and half of the next, then goes quiet.
    stop = false;
    std::thread writer([&] {
        const int fd = ::open(feed.c_str(), O_WRONLY);
        write_all(fd, "{\"id\": \"a1\", \"body\": \"isi\"}\n{\"id\": \"a2\", \"bo");
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        ::close(fd);
    });
    {
        StopLater later(stop, 200);
        CHECK_FALSE(telusur::read_input(file, {}, on_article, on_error, &stop));
    }
    writer.join();
    CHECK(ids == std::vector<std::string>{"a1"});
    CHECK(errors.empty());
}

TEST_CASE("a compressed pipe is decompressed as its bytes come, not once a buffer is full") {
    // A gzip stream flushed after one line, the pipe kept open: a feed between two items.
    const std::string line = "{\"id\": \"a1\", \"body\": \"isi\"}\n";
    const auto packed = telusur::testing::gzip_bytes(line, /*finish=*/false);

    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    std::atomic<bool> stop{false};
    auto source = std::make_unique<StoppableInput>(fds[0], true, &stop);
    const StoppableInput& plain = *source;
    const auto in = telusur::decompressing(std::move(source), telusur::Compression::Gzip);
    write_all(fds[1], packed);
    std::string got;
    {
        StopLater later(stop, 1000);  // bounds the test if the line never comes
        std::getline(*in, got);
    }
    CHECK_FALSE(plain.stopped());
    CHECK(got + "\n" == line);
    // Stopped while the stream is open, it ends as a cut-off stream would; the caller sees why.
    CHECK_THROWS_WITH_AS(std::getline(*in, got), "gzip data ends early (truncated file?)", telusur::DecompressionError);
    CHECK(plain.stopped());
    ::close(fds[1]);
}
