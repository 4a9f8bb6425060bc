// `cmake --install` puts binaries, language data and man pages where users expect them.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli_fixture.h"

namespace telusur::e2e {

TEST_CASE("cmake --install installs both tools, stemmer-data and the man pages, and they run") {
    TempDir prefix;
    const auto install = run_process({TELUSUR_CMAKE_COMMAND, "--install", TELUSUR_BUILD_DIR, "--prefix", prefix.path()});
    INFO(install.err);
    REQUIRE(install.exit_code == 0);
    namespace fs = std::filesystem;
    for (const char* file : {"bin/telusur-index", "bin/telusur-query", "share/telusur/stopwords.txt",
                             "share/telusur/boilerplate.tsv", "share/telusur/aliases.tsv",
                             "share/man/man1/telusur-index.1", "share/man/man1/telusur-query.1"})
        CHECK_MESSAGE(fs::exists(fs::path(prefix.path()) / file), file);

    const auto db = prefix / "db";
    CHECK(run_process({prefix / "bin/telusur-index", "--db", db, "-q", kCorpusDir}).exit_code == 0);
    CHECK(run_process({prefix / "bin/telusur-query", "--db", db, "Kursk"}).exit_code == 0);
}

}  // namespace telusur::e2e
