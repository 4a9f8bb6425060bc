// The affixes of Indonesian and how they attach: internal to the confix stemmer.
//
// Each function lists every way an affix *might* have been attached; none of them decides.
// ConfixStemmer checks each candidate root against the RootDictionary and ranks the survivors,
// so the rules here can afford to over-generate.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace telusur::affix {

/// A derivational prefix, after morphophonemics has been undone (men-, mem-, meng-, meny-,
/// menge- and me- are all MeN).
/// Tidak is the negation inside the ke-…-an confix (ketidakpastian); Redup is the doubled first
/// consonant + e of dwipurwa reduplication (bebatuan, jejaring, seseorang).
enum class Prefix : std::uint8_t {
    Di, Ke, Se, Ber, Ter, Per, Pe, MeN, PeN, Kau /*ku-, kau-*/, Nasal /*informal N-, nge-*/, Tidak, Redup
};

/// A derivational suffix, or none. Isasi and Isme are loanword suffixes; In is informal (-kan/-i).
enum class Suffix : std::uint8_t { None, I, Kan, An, Isasi, Isme, In };

/// One way the start of a word can be a prefix.
struct PrefixStrip {
    Prefix prefix;
    std::string rest;      ///< What is left, with the root's first letter restored if it was dropped.
    bool recoded = false;  ///< True when a letter was restored (menulis → tulis), false when literal.
};

/// One way the end of a word can be inflectional and derivational suffixes.
struct SuffixSplit {
    std::string_view base;  ///< The word without the suffixes (prefixes still on).
    Suffix derivational = Suffix::None;
    int inflectional = 0;  ///< How many of particle (-lah, -kah, -tah, -pun) and possessive (-ku, -mu, -nya).
};

/// Appends to `out` every way `word` can start with one prefix. With `informal`, also the bare
/// nasal prefixes of colloquial speech (nulis, nyoba, ngambil, ngebuka).
void strip_prefix(std::string_view word, bool informal, std::vector<PrefixStrip>& out);

/// Appends to `out` every way `word` can end in particle + possessive + derivational suffix,
/// including the split that removes nothing. With `informal`, also -in.
void split_suffixes(std::string_view word, bool informal, std::vector<SuffixSplit>& out);

/// Whether `prefix` is a last-resort reading (dwipurwa): one that stands only when no regular
/// analysis reaches a root.
bool is_irregular(Prefix prefix);

/// The root inside `word` when it carries one of the old infixes -el-, -em-, -er-, -in- after
/// its first consonant (telunjuk → tunjuk, gemetar → getar, gerigi → gigi, kinerja → kerja), or
/// an empty string. A last-resort reading too: the infixes are no longer productive.
std::string strip_infix(std::string_view word);

/// Whether `inner` may stand directly after `outer` in a stack (memper-, diper-, keber-).
bool may_follow(Prefix outer, Prefix inner);

/// Whether the outermost prefix may combine with the derivational suffix. Indonesian has no
/// be-…-i, di-…-an, ke-…-i, me-…-an, se-…-i, se-…-kan or te-…-an.
bool confix_allowed(Prefix outer, Suffix suffix);

}  // namespace telusur::affix
