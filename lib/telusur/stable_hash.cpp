#include "telusur/stable_hash.h"

#include <cstdio>

namespace telusur {

std::uint64_t stable_hash64(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a alone mixes the high bits poorly
    for (const unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return mix64(h);
}

std::string to_hex(std::uint64_t value) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

}  // namespace telusur
