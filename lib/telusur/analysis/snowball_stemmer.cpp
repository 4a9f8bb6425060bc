#include "telusur/analysis/snowball_stemmer.h"

#include <algorithm>

#include <libstemmer.h>

#include "telusur/error.h"

namespace telusur {

SnowballStemmer::SnowballStemmer() : stemmer_(sb_stemmer_new("indonesian", "UTF_8")) {
    if (stemmer_ == nullptr) throw Error("libstemmer has no Indonesian stemmer");
}

SnowballStemmer::~SnowballStemmer() { sb_stemmer_delete(stemmer_); }

std::string SnowballStemmer::operator()(const std::string& word) {
    if (word.empty() || std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return word;
    const auto* stemmed = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                          static_cast<int>(word.size()));
    if (stemmed == nullptr) return word;  // out of memory inside libstemmer: leave the word as it is
    return std::string(reinterpret_cast<const char*>(stemmed),
                       static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
}

Xapian::Stem make_stemmer() { return Xapian::Stem(new SnowballStemmer()); }

}  // namespace telusur
