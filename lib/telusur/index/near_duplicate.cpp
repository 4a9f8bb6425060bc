#include "telusur/index/near_duplicate.h"

#include <cstdio>

#include "telusur/schema.h"
#include "telusur/stable_hash.h"

namespace telusur {

namespace {

constexpr std::size_t kBands = 16;
constexpr std::size_t kRowsPerBand = kMinHashCount / kBands;

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

}  // namespace

std::optional<MinHashSignature> minhash_signature(const std::vector<std::string>& words) {
    if (words.size() < kMinWordsForSignature) return std::nullopt;
    MinHashSignature signature;
    signature.fill(UINT32_MAX);
    std::string shingle;
    for (std::size_t i = 0; i + 2 < words.size(); ++i) {
        shingle.assign(words[i]).append(" ").append(words[i + 1]).append(" ").append(words[i + 2]);
        const auto h = stable_hash64(shingle);
        // k hash functions from one: mix the shingle hash with k different constants.
        for (std::size_t k = 0; k < kMinHashCount; ++k) {
            const auto value = static_cast<std::uint32_t>(mix64(h + 0x9e3779b97f4a7c15ULL * (k + 1)) >> 32);
            if (value < signature[k]) signature[k] = value;
        }
    }
    return signature;
}

double estimated_similarity(const MinHashSignature& a, const MinHashSignature& b) {
    std::size_t equal = 0;
    for (std::size_t k = 0; k < kMinHashCount; ++k) equal += a[k] == b[k] ? 1 : 0;
    return static_cast<double>(equal) / static_cast<double>(kMinHashCount);
}

std::vector<std::string> signature_band_terms(const MinHashSignature& signature) {
    std::vector<std::string> terms;
    for (std::size_t band = 0; band < kBands; ++band) {
        std::string rows;
        for (std::size_t r = 0; r < kRowsPerBand; ++r)
            rows.append(reinterpret_cast<const char*>(&signature[band * kRowsPerBand + r]), sizeof(std::uint32_t));
        char text[16];
        std::snprintf(text, sizeof text, "%zu%08x", band, static_cast<unsigned>(stable_hash64(rows) >> 32));
        terms.push_back(std::string(schema::kSignatureBandPrefix) + text);
    }
    return terms;
}

std::string encode_signature(const MinHashSignature& signature) {
    std::string out;
    char text[9];
    for (const auto value : signature) {
        std::snprintf(text, sizeof text, "%08x", static_cast<unsigned>(value));
        out += text;
    }
    return out;
}

std::optional<MinHashSignature> decode_signature(std::string_view text) {
    if (text.size() != kMinHashCount * 8) return std::nullopt;
    MinHashSignature signature;
    for (std::size_t k = 0; k < kMinHashCount; ++k) {
        std::uint32_t value = 0;
        for (std::size_t d = 0; d < 8; ++d) {
            const int digit = hex_digit(text[k * 8 + d]);
            if (digit < 0) return std::nullopt;
            value = (value << 4) | static_cast<std::uint32_t>(digit);
        }
        signature[k] = value;
    }
    return signature;
}

}  // namespace telusur
