// How a normalised token becomes index terms that Xapian's QueryParser can find.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace telusur {

/// Splits a normalised token into the words Xapian's QueryParser would see in it, so the index
/// holds what a query can ask for: "anak-anak" → {"anak", "anak"} (the parser turns a
/// hyphenated query into a phrase), "4/11/2024" → {"4", "11", "2024"}, while "11.000", "2,5"
/// and "jum'at" stay whole (the parser keeps separators between digits or letters).
std::vector<std::string> xapian_word_parts(std::string_view token);

}  // namespace telusur
