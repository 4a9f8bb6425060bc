// IndonesianStemmer: the confix stemmer as a Xapian::StemImplementation, and the data it loads.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "telusur/analysis/stemmer/confix_stemmer.h"

namespace telusur {

/// The stemmer-data files of the Indonesian stemmer, loaded once and shared read-only:
/// roots-hunspell-id.txt + roots-added.txt − roots-removed.txt, stem-exceptions.tsv,
/// protected-words.txt and informal.tsv.
class StemmerData {
  public:
    /// Loads every file from `dir`; throws DataError naming the file at fault.
    static StemmerData load(const std::filesystem::path& dir, ConfixStemmer::Options options = {});

    /// The loaded stemmer, thread-safe; share it between threads.
    const std::shared_ptr<const ConfixStemmer>& stemmer() const { return stemmer_; }

    /// A new Xapian::Stem over the shared stemmer, with a cache of its own. Call once per
    /// thread (Xapian::Stem is reference-counted, not thread-safe).
    Xapian::Stem make_xapian_stem() const;

  private:
    std::shared_ptr<const ConfixStemmer> stemmer_;
};

/// The confix stemmer as Xapian sees it, so TermGenerator, QueryParser and MSet::snippet stem
/// exactly like the indexer. Holds a cache (word → stem) because news text repeats its words:
/// most calls are a hash lookup. The cache makes an instance NOT thread-safe: one per thread,
/// all over the same shared ConfixStemmer.
class IndonesianStemmer : public Xapian::StemImplementation {
  public:
    /// Entries the cache holds before it is cleared and refilled (about 10 MB at most).
    static constexpr std::size_t kDefaultCacheCapacity = 100'000;

    explicit IndonesianStemmer(std::shared_ptr<const ConfixStemmer> stemmer,
                               std::size_t cache_capacity = kDefaultCacheCapacity);

    /// The stem of a lower-case word; see ConfixStemmer::stem.
    std::string operator()(const std::string& word) override;
    /// ConfixStemmer::identity(): the rules and the data. Stored in each index: a change makes
    /// telusur-index rebuild every document and telusur-query ask for a re-index.
    std::string get_description() const override { return stemmer_->identity(); }

    std::size_t cache_size() const { return cache_.size(); }

  private:
    std::shared_ptr<const ConfixStemmer> stemmer_;
    std::size_t cache_capacity_;
    std::unordered_map<std::string, std::string> cache_;
};

}  // namespace telusur
