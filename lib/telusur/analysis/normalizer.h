// Normalizer: NFKC normalisation and Unicode case folding of a token.
#pragma once

#include <string>
#include <string_view>

namespace telusur {

/// Maps text to one canonical form so that visually equal words index as one term:
/// NFKC_Casefold ("ＡＢＣ" → "abc", "ﬁ" → "fi", soft hyphens dropped), then the Unicode
/// hyphens U+2010/U+2011 to "-" and the apostrophes U+2019/U+201B to "'" (the forms Xapian's
/// query parser uses). Stateless and thread-safe.
class Normalizer {
  public:
    Normalizer();

    /// The normalised form of `text` (valid UTF-8).
    std::string normalize(std::string_view text) const;

    /// NFKC only, case kept: for query strings, whose capitals still mean something to the parser.
    std::string compose(std::string_view text) const;

  private:
    const void* casefold_;  // const icu::Normalizer2*, owned by ICU
    const void* nfkc_;
};

}  // namespace telusur
