// HTML in an article's fields, read as the text a browser shows: CMS exports and scraped archives
// carry their markup into JSON fields ("<p>Banjir <strong>merendam</strong>…", "&amp;").
#pragma once

#include <string>
#include <string_view>

namespace telusur {

/// Whether `text` holds HTML markup: a tag of an HTML element (`<p>`, `</div>`, `<br/>`,
/// `<a href="…">`; `<` then a known element's name) or a character reference (`&amp;`, `&#39;`,
/// `&#x2014;`). Plain news text does not ("SL <2.630", "x <y", "AT&T" are not).
bool looks_like_html(std::string_view text);

/// The text of HTML `html` (libxml2's forgiving HTML parser): character references decoded,
/// tags dropped, the content of script, style, head and the like dropped, white space collapsed as
/// a browser does, a paragraph break after each block (p, div, h1, li, blockquote, tr, …) and a
/// line break for br. Thread-safe.
std::string html_to_text(std::string_view html);

}  // namespace telusur
