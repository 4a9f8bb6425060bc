// Near-duplicate detection: MinHash signatures of word shingles and the LSH band terms that find
// candidates, so syndicated copies of one story can be collapsed at query time.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace telusur {

/// Fewer words than this and a text has no signature: short texts look alike by chance.
inline constexpr std::size_t kMinWordsForSignature = 30;
/// Estimated Jaccard similarity of 3-word shingle sets at or above which two texts are copies of
/// one story (an edited or syndicated version).
inline constexpr double kNearDuplicateSimilarity = 0.6;

inline constexpr std::size_t kMinHashCount = 32;  ///< 16 bands of 2 rows
using MinHashSignature = std::array<std::uint32_t, kMinHashCount>;

/// MinHash signature of the 3-word shingles of `words`, or nullopt for short texts.
std::optional<MinHashSignature> minhash_signature(const std::vector<std::string>& words);

/// Estimated Jaccard similarity of the texts behind two signatures (0 to 1).
double estimated_similarity(const MinHashSignature& a, const MinHashSignature& b);

/// One term per LSH band (16): texts with similarity 0.6 share a band with probability > 0.99.
std::vector<std::string> signature_band_terms(const MinHashSignature& signature);

/// Signature as 256 hex digits, and back (nullopt if malformed).
std::string encode_signature(const MinHashSignature& signature);
std::optional<MinHashSignature> decode_signature(std::string_view text);

}  // namespace telusur
