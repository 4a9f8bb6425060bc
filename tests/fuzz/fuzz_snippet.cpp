// Snippets of any text for any query words: a passage no longer than asked (plus the "…"
// marks and the punctuation kept after its last word), made of the text's own bytes.
// Fields (fuzz_fields.h): text, snippet length (one byte), then query words (also a phrase,
// its first two words bound to it), each also searched by its stem.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "telusur/language_data.h"
#include "telusur/search/snippet.h"
#include "telusur/search/snippet_stemmer.h"

#include "fuzz_fields.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto language = telusur::LanguageData::load(TELUSUR_STEMMER_DATA_DIR);
    static auto real_stemmer = language.make_stemmer();
    static const auto irregular = telusur::irregular_forms(*language.stemmer_data.stemmer(), real_stemmer);
    const telusur::fuzz::Fields fields(data, size);
    const auto text = fields.field(0);
    const auto length = fields.number(1, 256);
    telusur::SnippetQuery query;
    std::vector<std::string> stems;
    for (std::size_t i = 2; i < 6; ++i) {
        const auto word = fields.field(i);
        if (word.empty()) continue;
        query.words.emplace(word, 1.0 + static_cast<double>(i));
        stems.push_back(real_stemmer(word));
        query.stems.emplace(stems.back(), 0.5);
        if (query.phrases.empty()) query.phrases.emplace_back();
        query.phrases[0].push_back(word);  // the words, in order, also as a phrase
        if (query.phrase_only.size() < 2) query.phrase_only.insert(word);
    }
    // Both ways of finding stems: every word stemmed, and only words near a needle; the parts of
    // a hyphenated word of its own (undang-undang) through its whole stem, as the searcher does.
    query.stem = [](const std::string& word) { return real_stemmer(word); };
    query.whole_stem = [](const std::string& word) { return language.stemmer_data.stemmer()->whole_word_stem(word); };
    for (const bool needles : {false, true}) {
        if (needles) {
            auto* filter = new telusur::SnippetStemmer(real_stemmer, stems, irregular);
            query.stem_needles = filter->needles();
            query.stem = [filtered = Xapian::Stem(filter)](const std::string& word) mutable { return filtered(word); };
        }
        const auto snippet = telusur::make_snippet(text, length, query);
        std::size_t shown = 0;
        for (const auto& part : snippet) {
            if (part.text.empty()) std::abort();
            if (part.highlighted && text.find(part.text) == std::string::npos) std::abort();
            if (part.text != "…") shown += part.text.size();
        }
        if (shown > length + 16) std::abort();
    }
    return 0;
}
