// Hashes that are the same on every build and platform, for values stored on disk.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace telusur {

/// SplitMix64's finaliser: spreads every input bit over the whole word. Inline: MinHash calls it
/// 32 times per shingle of every article indexed.
inline std::uint64_t mix64(std::uint64_t h) {
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

/// A 64-bit hash of `text` (FNV-1a, then mixed).
std::uint64_t stable_hash64(std::string_view text);

/// 16 lower-case hex digits.
std::string to_hex(std::uint64_t value);

}  // namespace telusur
