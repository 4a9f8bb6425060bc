#include "telusur/clean/html_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <memory>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "telusur/ascii_case.h"
#include "telusur/clean/html_tree.h"

namespace telusur {

namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(char c) { return is_ascii_letter(c) || (c >= '0' && c <= '9'); }

// HTML5's elements that libxml2 2.9's HTML 4 table does not know.
constexpr std::array<std::string_view, 16> kHtml5Elements{"article", "aside", "audio", "figcaption", "figure",
                                                          "footer", "header", "main", "mark", "nav", "picture",
                                                          "section", "source", "svg", "time", "video"};

bool is_element_name(std::string_view name) {
    const auto lower = ascii_lowercase(std::string(name));
    if (std::find(kHtml5Elements.begin(), kHtml5Elements.end(), lower) != kHtml5Elements.end()) return true;
    return htmlTagLookup(reinterpret_cast<const xmlChar*>(lower.c_str())) != nullptr;
}

/// Whether a tag starts at `at` (on '<'): `<name` or `</name` of a known element, then '>', '/'
/// or white space, and a '>' closing it before any other '<'.
bool is_tag_at(std::string_view text, std::size_t at) {
    auto start = at + 1;
    if (start < text.size() && text[start] == '/') ++start;
    auto end = start;
    while (end < text.size() && is_ascii_alnum(text[end])) ++end;
    if (end == start || !is_ascii_letter(text[start]) || end == text.size()) return false;
    const char after = text[end];
    if (after != '>' && after != '/' && after != ' ' && after != '\t' && after != '\n' && after != '\r') return false;
    const auto close = text.find_first_of("<>", end);
    return close != std::string_view::npos && text[close] == '>' && is_element_name(text.substr(start, end - start));
}

/// Whether a character reference starts at `at` (on '&'): `&#39;`, `&#x2014;` or `&name;` of an
/// entity HTML defines.
bool is_reference_at(std::string_view text, std::size_t at) {
    auto start = at + 1;
    if (start < text.size() && text[start] == '#') {
        ++start;
        const bool hex = start < text.size() && (text[start] == 'x' || text[start] == 'X');
        if (hex) ++start;
        auto end = start;
        const auto is_digit = [hex](char c) {
            return hex ? std::isxdigit(static_cast<unsigned char>(c)) != 0 : c >= '0' && c <= '9';
        };
        while (end < text.size() && end - start < 8 && is_digit(text[end])) ++end;
        return end > start && end < text.size() && text[end] == ';';
    }
    auto end = start;
    while (end < text.size() && end - start < 10 && is_ascii_alnum(text[end])) ++end;
    if (end == start || end == text.size() || text[end] != ';') return false;
    const std::string name(text.substr(start, end - start));
    return htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str())) != nullptr;
}

}  // namespace

namespace html {

namespace {

// Elements whose content is not text a reader sees.
constexpr std::array<std::string_view, 10> kHiddenElements{"script", "style", "head", "noscript", "template",
                                                           "iframe", "object", "svg", "math", "select"};
// Elements that end a paragraph (block boxes); table cells, which only end a word, are told
// apart in collect().
constexpr std::array<std::string_view, 30> kBlockElements{
    "p",       "div",     "h1",     "h2",         "h3",     "h4",         "h5",   "h6",     "li",   "ul",
    "ol",      "dl",      "dt",     "dd",         "blockquote", "pre",    "table", "tr",    "hr",   "article",
    "section", "header",  "footer", "aside",      "figure", "figcaption", "main", "nav",    "address", "caption"};

// A page's furniture around its article: menus, sidebars, footers, forms.
constexpr std::array<std::string_view, 6> kChromeElements{"nav", "aside", "footer", "form", "button", "dialog"};

bool is_one_of(const xmlChar* name, const auto& names) {
    const std::string_view text(reinterpret_cast<const char*>(name));
    return std::find(names.begin(), names.end(), text) != names.end();
}

/// Builds the text: words joined by single spaces, breaks asked for by blocks and br.
class TextCollector {
  public:
    void add_text(std::string_view text) {
        for (const char c : text) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                space_ = true;
                continue;
            }
            if (!out_.empty()) {
                if (breaks_ > 0) out_.append(breaks_, '\n');
                else if (space_) out_ += ' ';
            }
            breaks_ = 0;
            space_ = false;
            out_ += c;
        }
    }
    void add_break(int count) {
        breaks_ = std::max(breaks_, count);
        space_ = false;
    }
    void add_space() { space_ = true; }
    std::string take() { return std::move(out_); }

  private:
    std::string out_;
    int breaks_ = 0;
    bool space_ = false;
};

void collect(const xmlNode* node, Chrome chrome, TextCollector& text, int depth) {
    constexpr int kMaxDepth = 256;  // libxml2 limits its own depth; this keeps the recursion bounded too
    for (; node != nullptr; node = node->next) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            if (node->content != nullptr) text.add_text(reinterpret_cast<const char*>(node->content));
            continue;
        }
        if (node->type != XML_ELEMENT_NODE || node->name == nullptr || is_one_of(node->name, kHiddenElements)) continue;
        if (chrome == Chrome::Drop && is_one_of(node->name, kChromeElements)) continue;
        const std::string_view name(reinterpret_cast<const char*>(node->name));
        if (name == "br") {
            text.add_break(1);
            continue;
        }
        const bool block = is_one_of(node->name, kBlockElements);
        const bool cell = name == "td" || name == "th";
        if (block) text.add_break(2);
        if (cell) text.add_space();
        if (depth < kMaxDepth) collect(node->children, chrome, text, depth + 1);
        if (block) text.add_break(2);
        if (cell) text.add_space();
    }
}

}  // namespace

void init_libxml2_once() {
    static const bool initialised = [] {
        xmlInitParser();
        return true;
    }();
    (void)initialised;
}

std::string collapsed(std::string_view text) {
    TextCollector collector;
    collector.add_text(text);
    return collector.take();
}

std::string text_of(const xmlNode* nodes, Chrome chrome) {
    TextCollector text;
    collect(nodes, chrome, text, 0);
    return text.take();
}

}  // namespace html

bool looks_like_html(std::string_view text) {
    html::init_libxml2_once();
    for (auto at = text.find_first_of("<&"); at != std::string_view::npos; at = text.find_first_of("<&", at + 1)) {
        if (text[at] == '<' ? is_tag_at(text, at) : is_reference_at(text, at)) return true;
    }
    return false;
}

std::string html_to_text(std::string_view html) {
    html::init_libxml2_once();
    if (html.size() > static_cast<std::size_t>(INT_MAX)) return html::collapsed(html);
    // libxml2 may stop at a NUL, which a reader blanks anyway.
    std::string bytes(html);
    std::replace(bytes.begin(), bytes.end(), '\0', ' ');
    // Our text is UTF-8 already: a <meta charset> in it must not make libxml2 read it otherwise.
    constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                             HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD;
    const std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
        htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8", kOptions), &xmlFreeDoc);
    // Without a document libxml2 found nothing to read (only white space): the text as it is.
    return doc ? html::text_of(xmlDocGetRootElement(doc.get()), html::Chrome::Keep) : html::collapsed(bytes);
}

}  // namespace telusur
