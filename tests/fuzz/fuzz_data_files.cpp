// The stemmer-data files users edit, with any content: each loads or throws a DataError naming
// the file and line, and what loads can be used. Fields (fuzz_fields.h): boilerplate rules, a
// text to clean, aliases, stopwords, a word list of roots, word pairs (exceptions), then the
// six gazetteer files and a text for its lookups.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "telusur/analysis/alias_table.h"
#include "telusur/analysis/stemmer/root_dictionary.h"
#include "telusur/analysis/stemmer/word_lists.h"
#include "telusur/analysis/stopword_list.h"
#include "telusur/clean/boilerplate_cleaner.h"
#include "telusur/error.h"
#include "telusur/extract/gazetteer.h"

#include "fuzz_fields.h"

namespace {

/// Runs `load`; a DataError is an answer, and must say where ("NAME:LINE: …" or the name).
template <typename Load>
void load_or_refuse(Load load) {
    try {
        load();
    } catch (const telusur::DataError& error) {
        if (std::string(error.what()).empty()) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const telusur::fuzz::Fields fields(data, size);
    const auto text = fields.field(1);
    load_or_refuse([&] { (void)telusur::BoilerplateCleaner::from_rules(fields.field(0)).clean(text); });
    load_or_refuse([&] {
        const auto aliases = telusur::AliasTable::from_text(fields.field(2));
        (void)aliases.find(text);
    });
    load_or_refuse([&] { (void)telusur::StopwordList::from_text(fields.field(3)).contains(text); });
    load_or_refuse([&] {
        const auto roots = fields.field(4);
        (void)telusur::RootDictionary::from_text({roots}, {roots.substr(0, roots.size() / 2)}).contains(text);
    });
    load_or_refuse([&] { (void)telusur::parse_word_pairs(fields.field(5), "<pairs>"); });
    const std::vector<std::string> gazetteer{fields.field(6), fields.field(7), fields.field(8),
                                             fields.field(9), fields.field(10), fields.field(11)};
    load_or_refuse([&] {
        (void)telusur::Gazetteer::from_texts(
            {gazetteer[0], gazetteer[1], gazetteer[2], gazetteer[3], gazetteer[4], gazetteer[5]});
    });
    return 0;
}
