// snippet_stemmer.h: the snippets' stemmer skips words that cannot stem to the query, and
// never one that can.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "telusur/analysis/stemmer/indonesian_stemmer.h"
#include "telusur/search/snippet.h"
#include "telusur/search/snippet_stemmer.h"

#include "temp_dir.h"

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

TEST_CASE("needles: a rare letter pair of each core, and the irregular forms of the query's stems") {
    const SnippetStemmer tangkap(real_stemmer(), {"tangkap"}, irregular());
    CHECK(tangkap.needles() == std::vector<std::string>{"gk"});  // core "angk"
    const SnippetStemmer tidak(real_stemmer(), {"tidak"}, irregular());
    const auto needles = tidak.needles();
    REQUIRE(needles);
    CHECK(std::find(needles->begin(), needles->end(), "gak") != needles->end());  // gak → tidak
    CHECK(!SnippetStemmer(real_stemmer(), {"tas"}, irregular()).needles());      // empty core: every word
}

TEST_CASE("snippets found through needles are those of stemming every word") {
    // Each text of the shipped corpus, queried for the stems of some of its own words (and one
    // written form): looking only around the needles must find exactly the same passage and
    // highlights as stemming every word.
    std::size_t compared = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(TELUSUR_CORPUS_DIR)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path());
        std::stringstream buffer;
        buffer << in.rdbuf();
        const auto text = buffer.str();
        const auto words = words_of(text);
        for (std::size_t i = 3; i + 1 < words.size(); i += 41) {
            telusur::SnippetQuery every_word;
            every_word.words.emplace(words[i + 1], 0.5);
            for (const auto& word : {words[i], words[i / 2]}) every_word.stems.emplace(real_stem(word), 1.0);
            every_word.stem = [](const std::string& word) { return real_stem(word); };
            auto needles = every_word;
            std::vector<std::string> stems;
            for (const auto& [stem, weight] : needles.stems) stems.push_back(stem);
            auto* snippet_stemmer = new SnippetStemmer(real_stemmer(), stems, irregular());
            needles.stem_needles = snippet_stemmer->needles();
            needles.stem = [stem = Xapian::Stem(snippet_stemmer)](const std::string& word) mutable { return stem(word); };
            for (const std::size_t length : {60, 300}) {
                CAPTURE(entry.path().string());
                CAPTURE(words[i]);
                CHECK(telusur::make_snippet(text, length, needles) == telusur::make_snippet(text, length, every_word));
                ++compared;
            }
        }
    }
    CHECK(compared > 100);
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

TEST_CASE("an exception whose root is not spelled in the word reaches its query stem with a particle too") {
    // The stemmer takes an exception's forms with a particle or possessive (ortunya → keluarga);
    // the snippets' stemmer must not skip them as words that cannot stem to the query.
    telusur::test::TempDir dir;
    std::filesystem::copy(TELUSUR_STEMMER_DATA_DIR, dir.path / "data", std::filesystem::copy_options::recursive);
    std::ofstream(dir.path / "data" / "stem-exceptions.tsv", std::ios::app) << "ortu\tkeluarga\n";
    const auto data = telusur::StemmerData::load(dir.path / "data");
    auto real = data.make_xapian_stem();
    const auto forms = telusur::irregular_forms(*data.stemmer(), real);
    Xapian::Stem snippet(new SnippetStemmer(real, {"keluarga"}, forms));
    for (const std::string word : {"ortu", "ortunya", "ortulah", "keluarganya"}) {
        CAPTURE(word);
        CHECK(real(word) == "keluarga");
        CHECK(snippet(word) == "keluarga");
    }
}
