// looks_like_html / html_to_text: markup carried into an article's fields, read as text.
#include <doctest/doctest.h>

#include <string>

#include "telusur/clean/html_text.h"

using telusur::html_to_text;
using telusur::looks_like_html;

TEST_CASE("looks_like_html finds element tags and character references") {
    CHECK(looks_like_html("<p>Banjir merendam Bekasi.</p>"));
    CHECK(looks_like_html("Banjir</P> lagi"));
    CHECK(looks_like_html("Hujan<br/>deras"));
    CHECK(looks_like_html("Hujan<br>deras"));
    CHECK(looks_like_html(R"(di <a href="https://x.id">Bogor</a>)"));
    CHECK(looks_like_html("<figure>foto</figure>"));  // HTML5's own elements too
    CHECK(looks_like_html("Banjir &amp; Longsor"));
    CHECK(looks_like_html("Jum&#39;at"));
    CHECK(looks_like_html("1998&#x2014;2024"));
    CHECK(looks_like_html("sejak&nbsp;Senin"));
}

TEST_CASE("looks_like_html leaves plain news text alone") {
    CHECK_FALSE(looks_like_html("Banjir merendam Bekasi."));
    CHECK_FALSE(looks_like_html("Buy SSIA, target 2.880, SL <2.630."));
    CHECK_FALSE(looks_like_html("SL <4360>."));               // a number, not an element
    CHECK_FALSE(looks_like_html("jika x <y dan y> z"));        // no element named y
    CHECK_FALSE(looks_like_html("nilai <p dan q"));            // never closed
    CHECK_FALSE(looks_like_html("Berita Video <<<"));
    CHECK_FALSE(looks_like_html("AT&T dan Johnson & Johnson"));
    CHECK_FALSE(looks_like_html("R&D; riset"));                // no entity named D
    CHECK_FALSE(looks_like_html("&#;"));
    CHECK_FALSE(looks_like_html(""));
    CHECK_FALSE(looks_like_html("<"));
    CHECK_FALSE(looks_like_html("&"));
}

TEST_CASE("html_to_text keeps the words, one paragraph per block, and decodes references") {
    CHECK(html_to_text("<p>Banjir <strong>merendam</strong> rumah di <a href=\"https://x.id/b\">Bogor</a>.</p>\n"
                       "<p>Hujan deras sejak&nbsp;Senin.</p>") ==
          "Banjir merendam rumah di Bogor.\n\nHujan deras sejak\u00a0Senin.");
    CHECK(html_to_text("Banjir &amp; Longsor") == "Banjir & Longsor");
    CHECK(html_to_text("Jum&#39;at, 1998&#x2014;2024") == "Jum'at, 1998\u20142024");
    CHECK(html_to_text("Baris satu<br>baris dua<br/><br/>baris tiga") == "Baris satu\nbaris dua\nbaris tiga");
    CHECK(html_to_text("<h1>Judul</h1><ul><li>satu</li><li>dua</li></ul>") == "Judul\n\nsatu\n\ndua");
    CHECK(html_to_text("<table><tr><td>Jakarta</td><td>30</td></tr><tr><td>Bogor</td><td>25</td></tr></table>") ==
          "Jakarta 30\n\nBogor 25");
}

TEST_CASE("html_to_text collapses white space as a browser does") {
    CHECK(html_to_text("<p>  Banjir\n   merendam\t\tBekasi  </p>") == "Banjir merendam Bekasi");
    CHECK(html_to_text("<p>a</p>\n\n\n<p>b</p>") == "a\n\nb");
    CHECK(html_to_text("<div><div><p>dalam</p></div></div>") == "dalam");
}

TEST_CASE("html_to_text drops what a reader never sees") {
    CHECK(html_to_text("<p>Berita</p><script>var iklan = '<p>bukan</p>';</script><style>p {color: red}</style>"
                       "<noscript>aktifkan JavaScript</noscript><p>lanjut</p>") == "Berita\n\nlanjut");
    CHECK(html_to_text("<html><head><title>Situs</title><meta charset=\"iso-8859-1\"></head>"
                       "<body><p>Isi berita: caf\u00e9</p></body></html>") == "Isi berita: caf\u00e9");
    CHECK(html_to_text("<p>Teks<!-- komentar --> ini</p>") == "Teks ini");
}

TEST_CASE("html_to_text reads broken markup without failing") {
    CHECK(html_to_text("<p>Banjir <b>merendam</p> Bekasi") == "Banjir merendam\n\nBekasi");
    CHECK(html_to_text("<p>tanpa penutup") == "tanpa penutup");
    CHECK(html_to_text("</div></p>yatim") == "yatim");
    CHECK(html_to_text("<p>x &bogus; y</p>") == "x &bogus; y");
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "<div>";
    deep += "dalam sekali";
    CHECK(html_to_text(deep).size() <= std::string("dalam sekali").size());  // nested past any limit: no crash
    CHECK(html_to_text("") == "");
    CHECK(html_to_text(std::string("<p>a\0b</p>", 10)).find('a') != std::string::npos);
}
