// "Did you mean": the closest frequent word of the index's own term dictionary.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace telusur {

/// Suggests a correction for `word` (normalised, lower case) from the unprefixed terms of `db`:
/// among indexed words within edit distance 2 (insert, delete, substitute, swap two neighbours),
/// the closest, then the one in the most documents. Empty if there is none, or for words that
/// are not plain letters or are shorter than 3 letters. Words `excluded` accepts (stopwords, say)
/// are never suggested.
///
/// Reading the term dictionary instead of keeping a Xapian spelling table costs nothing at
/// index time (the table made indexing up to twice as slow on archives with large
/// vocabularies) and is always in step with the index, deletions included. Distance 1 is found
/// by looking up every candidate spelling; distance 2 by scanning the terms that start with the
/// same letter, so a typo in the first letter is only corrected at distance 1.
std::string suggest_term(const Xapian::Database& db, std::string_view word,
                         const std::function<bool(std::string_view)>& excluded = {});

/// Suggests a correction for `word`, an indexed word of at least kMinLettersForPopular letters
/// in at most kRareWordDocs documents: the word one edit away in the most documents, if that is
/// at least kPopularFactor times as many ("pemertintah", a typo in one article, → "pemerintah"
/// in two thousand). Empty otherwise. Candidates `excluded` accepts (stopwords, other forms of
/// the same root) are never suggested. Shorter words have too many real neighbours (festa,
/// pesta); the caller also leaves out words the stemmer knows (belalang is no typo of belakang):
/// on a sample of the real corpus's rare words, most suggestions left are right
/// (bench/results/search-latency.md).
inline constexpr Xapian::doccount kRareWordDocs = 3;
inline constexpr Xapian::doccount kPopularFactor = 50;
inline constexpr std::size_t kMinLettersForPopular = 6;
std::string suggest_popular(const Xapian::Database& db, std::string_view word,
                            const std::function<bool(std::string_view)>& excluded = {});

/// The term of `db` that extends `term` (a filter's: XSRCkompas → XSRCkompas.com) and is in the
/// most documents; empty when none does. Looks at the first kMaxCompletions
/// terms that extend it, in sorted order.
inline constexpr std::size_t kMaxCompletions = 1000;
std::string complete_term(const Xapian::Database& db, const std::string& term);

/// Optimal string alignment distance between `a` and `b`, or `limit` + 1 if it exceeds `limit`.
unsigned edit_distance(std::string_view a, std::string_view b, unsigned limit);

}  // namespace telusur
