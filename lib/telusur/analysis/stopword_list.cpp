#include "telusur/analysis/stopword_list.h"

#include <fstream>
#include <sstream>

#include "telusur/analysis/normalizer.h"
#include "telusur/error.h"

namespace telusur {

StopwordList StopwordList::load(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError("cannot open stopword file " + path.string());
    std::stringstream text;
    text << in.rdbuf();
    return from_text(text.str());
}

StopwordList StopwordList::from_text(std::string_view text) {
    StopwordList list;
    const Normalizer normalizer;
    std::istringstream in{std::string(text)};
    std::string line;
    while (std::getline(in, line)) {
        if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos) continue;
        const auto last = line.find_last_not_of(" \t\r");
        list.words_.insert(normalizer.normalize(std::string_view(line).substr(first, last - first + 1)));
    }
    return list;
}

}  // namespace telusur
