#include "telusur/clean/html_page.h"

#include <algorithm>
#include <array>
#include <climits>
#include <memory>
#include <unordered_map>
#include <vector>

#include <libxml/HTMLparser.h>

#include "telusur/ascii_case.h"
#include "telusur/clean/html_tree.h"
#include "telusur/source/utf8.h"

namespace telusur {

namespace {

using Node = const xmlNode*;

// Meta names that give an article's publication time, best first (Open Graph's article:, then
// what Indonesian outlets and Dublin Core write).
constexpr std::array<std::string_view, 11> kDateMetas{
    "article:published_time", "og:published_time", "datepublished", "content_publisheddate", "publishdate",
    "publish_date",           "publish-date",      "pubdate",       "dc.date.issued",        "dc.date",
    "date"};

// Elements whose paragraphs are not the article's: furniture, and what no reader sees. Not form:
// ASP.NET pages wrap their whole body in one.
constexpr std::array<std::string_view, 9> kSkippedElements{"nav",      "aside",    "footer", "script", "style",
                                                           "noscript", "template", "iframe", "svg"};

std::string_view name_of(Node node) {
    return node->name != nullptr ? std::string_view(reinterpret_cast<const char*>(node->name)) : std::string_view();
}

std::string attribute(Node node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (value == nullptr) return {};
    std::string text = html::collapsed(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return text;
}

/// What one pass over the page finds.
struct PageScan {
    std::string og_title, first_h1, title_element, canonical, og_url, site_name, time_datetime;
    std::string date;
    std::size_t date_rank = kDateMetas.size();  ///< Index in kDateMetas of the date found; size when none.
    Node article = nullptr, main = nullptr, body = nullptr;
    std::unordered_map<Node, std::size_t> paragraph_text;  ///< Bytes of paragraph text under each element.
    std::vector<Node> scored;                              ///< The keys of paragraph_text, in page order.

    void offer_date(std::string_view key, std::string value) {
        const auto at = std::find(kDateMetas.begin(), kDateMetas.end(), key);
        const auto rank = static_cast<std::size_t>(at - kDateMetas.begin());
        if (rank < date_rank && !value.empty()) {
            date = std::move(value);
            date_rank = rank;
        }
    }
    void score(Node element, std::size_t bytes) {
        if (element == nullptr || element->type != XML_ELEMENT_NODE || bytes == 0) return;
        auto [at, added] = paragraph_text.try_emplace(element, 0);
        if (added) scored.push_back(element);
        at->second += bytes;
    }
};

void read_meta(Node meta, PageScan& page) {
    auto key = attribute(meta, "property");
    if (key.empty()) key = attribute(meta, "name");
    if (key.empty()) key = attribute(meta, "itemprop");
    key = ascii_lowercase(std::move(key));
    auto content = attribute(meta, "content");
    if (key == "og:title") page.og_title = std::move(content);
    else if (key == "og:url") page.og_url = std::move(content);
    else if (key == "og:site_name") page.site_name = std::move(content);
    else page.offer_date(key, std::move(content));
}

void scan(Node node, PageScan& page, int depth) {
    constexpr int kMaxDepth = 256;
    for (; node != nullptr; node = node->next) {
        if (node->type != XML_ELEMENT_NODE) continue;
        const auto name = name_of(node);
        if (std::find(kSkippedElements.begin(), kSkippedElements.end(), name) != kSkippedElements.end()) continue;
        if (name == "meta") {
            read_meta(node, page);
            continue;
        }
        if (name == "link" && ascii_lowercase(attribute(node, "rel")) == "canonical" && page.canonical.empty())
            page.canonical = attribute(node, "href");
        if (ascii_lowercase(attribute(node, "itemprop")) == "datepublished") {
            auto when = attribute(node, "content");
            page.offer_date("datepublished", when.empty() ? attribute(node, "datetime") : std::move(when));
        }
        if (name == "title" && page.title_element.empty())
            page.title_element = html::text_of(node->children, html::Chrome::Keep);
        if (name == "h1" && page.first_h1.empty()) page.first_h1 = html::text_of(node->children, html::Chrome::Keep);
        if (name == "time" && page.time_datetime.empty()) page.time_datetime = attribute(node, "datetime");
        if (name == "article" && page.article == nullptr) page.article = node;
        if (name == "main" && page.main == nullptr) page.main = node;
        if (name == "body" && page.body == nullptr) page.body = node;
        if (name == "p") {
            const auto bytes = html::text_of(node->children, html::Chrome::Drop).size();
            page.score(node->parent, bytes);
            if (node->parent != nullptr) page.score(node->parent->parent, bytes / 2);
            continue;  // a paragraph's own elements hold no paragraphs to count
        }
        if (depth < kMaxDepth) scan(node->children, page, depth + 1);
    }
}

/// The element whose paragraphs hold the most text (the first of equals), else the article,
/// main or body element, else the whole page.
Node story_element(const PageScan& page, Node root) {
    Node best = nullptr;
    std::size_t best_bytes = 0;
    for (const Node element : page.scored) {
        const auto bytes = page.paragraph_text.at(element);
        if (bytes > best_bytes) {
            best = element;
            best_bytes = bytes;
        }
    }
    for (const Node fallback : {best, page.article, page.main, page.body})
        if (fallback != nullptr) return fallback;
    return root;
}

/// "example.co.id" of "https://www.example.co.id/berita/1".
std::string host_of(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    auto host = url.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/:?#"));
    if (ascii_lowercase(std::string(host.substr(0, 4))) == "www.") host.remove_prefix(4);
    return std::string(host);
}

/// "Banjir Rendam Bekasi" of "Banjir Rendam Bekasi - Kompas.com" when the outlet is Kompas.com.
std::string without_outlet(std::string title, const std::string& outlet) {
    if (outlet.empty()) return title;
    auto cut = title.rfind(" - ");
    const auto bar = title.rfind(" | ");
    if (bar != std::string::npos && (cut == std::string::npos || bar > cut)) cut = bar;
    if (cut == std::string::npos || cut == 0) return title;
    const auto ending = ascii_lowercase(title.substr(cut + 3));
    if (ending.find(ascii_lowercase(outlet)) != std::string::npos) title.erase(cut);
    return title;
}

/// `text` with each byte that is not part of valid UTF-8 read as Latin-1, as libxml2 reads a page
/// that declares no encoding: libxml2 passes a few such bytes through undecoded (after a '&').
std::string valid_utf8(std::string text) {
    auto bad = find_invalid_utf8(text);
    if (!bad) return text;
    std::string out;
    std::size_t from = 0;
    while (bad) {
        const auto at = from + *bad;
        out.append(text, from, at - from);
        const auto byte = static_cast<unsigned char>(text[at]);
        out += static_cast<char>(0xC0 | (byte >> 6));
        out += static_cast<char>(0x80 | (byte & 0x3F));
        from = at + 1;
        bad = find_invalid_utf8(std::string_view(text).substr(from));
    }
    out.append(text, from);
    return out;
}

/// "2024-11-04 09:30" of "2024/11/04 09:30", which some outlets' metadata writes.
std::string with_iso_dashes(std::string date) {
    const auto digit = [&](std::size_t i) { return i < date.size() && date[i] >= '0' && date[i] <= '9'; };
    if (digit(0) && digit(1) && digit(2) && digit(3) && date.size() >= 10 && date[4] == '/' && date[7] == '/' &&
        digit(5) && digit(6) && digit(8) && digit(9)) {
        date[4] = '-';
        date[7] = '-';
    }
    return date;
}

}  // namespace

HtmlPage read_html_page(std::string_view html) {
    html::init_libxml2_once();
    HtmlPage page;
    if (html.size() > static_cast<std::size_t>(INT_MAX)) return page;
    std::string bytes(html);
    std::replace(bytes.begin(), bytes.end(), '\0', ' ');  // libxml2 may stop at a NUL
    // No encoding given: libxml2 takes the page's byte-order mark or <meta charset>, else UTF-8.
    constexpr int kOptions =
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NODEFDTD;
    const std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
        htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, kOptions), &xmlFreeDoc);
    if (!doc) return page;
    const Node root = xmlDocGetRootElement(doc.get());
    PageScan scan_result;
    scan(root, scan_result, 0);

    const Node story = story_element(scan_result, root);
    page.body = html::text_of(story == root ? story : story->children, html::Chrome::Drop);
    page.url = !scan_result.canonical.empty() ? scan_result.canonical : scan_result.og_url;
    page.source = !scan_result.site_name.empty() ? scan_result.site_name : host_of(page.url);
    if (!scan_result.og_title.empty()) page.title = scan_result.og_title;
    else if (!scan_result.first_h1.empty()) page.title = scan_result.first_h1;
    else page.title = without_outlet(scan_result.title_element, page.source);
    // The story's element often starts with its headline; the body need not say it twice.
    if (!page.title.empty() && page.body.starts_with(page.title + '\n'))
        page.body.erase(0, page.body.find_first_not_of('\n', page.title.size()));
    page.date = with_iso_dashes(!scan_result.date.empty() ? scan_result.date : scan_result.time_datetime);
    for (auto* field : {&page.title, &page.date, &page.url, &page.source, &page.body})
        *field = valid_utf8(std::move(*field));
    return page;
}

}  // namespace telusur
