// The conventions of the stemming-gold sets that a stemmer must choose between: how each set
// treats each affix class, and which dictionary words it wants cut. Part of bench/stemmer_eval.
#pragma once

#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "gold_set.h"
#include "telusur/analysis/stemmer/root_dictionary.h"

namespace telusur::gold {

/// The affix class of `form` as its `stem` reads it: the prefix class (meN-, peN-, per-, ber-,
/// ter-, di-, ke-, se-, or the letters themselves) and the derivational suffix (-an, -kan, -i),
/// with particles and possessives left out: "peN-an" for pengamatan → amat. "whole" when the
/// stem is the form.
std::string affix_class(const std::string& form, const std::string& stem);

/// Prints two markdown tables for `sets` (name → gold set, in report order):
///  - per affix class, the forms the stemmer cuts in that class and how many more (or fewer)
///    of them would be right if that whole class were kept uncut;
///  - per set, the misses, and those of them whose gold keeps the derived word whole (the form
///    itself, or the form less its particle or possessive: penjelasannya → penjelasan), and the
///    accuracy if every class that gains in that set were kept whole: the most any rule of the
///    form "keep this affix class whole" can reach there;
///  - per set, the forms that are dictionary words but whose gold roots are all other words,
///    and the forms none of whose gold roots is a dictionary word or the form itself: a stemmer
///    that keeps dictionary words whole and returns only roots gets these right only through
///    its exceptions file.
void print_conventions(std::ostream& out, const std::vector<std::pair<std::string, GoldSet>>& sets,
                       const std::function<std::string(const std::string&)>& stem, const RootDictionary& roots);

}  // namespace telusur::gold
