// cannot_open_file: the reason given when an input file cannot be opened.
#include <doctest/doctest.h>

#include <cerrno>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "telusur/source/open_failure.h"

namespace fs = std::filesystem;

TEST_CASE("cannot_open_file names a broken link, else the system's reason") {
    const auto dir = fs::temp_directory_path() / ("telusur-unit-open-failure-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::create_symlink(dir / "nowhere.txt", dir / "link.txt");
    CHECK(telusur::cannot_open_file(dir / "link.txt", ENOENT) == "cannot open file: broken symbolic link");
    CHECK(telusur::cannot_open_file(dir / "missing.txt", ENOENT) == "cannot open file: No such file or directory");
    CHECK(telusur::cannot_open_file(dir / "missing.txt", EACCES) == "cannot open file: Permission denied");
    CHECK(telusur::cannot_open_file(dir / "missing.txt", 0) == "cannot open file");
    fs::remove_all(dir);
}
