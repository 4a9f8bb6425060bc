// Internal to clean/: the walk over libxml2's tree that html_text and html_page share.
#pragma once

#include <string>
#include <string_view>

#include <libxml/tree.h>

namespace telusur::html {

/// Whether a page's furniture (nav, aside, footer, form, button, dialog) is read as text too.
enum class Chrome { Keep, Drop };

/// libxml2 wants one call of xmlInitParser before threads parse; every parse here calls this first.
void init_libxml2_once();

/// The text of `nodes` and their following siblings as a browser shows it: script, style, head and
/// the like left out, white space collapsed, a paragraph break around each block and a line break
/// for br.
std::string text_of(const xmlNode* nodes, Chrome chrome);

/// `text` with its white space collapsed as text_of collapses it.
std::string collapsed(std::string_view text);

}  // namespace telusur::html
