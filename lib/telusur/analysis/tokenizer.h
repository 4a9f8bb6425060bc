// Tokenizer: splits UTF-8 text into words, numbers and URLs with ICU's word-break rules.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "telusur/analysis/token.h"

namespace telusur {

/// ICU word-break tokenizer with rules for Indonesian news text on top of UAX #29:
///   - reduplication and hyphenated compounds stay one token ("anak-anak", "sayur-mayur", "F-16");
///   - numbers keep their separators ("11.000", "2,5") and dates stay whole ("4/11/2024");
///   - URLs are one token ("https://example.id/a?b=1"), trailing punctuation excluded;
///   - punctuation, quotes (“…”) and spaces are never tokens.
/// Not thread-safe (it owns an ICU BreakIterator): use one Tokenizer per thread.
class Tokenizer {
  public:
    Tokenizer();
    Tokenizer(Tokenizer&&) noexcept;
    Tokenizer& operator=(Tokenizer&&) noexcept;
    ~Tokenizer();

    /// The tokens of UTF-8 `text`, in order, positions numbered from 0. Each token's offsets
    /// are bytes of `text`; an ill-formed sequence reads as one U+FFFD and keeps its own length.
    std::vector<Token> tokenize(std::string_view text);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace telusur
