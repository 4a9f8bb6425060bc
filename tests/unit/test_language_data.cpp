// find_data_dir and LanguageData::load: where stemmer-data is and loading all of it at once.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <utility>
#include <unistd.h>

#include "telusur/error.h"
#include "telusur/language_data.h"

#include "temp_dir.h"

using telusur::test::TempDir;

namespace fs = std::filesystem;
using telusur::DataError;
using telusur::LanguageData;

namespace {

const fs::path kDataDir = TELUSUR_STEMMER_DATA_DIR;


/// Sets or clears $TELUSUR_DATA_DIR for one scope, restoring the old value.
class ScopedDataDirEnv {
  public:
    explicit ScopedDataDirEnv(const char* value) {
        if (const char* old = std::getenv("TELUSUR_DATA_DIR")) old_ = old;
        if (value) ::setenv("TELUSUR_DATA_DIR", value, 1);
        else ::unsetenv("TELUSUR_DATA_DIR");
    }
    ~ScopedDataDirEnv() {
        if (old_) ::setenv("TELUSUR_DATA_DIR", old_->c_str(), 1);
        else ::unsetenv("TELUSUR_DATA_DIR");
    }
    ScopedDataDirEnv(const ScopedDataDirEnv&) = delete;
    ScopedDataDirEnv& operator=(const ScopedDataDirEnv&) = delete;

  private:
    std::optional<std::string> old_;
};

std::string load_error(const fs::path& dir) {
    try {
        LanguageData::load(dir);
    } catch (const DataError& e) {
        return e.what();
    }
    FAIL("no DataError for " << dir);
    return {};
}

}  // namespace

TEST_CASE("find_data_dir returns an existing override, normalised") {
    CHECK(telusur::find_data_dir(kDataDir.string()) == kDataDir.lexically_normal());
    const auto roundabout = kDataDir / "." / ".." / kDataDir.filename();
    CHECK(telusur::find_data_dir(roundabout.string()) == kDataDir.lexically_normal());
}

TEST_CASE("find_data_dir throws DataError for an override that is not a folder") {
    TempDir dir;
    CHECK_THROWS_AS(telusur::find_data_dir((dir.path / "tidak-ada").string()), DataError);
    CHECK_THROWS_WITH(telusur::find_data_dir((dir.path / "tidak-ada").string()), doctest::Contains("tidak-ada"));
    CHECK_THROWS_AS(telusur::find_data_dir((kDataDir / "stopwords.txt").string()), DataError);
}

TEST_CASE("find_data_dir uses $TELUSUR_DATA_DIR when there is no override") {
    TempDir dir;
    ScopedDataDirEnv env(dir.path.c_str());
    CHECK(telusur::find_data_dir() == dir.path.lexically_normal());
    CHECK(telusur::find_data_dir(kDataDir.string()) == kDataDir.lexically_normal());  // the override wins
}

TEST_CASE("find_data_dir falls back to a folder holding the data files") {
    ScopedDataDirEnv env(nullptr);
    const auto found = telusur::find_data_dir();
    CHECK(fs::exists(found / "stopwords.txt"));
    CHECK(fs::exists(found / "aliases.tsv"));
    CHECK(fs::exists(found / "boilerplate.tsv"));
}

TEST_CASE("LanguageData::load reads every file of stemmer-data") {
    const auto data = LanguageData::load(kDataDir);
    CHECK(data.dir == kDataDir);
    CHECK(data.cleaner.rule_count() > 0);
    CHECK(data.stopwords.size() > 0);
    CHECK(data.stopwords.contains("yang"));
    CHECK(data.aliases.group_count() > 0);
    CHECK(data.aliases.find("Korut") != nullptr);
}

TEST_CASE("LanguageData::load throws DataError naming the missing or malformed file") {
    TempDir dir;
    CHECK(load_error(dir.path).find("boilerplate.tsv") != std::string::npos);

    fs::copy_file(kDataDir / "boilerplate.tsv", dir.path / "boilerplate.tsv");
    fs::copy_file(kDataDir / "stopwords.txt", dir.path / "stopwords.txt");
    CHECK(load_error(dir.path).find("aliases.tsv") != std::string::npos);

    std::ofstream(dir.path / "aliases.tsv") << "Korut Korea Utara\n";
    CHECK(load_error(dir.path).find("aliases.tsv:1:") != std::string::npos);
}

TEST_CASE("LanguageData::document_identity changes with a line of any file that shapes documents, not with a note") {
    TempDir dir;
    fs::copy(kDataDir, dir.path / "data", fs::copy_options::recursive);
    const auto data = dir.path / "data";
    CHECK(LanguageData::load(data).document_identity == LanguageData::load(kDataDir).document_identity);
    CHECK(LanguageData::load(data).document_identity.starts_with(LanguageData::load(data).make_stemmer().get_description()));
    const std::pair<std::string, std::string> edits[] = {
        {"stopwords.txt", "kata\n"},          {"aliases.tsv", "Jkt\tJakarta\n"},
        {"stem-exceptions.tsv", "kata\tkat\n"}, {"gazetteers/people.tsv", "Kata Kita\n"},
        {"gazetteers/roles.txt", "Juru\n"},   {"gazetteers/name-cues.tsv", "balai\tfacility\n"}};
    for (const auto& [file, line] : edits) {
        CAPTURE(file);
        const auto before = LanguageData::load(data).document_identity;
        std::ofstream(data / file, std::ios::app) << "# a note\n";
        CHECK(LanguageData::load(data).document_identity == before);
        std::ofstream(data / file, std::ios::app) << line;
        CHECK(LanguageData::load(data).document_identity != before);
    }
    // Boilerplate rules change the article itself, which the content hash covers already.
    const auto before = LanguageData::load(data).document_identity;
    std::ofstream(data / "boilerplate.tsv", std::ios::app) << "line\tBaca berita lain\n";
    CHECK(LanguageData::load(data).document_identity == before);
}
