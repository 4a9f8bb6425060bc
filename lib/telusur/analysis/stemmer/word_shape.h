// The shape of a word the stemmer is given: plain or not, a clitic after a hyphen, an elongated
// spelling. No dictionary is read here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace telusur {

/// The possessives and particles that may follow a hyphen (kuasa-Mu, malaikat-malaikat-Nya).
bool is_hyphenated_clitic(std::string_view part);

/// Lower-case ASCII letters, with single hyphens between letters (reduplication).
bool is_plain_word(std::string_view word);

/// Spellings of an elongated word (apaaa, ajaa, aminn): runs of three or more letters cut to
/// one, then a doubled last letter cut to one. Standard words with double letters (maaf, saat)
/// never get here: they are roots or have an analysis.
std::vector<std::string> respellings_without_elongation(std::string_view word);

}  // namespace telusur
