#include "telusur/language_data.h"

#include <cstdlib>
#include <unistd.h>

#include "telusur/error.h"

#ifndef TELUSUR_SOURCE_DATA_DIR
#define TELUSUR_SOURCE_DATA_DIR ""
#endif

namespace telusur {

namespace fs = std::filesystem;

namespace {

fs::path executable_dir() {
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

}  // namespace

fs::path find_data_dir(const std::string& override) {
    fs::path chosen;
    if (!override.empty()) {
        chosen = override;
    } else if (const char* env = std::getenv("TELUSUR_DATA_DIR"); env != nullptr && *env != '\0') {
        chosen = env;
    } else if (const auto installed = executable_dir() / ".." / "share" / "telusur";
               fs::exists(installed / "stopwords.txt")) {
        chosen = installed;
    } else {
        chosen = TELUSUR_SOURCE_DATA_DIR;
    }
    if (chosen.empty() || !fs::is_directory(chosen))
        throw DataError("data folder '" + chosen.string() + "' not found (set --data-dir or TELUSUR_DATA_DIR)");
    return chosen.lexically_normal();
}

LanguageData LanguageData::load(const fs::path& dir) {
    return LanguageData{dir, BoilerplateCleaner::load(dir / "boilerplate.tsv"),
                        StopwordList::load(dir / "stopwords.txt"), AliasTable::load(dir / "aliases.tsv"),
                        StemmerData::load(dir), Gazetteer::load(dir / "gazetteers")};
}

std::string LanguageData::canonical_entity(std::string_view name) const {
    std::string canonical(name);
    if (const auto* group = aliases.find(name)) canonical = group->front();
    if (const auto* entry = gazetteer.find(canonical)) canonical = entry->name;
    return canonical;
}

}  // namespace telusur
