#include "telusur/analysis/stopword_list.h"

#include "telusur/analysis/normalizer.h"
#include "telusur/data_file.h"

namespace telusur {

StopwordList StopwordList::load(const std::filesystem::path& path) {
    return from_text(read_data_file(path, "stopword"), path.string());
}

StopwordList StopwordList::from_text(std::string_view text, std::string_view source) {
    StopwordList list;
    const Normalizer normalizer;
    for (const auto& line : data_lines(text, source)) list.words_.insert(normalizer.normalize(line.text));
    return list;
}

}  // namespace telusur
