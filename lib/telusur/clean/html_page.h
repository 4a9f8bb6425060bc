// A saved web page as an article: the headline, date, address, outlet and story a reader sees,
// without the page's menus, sidebars, footers and related-article lists.
#pragma once

#include <string>
#include <string_view>

namespace telusur {

/// What a news page says of its article; a field the page does not give is empty.
/// "JSON-LD" is the page's schema.org NewsArticle (or Article, BlogPosting) in a
/// <script type="application/ld+json">, alone, in an array or in an "@graph".
struct HtmlPage {
    std::string title;   ///< og:title, else JSON-LD headline, else the first h1, else <title> less " - Outlet".
    std::string date;    ///< article:published_time, JSON-LD datePublished, pubdate and the like, else <time>.
    std::string url;     ///< <link rel="canonical">, else og:url, else JSON-LD url.
    std::string source;  ///< og:site_name, else JSON-LD publisher name, else the host of the url.
    std::string body;    ///< The text of the element holding the most paragraph text.
};

/// Reads the article of `html`, a whole page in the encoding it declares (page_as_utf8), with
/// libxml2's forgiving parser, so broken markup is read as a browser would. The body is the text
/// of the element whose paragraphs (p) hold the most text outside links (a), counting a
/// paragraph half for its grandparent too, as reader modes choose; without paragraphs, the <article>, <main> or <body>.
/// Inside it, nav, aside, footer, forms and buttons are left out, and so is whatever
/// html_to_text leaves out; a headline (the title or the first h1) that starts it is dropped.
/// Dates of the form "2024/11/04 09:30" are given as "2024-11-04 09:30". Every field is valid
/// UTF-8. Thread-safe.
HtmlPage read_html_page(std::string_view html);

}  // namespace telusur
