// Golden test: the snippets' stemmer (search/snippet_stemmer.h) skips a word only when the real
// stemmer would not give it the query's stem. Checked for every word of Snowball's Indonesian
// vocabulary and of the stemming-gold sets (whose aksara_informal tweets are full of colloquial
// spellings): each word, with its own stem as the query, must come back with that stem, and
// must hold one of the needles snippets look for.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "gold_set.h"
#include "telusur/analysis/stemmer/indonesian_stemmer.h"
#include "telusur/search/snippet_stemmer.h"

TEST_CASE("The snippets' stemmer never skips a word that stems to the query") {
    const std::filesystem::path gold_dir = TELUSUR_GOLD_DIR;
    if (!std::filesystem::is_directory(gold_dir)) {
        MESSAGE("skipped: no stemming-gold folder at " << gold_dir.string());
        return;
    }
    const auto data = telusur::StemmerData::load(TELUSUR_STEMMER_DATA_DIR);
    auto real = data.make_xapian_stem();
    const auto irregular = telusur::irregular_forms(*data.stemmer(), real);

    std::set<std::string> words;
    std::ifstream vocabulary(gold_dir.parent_path() / "snowball-data" / "voc.txt");
    for (std::string word; std::getline(vocabulary, word);)
        if (!word.empty()) words.insert(word);
    for (const char* set : {"ud_all", "sastrawi_tests", "aksara_informal", "mpstemmer_slang60"})
        for (const auto& [form, roots] : telusur::gold::read_gold(gold_dir / (std::string(set) + ".tsv")))
            telusur::gold::stem_form(form, [&](const std::string& word) { return words.insert(word), word; });
    REQUIRE(words.size() > 10000);

    std::size_t skipped = 0;
    for (const auto& word : words) {
        const auto stem = real(word);
        Xapian::Stem snippets(new telusur::SnippetStemmer(real, {stem}, irregular));
        if (snippets(word) != stem) {
            ++skipped;
            FAIL_CHECK(word << " stems to " << stem << " but was skipped");
        }
        // Snippets look only at words holding a needle: this one must hold one.
        const auto needles = telusur::SnippetStemmer(real, {stem}, irregular).needles();
        if (needles && std::none_of(needles->begin(), needles->end(),
                                    [&](const std::string& needle) { return word.find(needle) != std::string::npos; }))
            FAIL_CHECK(word << " stems to " << stem << " but holds none of its needles");
    }
    MESSAGE(words.size() << " words, " << skipped << " wrongly skipped");
}
