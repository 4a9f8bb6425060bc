// `telusur-query --stem` and `--analyze`: the analysis chain, shown word by word.
#pragma once

#include <istream>
#include <ostream>
#include <string>

#include "telusur/language_data.h"

namespace telusur::query {

/// Reads one word per line from `in` and writes `word<TAB>stem` for each, nothing else. A line
/// that is not UTF-8 comes back unchanged (`word<TAB>word`), with a warning on `err`.
int run_stem(const LanguageData& data, std::istream& in, std::ostream& out, std::ostream& err);

/// Shows each token of `text` with its normalised form, stem and why (dictionary, exception,
/// protected, fallback, not-a-word, stopword, name), as a tab-separated table or, with `json`,
/// one JSON array of {token, start, end, position, normalized, stem, reason}. Returns 1 when
/// `text` has no token; throws Error when it is not UTF-8.
int run_analyze(const LanguageData& data, const std::string& text, bool json, std::ostream& out);

}  // namespace telusur::query
