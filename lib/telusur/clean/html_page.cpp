#include "telusur/clean/html_page.h"

#include <algorithm>
#include <array>
#include <climits>
#include <initializer_list>
#include <memory>
#include <unordered_map>
#include <vector>

#include <libxml/HTMLparser.h>
#include <nlohmann/json.hpp>

#include "telusur/ascii_case.h"
#include "telusur/clean/html_tree.h"
#include "telusur/clean/page_encoding.h"

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

/// What a page's schema.org data (JSON-LD) says of its article.
struct LinkedData {
    std::string headline, date, url, publisher;
    bool found = false;
};

/// The JSON-LD types of a news article.
bool is_article_type(const nlohmann::json& type) {
    constexpr std::array<std::string_view, 5> kTypes{"NewsArticle", "Article", "ReportageNewsArticle",
                                                     "AnalysisNewsArticle", "BlogPosting"};
    const auto is_one = [&](const nlohmann::json& name) {
        return name.is_string() && std::find(kTypes.begin(), kTypes.end(), name.get<std::string>()) != kTypes.end();
    };
    return is_one(type) || (type.is_array() && std::any_of(type.begin(), type.end(), is_one));
}

std::string string_at(const nlohmann::json& object, const char* key) {
    const auto at = object.find(key);
    return at != object.end() && at->is_string() ? html::collapsed(at->get<std::string>()) : std::string();
}

/// Takes the first article of a JSON-LD block: an object, an array of them, or an "@graph"
/// (nested at most a few deep: a page's own data is shallow, a hostile one may not be).
void read_linked_data(const nlohmann::json& data, LinkedData& out, int depth = 0) {
    constexpr int kMaxDepth = 4;
    if (out.found || depth > kMaxDepth) return;
    if (data.is_array()) {
        for (const auto& item : data)
            if (item.is_object() && !out.found) read_linked_data(item, out, depth + 1);
        return;
    }
    if (!data.is_object()) return;
    if (const auto graph = data.find("@graph"); graph != data.end() && graph->is_array()) {
        for (const auto& item : *graph)
            if (item.is_object() && !out.found) read_linked_data(item, out, depth + 1);
    }
    if (out.found || !is_article_type(data.value("@type", nlohmann::json()))) return;
    out.found = true;
    out.headline = string_at(data, "headline");
    out.date = string_at(data, "datePublished");
    out.url = string_at(data, "url");
    if (const auto publisher = data.find("publisher"); publisher != data.end() && publisher->is_object())
        out.publisher = string_at(*publisher, "name");
}

/// What one pass over the page finds.
struct PageScan {
    LinkedData linked;
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

/// Bytes of the text of `nodes` and their following siblings that lie inside links (a).
std::size_t link_text_bytes(Node nodes, int depth) {
    std::size_t bytes = 0;
    for (Node node = nodes; node != nullptr; node = node->next) {
        if (node->type != XML_ELEMENT_NODE) continue;
        if (name_of(node) == "a") bytes += html::text_of(node->children, html::Chrome::Drop).size();
        else if (depth < 32) bytes += link_text_bytes(node->children, depth + 1);
    }
    return bytes;
}

/// What paragraph `p` adds to its element's score: its text less the text of its links. A list
/// of "Baca juga" headlines is paragraphs of links; the story's paragraphs are mostly its own
/// words, as reader modes weigh them.
std::size_t own_text_bytes(Node p) {
    const auto bytes = html::text_of(p->children, html::Chrome::Drop).size();
    const auto links = link_text_bytes(p->children, 0);
    return links >= bytes ? 0 : bytes - links;
}

void scan(Node node, PageScan& page, int depth) {
    constexpr int kMaxDepth = 256;
    for (; node != nullptr; node = node->next) {
        if (node->type != XML_ELEMENT_NODE) continue;
        const auto name = name_of(node);
        if (name == "script" && ascii_lowercase(attribute(node, "type")) == "application/ld+json") {
            const auto text = html::text_of(node->children, html::Chrome::Keep);
            read_linked_data(nlohmann::json::parse(text, nullptr, false), page.linked);
            continue;
        }
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
            const auto bytes = own_text_bytes(node);
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

/// The first of `texts` that is not empty.
std::string first_of(std::initializer_list<std::string> texts) {
    for (const auto& text : texts)
        if (!text.empty()) return text;
    return {};
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
    // Decoded by ICU rather than libxml2, whose iconv stops at the first byte its encoding does
    // not define, losing the rest of the page, and says so on stderr.
    std::string bytes = page_as_utf8(html);
    std::replace(bytes.begin(), bytes.end(), '\0', ' ');  // libxml2 may stop at a NUL
    constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                             HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD;
    const std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
        htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8", kOptions), &xmlFreeDoc);
    if (!doc) return page;
    const Node root = xmlDocGetRootElement(doc.get());
    PageScan scan_result;
    scan(root, scan_result, 0);

    const Node story = story_element(scan_result, root);
    page.body = html::text_of(story == root ? story : story->children, html::Chrome::Drop);
    const auto& linked = scan_result.linked;
    page.url = first_of({scan_result.canonical, scan_result.og_url, linked.url});
    page.source = first_of({scan_result.site_name, linked.publisher, host_of(page.url)});
    page.title = first_of({scan_result.og_title, linked.headline, scan_result.first_h1,
                           without_outlet(scan_result.title_element, page.source)});
    scan_result.offer_date("datepublished", linked.date);
    // The story's element often starts with its headline (as the title, or as the page's h1,
    // which may word it otherwise); the body need not say it twice.
    for (const auto& headline : {page.title, scan_result.first_h1}) {
        if (!headline.empty() && page.body.starts_with(headline + '\n')) {
            page.body.erase(0, page.body.find_first_not_of('\n', headline.size()));
            break;
        }
    }
    page.date = with_iso_dashes(!scan_result.date.empty() ? scan_result.date : scan_result.time_datetime);
    return page;
}

}  // namespace telusur
