// snippet_stemmer.h: the snippets' stemmer skips words that cannot stem to the query, and
// never one that can.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "telusur/analysis/stemmer/indonesian_stemmer.h"
#include "telusur/search/snippet_stemmer.h"

using telusur::SnippetStemmer;
using telusur::stem_core;

namespace {

const telusur::StemmerData& stemmer_data() {
    static const auto data = telusur::StemmerData::load(TELUSUR_STEMMER_DATA_DIR);
    return data;
}

/// The real stemmer, counting the words it is asked for.
class CountingStemmer : public Xapian::StemImplementation {
  public:
    explicit CountingStemmer(std::vector<std::string>& asked) : asked_(asked) {}
    std::string operator()(const std::string& word) override {
        asked_.push_back(word);
        return real_(word);
    }
    std::string get_description() const override { return "counting"; }

  private:
    std::vector<std::string>& asked_;
    Xapian::Stem real_ = stemmer_data().make_xapian_stem();
};

Xapian::Stem& real_stemmer() {
    static auto stemmer = stemmer_data().make_xapian_stem();
    return stemmer;
}

std::string real_stem(const std::string& word) { return real_stemmer()(word); }

const telusur::IrregularForms& irregular() {
    static const auto forms = telusur::irregular_forms(*stemmer_data().stemmer(), real_stemmer());
    return forms;
}

/// What the snippets' stemmer gives `word` when the query looks for `query_stem`.
std::string snippet_stem(const std::string& word, const std::string& query_stem) {
    Xapian::Stem stemmer(new SnippetStemmer(real_stemmer(), {query_stem}, irregular()));
    return stemmer(word);
}

/// Lower-case letter words of a text, split at anything else (as Xapian's snippets see them).
std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text + ' ') {
        if (c >= 'A' && c <= 'Z') word += char(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || c == '-') word += c;
        else if (!word.empty()) words.push_back(std::move(word)), word.clear();
    }
    return words;
}

}  // namespace

TEST_CASE("stem_core: the stem without its first letter and its last vowels onwards") {
    CHECK(stem_core("tangkap") == "angk");  // menangkap, penangkapan
    CHECK(stem_core("benar") == "en");      // colloquial bener
    CHECK(stem_core("sampai") == "amp");    // colloquial sampe
    CHECK(stem_core("hidup") == "id");      // colloquial idup
    CHECK(stem_core("ambil") == "mb");
    CHECK(stem_core("tinggi") == "ing");    // runs of a letter written once
    CHECK(stem_core("tas").empty());        // nothing left: every word may stem to it
    CHECK(stem_core("cuai").empty());       // colloquial cue
    CHECK(stem_core("x").empty());
    CHECK(stem_core("").empty());
}

TEST_CASE("the real stemmer is asked only for words that spell a query stem's core") {
    std::vector<std::string> asked;
    Xapian::Stem stemmer(new SnippetStemmer(Xapian::Stem(new CountingStemmer(asked)), {"tangkap"}, irregular()));
    std::vector<std::string> out;
    for (const auto& word : words_of("Polisi menangkap pencuri ikan; penangkapan itu ditangkap kamera"))
        out.push_back(stemmer(word));
    CHECK(asked == std::vector<std::string>{"menangkap", "penangkapan", "ditangkap"});
    CHECK(out == std::vector<std::string>{"polisi", "tangkap", "pencuri", "ikan", "tangkap", "itu", "tangkap", "kamera"});
}

TEST_CASE("colloquial respellings and table entries still reach their query stem") {
    for (const std::string word : {"bener", "dibenerin", "sampe", "nyampe", "idup", "bangeeet", "nulis", "ngambil", "gak",
                                   "nggak", "udah", "bikin"}) {
        CAPTURE(word);
        const auto stem = real_stem(word);
        CHECK(snippet_stem(word, stem) == stem);
    }
    CHECK(real_stem("gak") == "tidak");  // a table entry: "tidak" is not spelled in it
    CHECK(snippet_stem("gak", "tidak") == "tidak");
    CHECK(snippet_stem("gak", "tangkap") == "gak");
}

TEST_CASE("every word of the shipped corpus keeps its own stem") {
    std::size_t words = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(TELUSUR_CORPUS_DIR)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        for (const auto& word : words_of(text.str())) {
            const auto stem = real_stem(word);
            if (snippet_stem(word, stem) != stem) FAIL_CHECK(word << " → " << stem << " was skipped");
            ++words;
        }
    }
    CHECK(words > 2000);
}
