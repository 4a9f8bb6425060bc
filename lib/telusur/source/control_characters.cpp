#include "telusur/source/control_characters.h"

namespace telusur {

namespace {

/// Length of the control character at `at` (1 for C0 and DEL, 2 for C1, 3 for a bidirectional
/// embedding, override or isolate in UTF-8), or 0.
std::size_t control_at(std::string_view text, std::size_t at) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c < 0x20 || c == 0x7F) return 1;
    if (c == 0xC2 && at + 1 < text.size()) {
        const auto next = static_cast<unsigned char>(text[at + 1]);
        if (next >= 0x80 && next <= 0x9F) return 2;
    }
    if (c == 0xE2 && at + 2 < text.size()) {
        const auto second = static_cast<unsigned char>(text[at + 1]);
        const auto third = static_cast<unsigned char>(text[at + 2]);
        if (second == 0x80 && third >= 0xAA && third <= 0xAE) return 3;  // U+202A–U+202E: LRE … RLO
        if (second == 0x81 && third >= 0xA6 && third <= 0xA9) return 3;  // U+2066–U+2069: LRI … PDI
    }
    return 0;
}

}  // namespace

std::optional<std::size_t> find_control_character(std::string_view text) {
    for (std::size_t at = 0; at < text.size(); ++at)
        if (control_at(text, at) > 0) return at;
    return std::nullopt;
}

void blank_control_characters(std::string& text, FieldLines lines) {
    // In place, in one pass: a C1 or bidi character (two or three bytes) becomes one space, so the text after it
    // moves; moving it at each one would be quadratic in a body full of them.
    std::size_t kept = 0;
    for (std::size_t at = 0; at < text.size();) {
        const auto length = control_at(text, at);
        const char c = text[at];
        const bool white = c == '\t' || c == '\n' || c == '\r';
        if (length == 0 || (lines == FieldLines::Many && white)) {
            text[kept++] = text[at++];
        } else {
            text[kept++] = ' ';
            at += length;
        }
    }
    text.resize(kept);
}

}  // namespace telusur
