#include "json_writer.h"

#include <cmath>

namespace telusur::query {

namespace {

/// A UTF-8 sequence starting at a byte of 0x80 or more: its length when well-formed, else the
/// length of its maximal subpart (the bytes that could still have begun a well-formed one).
struct Utf8Sequence {
    std::size_t length;
    bool valid;
};

/// The well-formed sequences of Unicode's table 3-7, which nlohmann's decoder accepts too.
Utf8Sequence utf8_sequence(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    std::size_t continuation = 0;
    unsigned char low = 0x80;  // the range of the second byte; later ones are 0x80-0xBF
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        continuation = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        continuation = 2;
        if (lead == 0xE0) low = 0xA0;   // no overlong forms
        if (lead == 0xED) high = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        continuation = 3;
        if (lead == 0xF0) low = 0x90;   // no overlong forms
        if (lead == 0xF4) high = 0x8F;  // nothing past U+10FFFF
    } else {
        return {1, false};
    }
    for (std::size_t i = 1; i <= continuation; ++i) {
        if (at + i >= text.size()) return {i, false};
        const auto byte = static_cast<unsigned char>(text[at + i]);
        if (byte < low || byte > high) return {i, false};
        low = 0x80;
        high = 0xBF;
    }
    return {continuation + 1, true};
}

/// Whether an ASCII byte goes out as it is.
bool plain_ascii(unsigned char byte) { return byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\'; }

void append_escaped_ascii(std::string& out, unsigned char byte) {
    switch (byte) {
        case '"': out += "\\\""; return;
        case '\\': out += "\\\\"; return;
        case '\b': out += "\\b"; return;
        case '\f': out += "\\f"; return;
        case '\n': out += "\\n"; return;
        case '\r': out += "\\r"; return;
        case '\t': out += "\\t"; return;
        default: break;
    }
    constexpr char kHex[] = "0123456789abcdef";
    out += "\\u00";
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    std::size_t at = 0;
    while (at < text.size()) {
        // Runs of ordinary characters, the bulk of any text, are copied whole.
        std::size_t run = at;
        while (run < text.size() && plain_ascii(static_cast<unsigned char>(text[run]))) ++run;
        out.append(text.data() + at, run - at);
        at = run;
        if (at == text.size()) break;
        const auto byte = static_cast<unsigned char>(text[at]);
        if (byte < 0x80) {
            append_escaped_ascii(out, byte);
            ++at;
            continue;
        }
        const auto sequence = utf8_sequence(text, at);
        if (sequence.valid) out.append(text.data() + at, sequence.length);
        else out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        at += sequence.length;
    }
    out += '"';
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (has_items_.empty()) return;
    if (has_items_.back()) out_ += ',';
    has_items_.back() = true;
}

JsonWriter& JsonWriter::begin(char bracket) {
    before_value();
    out_ += bracket;
    has_items_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::end(char bracket) {
    has_items_.pop_back();
    out_ += bracket;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    if (has_items_.back()) out_ += ',';
    has_items_.back() = true;
    append_json_string(out_, name);
    out_ += ':';
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
    before_value();
    append_json_string(out_, text);
    return *this;
}

JsonWriter& JsonWriter::string_or_null(std::string_view text) { return text.empty() ? null() : string(text); }

JsonWriter& JsonWriter::strings(const std::vector<std::string>& texts) {
    begin_array();
    for (const auto& text : texts) string(text);
    return end_array();
}

JsonWriter& JsonWriter::token(std::string_view text) {
    before_value();
    out_.append(text);
    return *this;
}

JsonWriter& JsonWriter::number(double value) {
    if (!std::isfinite(value)) return null();  // JSON has no infinity or NaN; nlohmann writes null too
    char buffer[40];
    char* end = std::to_chars(buffer, buffer + 32, value).ptr;  // at most 24 characters
    if (std::string_view(buffer, static_cast<std::size_t>(end - buffer)).find_first_of(".e") == std::string_view::npos) {
        *end++ = '.';  // still reads as a real number
        *end++ = '0';
    }
    return token(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
}

JsonWriter& JsonWriter::boolean(bool value) { return token(value ? "true" : "false"); }

JsonWriter& JsonWriter::null() { return token("null"); }

}  // namespace telusur::query
