#include "telusur/language_data.h"

#include <cstdlib>
#include <unistd.h>

#include "telusur/data_file.h"
#include "telusur/error.h"
#include "telusur/stable_hash.h"

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

/// Hash of each file's name and the lines of it that hold something.
std::string lines_hash(const std::vector<fs::path>& files) {
    std::string all;
    for (const auto& file : files) {
        const auto text = read_data_file(file, "data");
        all.append(file.filename().string()).push_back('\0');
        for (const auto& line : data_lines(text, file.string())) all.append(line.text).push_back('\n');
    }
    return to_hex(stable_hash64(all));
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
    LanguageData data{dir, BoilerplateCleaner::load(dir / "boilerplate.tsv"),
                      StopwordList::load(dir / "stopwords.txt"), AliasTable::load(dir / "aliases.tsv"),
                      StemmerData::load(dir), Gazetteer::load(dir / "gazetteers"), {}};
    std::vector<fs::path> shaping{dir / "stopwords.txt", dir / "aliases.tsv"};
    for (const auto name : Gazetteer::kFileNames) shaping.push_back(dir / "gazetteers" / name);
    data.document_identity = data.make_stemmer().get_description() + '+' + lines_hash(shaping);
    return data;
}

std::string LanguageData::canonical_entity(std::string_view name) const {
    std::string canonical(name);
    if (const auto* group = aliases.find(name)) canonical = group->front();
    if (const auto* entry = gazetteer.find(canonical)) canonical = entry->name;
    return canonical;
}

}  // namespace telusur
