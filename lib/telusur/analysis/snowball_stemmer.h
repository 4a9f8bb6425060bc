// SnowballStemmer: libstemmer's Indonesian algorithm as a Xapian::StemImplementation.
#pragma once

#include <string>

#include <xapian.h>

struct sb_stemmer;

namespace telusur {

/// Wraps Snowball's Indonesian stemmer so that Xapian's QueryParser, MSet::snippet and our own
/// indexer stem identically. Words containing a digit are returned unchanged (Snowball would
/// strip "-an" from "2024an"). Not thread-safe: give each thread its own instance.
class SnowballStemmer : public Xapian::StemImplementation {
  public:
    SnowballStemmer();
    ~SnowballStemmer() override;

    std::string operator()(const std::string& word) override;
    std::string get_description() const override { return "snowball-indonesian"; }

  private:
    sb_stemmer* stemmer_;
};

/// The stemmer telusur uses, wrapped for Xapian. Each call returns an independent instance.
Xapian::Stem make_stemmer();

}  // namespace telusur
