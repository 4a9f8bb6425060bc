// Snippets: Xapian's marked, XML-escaped snippet → highlighted parts → text.
#include <doctest/doctest.h>

#include <string>

#include "telusur/search/snippet.h"

using telusur::Snippet;
using telusur::SnippetPart;

namespace {

const std::string kOpen(telusur::kHighlightStart);
const std::string kClose(telusur::kHighlightEnd);

std::string mark(const std::string& word) { return kOpen + word + kClose; }

}  // namespace

TEST_CASE("parse_xapian_snippet splits marked text into plain and highlighted parts") {
    const auto parts = telusur::parse_xapian_snippet("Tentara " + mark("Korut") + " tiba di " + mark("Kursk") + ".");
    CHECK(parts == Snippet{{"Tentara ", false}, {"Korut", true}, {" tiba di ", false}, {"Kursk", true}, {".", false}});
}

TEST_CASE("parse_xapian_snippet handles highlights at both ends and adjacent highlights") {
    CHECK(telusur::parse_xapian_snippet(mark("Putin")) == Snippet{{"Putin", true}});
    CHECK(telusur::parse_xapian_snippet(mark("Putin") + " bertemu " + mark("Choe")) ==
          Snippet{{"Putin", true}, {" bertemu ", false}, {"Choe", true}});
    CHECK(telusur::parse_xapian_snippet(mark("Korea") + mark("Utara")) == Snippet{{"Korea", true}, {"Utara", true}});
}

TEST_CASE("parse_xapian_snippet returns no parts for an empty snippet") {
    CHECK(telusur::parse_xapian_snippet("").empty());
    CHECK(telusur::parse_xapian_snippet(kOpen + kClose).empty());
}

TEST_CASE("parse_xapian_snippet unescapes the XML entities for ampersand, less-than and greater-than") {
    CHECK(telusur::parse_xapian_snippet("A &amp; B &lt;x&gt;") == Snippet{{"A & B <x>", false}});
    CHECK(telusur::parse_xapian_snippet(mark("AT&amp;T")) == Snippet{{"AT&T", true}});
    CHECK(telusur::parse_xapian_snippet("&amp;lt;") == Snippet{{"&lt;", false}});  // once, not twice
    CHECK(telusur::parse_xapian_snippet("a & b &quot;") == Snippet{{"a & b &quot;", false}});
}

TEST_CASE("parse_xapian_snippet collapses line breaks, tabs and space runs to one space") {
    CHECK(telusur::parse_xapian_snippet("satu\n\ndua\r\n\ttiga   empat") == Snippet{{"satu dua tiga empat", false}});
    CHECK(telusur::parse_xapian_snippet("akhir paragraf.\n\n" + mark("Awal") + " berikutnya") ==
          Snippet{{"akhir paragraf. ", false}, {"Awal", true}, {" berikutnya", false}});
}

TEST_CASE("parse_xapian_snippet keeps multibyte text and the ellipsis intact") {
    CHECK(telusur::parse_xapian_snippet("…kata “" + mark("kuat") + "”…") ==
          Snippet{{"…kata “", false}, {"kuat", true}, {"”…", false}});
}

TEST_CASE("render_snippet wraps highlighted parts in the given markers") {
    const Snippet parts{{"Tentara ", false}, {"Korut", true}, {" tiba", false}};
    CHECK(telusur::render_snippet(parts, "[", "]") == "Tentara [Korut] tiba");
    CHECK(telusur::render_snippet(parts, "\x1b[1m", "\x1b[0m") == "Tentara \x1b[1mKorut\x1b[0m tiba");
    CHECK(telusur::render_snippet(parts, "", "") == "Tentara Korut tiba");
    CHECK(telusur::render_snippet({}, "[", "]").empty());
}

TEST_CASE("render_snippet with Xapian's markers inverts parse_xapian_snippet on plain text") {
    const std::string marked = "Presiden " + mark("Putin") + " bertemu " + mark("Choe") + " di Kremlin";
    CHECK(telusur::render_snippet(telusur::parse_xapian_snippet(marked), kOpen, kClose) == marked);
}
