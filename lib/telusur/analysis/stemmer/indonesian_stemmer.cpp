#include "telusur/analysis/stemmer/indonesian_stemmer.h"

#include <utility>

#include "telusur/data_file.h"

namespace telusur {
namespace {

template <typename Map>
Map load_pairs(const std::filesystem::path& path) {
    Map map;
    for (auto& [word, target] : parse_word_pairs(read_data_file(path, "stemmer data"), path.string()))
        map.insert_or_assign(std::move(word), std::move(target));
    return map;
}

WordSet load_set(const std::filesystem::path& path) {
    WordSet set;
    for (auto& word : parse_word_list(read_data_file(path, "stemmer data"), path.string())) set.insert(std::move(word));
    return set;
}

}  // namespace

StemmerData StemmerData::load(const std::filesystem::path& dir, ConfixStemmer::Options options) {
    StemmerLexicon lexicon;
    lexicon.roots = std::make_shared<const RootDictionary>(RootDictionary::load(
        {dir / "roots-hunspell-id.txt", dir / "roots-added.txt"}, {dir / "roots-removed.txt"}));
    lexicon.protected_words = load_set(dir / "protected-words.txt");
    lexicon.exceptions = load_pairs<WordMap>(dir / "stem-exceptions.tsv");
    lexicon.informal = load_pairs<WordMap>(dir / "informal.tsv");
    StemmerData data;
    data.stemmer_ = std::make_shared<const ConfixStemmer>(std::move(lexicon), options);
    return data;
}

Xapian::Stem StemmerData::make_xapian_stem() const { return Xapian::Stem(new IndonesianStemmer(stemmer_)); }

IndonesianStemmer::IndonesianStemmer(std::shared_ptr<const ConfixStemmer> stemmer, std::size_t cache_capacity)
    : stemmer_(std::move(stemmer)), cache_capacity_(cache_capacity) {
    cache_.reserve(cache_capacity_);
}

std::string IndonesianStemmer::operator()(const std::string& word) {
    // Too long to stem, so unchanged: kept out of the cache, whose bound counts entries, not
    // bytes (a served query may hold words of kilobytes).
    if (word.size() > ConfixStemmer::kMaxWordLength) return word;
    if (const auto it = cache_.find(word); it != cache_.end()) return it->second;
    auto stem = stemmer_->stem(word).stem;
    if (cache_capacity_ == 0) return stem;
    // Clearing when full keeps the bound without LRU bookkeeping; the frequent words come back
    // within a few documents.
    if (cache_.size() >= cache_capacity_) cache_.clear();
    cache_.emplace(word, stem);
    return stem;
}

}  // namespace telusur
