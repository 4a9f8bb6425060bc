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
    // The files that shape documents besides the stemmer's are read once: loaded from the text
    // read, and their lines that hold something hashed into document_identity.
    std::string shaping;
    const auto read_shaping = [&shaping](const fs::path& path, std::string_view kind) {
        auto text = read_data_file(path, kind);
        shaping.append(path.filename().string()).push_back('\0');
        for (const auto& line : data_lines(text, path.string())) shaping.append(line.text).push_back('\n');
        return text;
    };
    // In this order, so that an empty folder is said to lack its first file.
    auto cleaner = BoilerplateCleaner::load(dir / "boilerplate.tsv");
    const auto stopwords = dir / "stopwords.txt";
    auto stopword_list = StopwordList::from_text(read_shaping(stopwords, "stopword"), stopwords.string());
    const auto aliases = dir / "aliases.tsv";
    auto alias_table = AliasTable::from_text(read_shaping(aliases, "alias"), aliases.string());
    auto stemmer_data = StemmerData::load(dir);
    auto gazetteer =
        Gazetteer::load(dir / "gazetteers", [&](const fs::path& path) { return read_shaping(path, "gazetteer"); });
    LanguageData data{dir,
                      std::move(cleaner),
                      std::move(stopword_list),
                      std::move(alias_table),
                      std::move(stemmer_data),
                      std::move(gazetteer),
                      {}};
    data.document_identity = data.make_stemmer().get_description() + '+' + to_hex(stable_hash64(shaping));
    return data;
}

std::string LanguageData::canonical_entity(std::string_view name) const {
    std::string canonical(name);
    if (const auto* group = aliases.find(name)) canonical = group->front();
    if (const auto* entry = gazetteer.find(canonical)) canonical = entry->name;
    return canonical;
}

}  // namespace telusur
