// `telusur-query --stem` and `--analyze`: the analysis chain, shown word by word.
#pragma once

#include <istream>
#include <ostream>
#include <string>

#include "telusur/language_data.h"

namespace telusur::query {

/// Reads one word per line from `in` and writes `word<TAB>stem` for each, nothing else.
int run_stem(const LanguageData& data, std::istream& in, std::ostream& out);

/// Shows each token of `text` with its normalised form, stem and why (dictionary, exception,
/// protected, fallback, not-a-word, stopword, name), as a tab-separated table or, with `json`,
/// one JSON array of {token, start, end, position, normalized, stem, reason}.
int run_analyze(const LanguageData& data, const std::string& text, bool json, std::ostream& out);

}  // namespace telusur::query
