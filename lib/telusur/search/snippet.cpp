#include "telusur/search/snippet.h"

#include <utility>

namespace telusur {

namespace {

/// Xapian escapes exactly these three characters in snippets. Line breaks and runs of spaces
/// become one space: a snippet is shown on one line.
std::string unescape_xml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' || text[i] == '\r' || text[i] == '\t' || text[i] == ' ') {
            if (out.empty() || out.back() != ' ') out += ' ';
            continue;
        }
        if (text[i] == '&') {
            const auto rest = text.substr(i);
            if (rest.starts_with("&amp;")) { out += '&'; i += 4; continue; }
            if (rest.starts_with("&lt;")) { out += '<'; i += 3; continue; }
            if (rest.starts_with("&gt;")) { out += '>'; i += 3; continue; }
        }
        out += text[i];
    }
    return out;
}

}  // namespace

Snippet parse_xapian_snippet(std::string_view marked) {
    Snippet parts;
    bool highlighted = false;
    std::size_t start = 0;
    const auto flush = [&](std::size_t end) {
        if (end > start) parts.push_back({unescape_xml(marked.substr(start, end - start)), highlighted});
    };
    for (std::size_t i = 0; i < marked.size(); ++i) {
        const bool opens = marked.substr(i, kHighlightStart.size()) == kHighlightStart;
        const bool closes = marked.substr(i, kHighlightEnd.size()) == kHighlightEnd;
        if (!opens && !closes) continue;
        flush(i);
        highlighted = opens;
        start = i + 1;
    }
    flush(marked.size());
    return parts;
}

std::string render_snippet(const Snippet& snippet, std::string_view before, std::string_view after) {
    std::string out;
    for (const auto& part : snippet) {
        if (part.highlighted) out += before;
        out += part.text;
        if (part.highlighted) out += after;
    }
    return out;
}

}  // namespace telusur
