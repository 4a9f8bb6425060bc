#include "telusur/analysis/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "telusur/error.h"

namespace telusur {

namespace {

const icu::Normalizer2* as_normalizer(const void* p) { return static_cast<const icu::Normalizer2*>(p); }

bool is_ascii(std::string_view text) {
    for (const char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

std::string apply(const icu::Normalizer2* normalizer, std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const auto source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    auto result = normalizer->normalize(source, status);
    if (U_FAILURE(status)) throw Error(std::string("normalisation failed: ") + u_errorName(status));
    result.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2010)), u"-");
    result.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2011)), u"-");
    result.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), u"'");
    result.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x201B)), u"'");
    std::string out;
    result.toUTF8String(out);
    return out;
}

}  // namespace

Normalizer::Normalizer() {
    UErrorCode status = U_ZERO_ERROR;
    casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    nfkc_ = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) throw Error(std::string("cannot load ICU normalisation data: ") + u_errorName(status));
}

std::string Normalizer::normalize(std::string_view text) const {
    if (is_ascii(text)) {  // the common case, and NFKC_Casefold of ASCII is plain lower-casing
        std::string out(text);
        for (auto& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    return apply(as_normalizer(casefold_), text);
}

std::string Normalizer::compose(std::string_view text) const {
    if (is_ascii(text)) return std::string(text);
    return apply(as_normalizer(nfkc_), text);
}

}  // namespace telusur
