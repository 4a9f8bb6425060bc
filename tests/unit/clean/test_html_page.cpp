// read_html_page: a saved news page as an article, without the page around it.
#include <doctest/doctest.h>

#include <string>

#include "telusur/clean/html_page.h"
#include "telusur/source/utf8.h"

using telusur::read_html_page;

namespace {

// The shape of an Indonesian outlet's article page: metadata in head, a menu, the story among
// a sidebar of popular stories, related links and a footer. Written for this test.
const std::string kNewsPage = R"(<!DOCTYPE html>
<html lang="id"><head>
<meta charset="utf-8">
<title>Banjir Rendam Ratusan Rumah di Bekasi - Warta Contoh</title>
<meta property="og:title" content="Banjir Rendam Ratusan Rumah di Bekasi">
<meta property="og:site_name" content="Warta Contoh">
<meta property="article:published_time" content="2024-11-04T09:30:00+07:00">
<link rel="canonical" href="https://warta.example/berita/banjir-bekasi">
<script>var iklan = "pasang iklan di sini";</script>
</head><body>
<nav><a href="/">Beranda</a> <a href="/terpopuler">Terpopuler</a></nav>
<div class="wrap">
  <aside><h3>Terpopuler</h3><p>Harga emas naik lagi hari ini, simak selengkapnya.</p></aside>
  <article>
    <h1>Banjir Rendam Ratusan Rumah di Bekasi</h1>
    <div class="detail">
      <p>Banjir merendam ratusan rumah di Bekasi setelah hujan deras sejak Senin malam.</p>
      <p>Warga mengungsi ke masjid &amp; sekolah terdekat, kata petugas BPBD.</p>
      <p>Air mulai surut pada Selasa pagi.</p>
    </div>
  </article>
</div>
<footer><p>Hak cipta Warta Contoh. Dilarang mengutip tanpa izin.</p></footer>
</body></html>)";

}  // namespace

TEST_CASE("read_html_page takes the headline, date, address and outlet from the page's metadata") {
    const auto page = read_html_page(kNewsPage);
    CHECK(page.title == "Banjir Rendam Ratusan Rumah di Bekasi");
    CHECK(page.date == "2024-11-04T09:30:00+07:00");
    CHECK(page.url == "https://warta.example/berita/banjir-bekasi");
    CHECK(page.source == "Warta Contoh");
}

TEST_CASE("read_html_page keeps the story and leaves out the menu, sidebar, footer and scripts") {
    const auto page = read_html_page(kNewsPage);
    CHECK(page.body ==
          "Banjir merendam ratusan rumah di Bekasi setelah hujan deras sejak Senin malam.\n\n"
          "Warga mengungsi ke masjid & sekolah terdekat, kata petugas BPBD.\n\n"
          "Air mulai surut pada Selasa pagi.");
    for (const char* furniture : {"Terpopuler", "Beranda", "emas", "Hak cipta", "iklan"}) {
        INFO(furniture);
        CHECK(page.body.find(furniture) == std::string::npos);
    }
}

TEST_CASE("read_html_page chooses the element with the most paragraph text, not the first") {
    // No <article>: a teaser box of one paragraph comes before the story's three.
    const auto page = read_html_page(
        "<html><body><div class='teaser'><p>Baca juga berita lain.</p></div>"
        "<div class='isi'><p>Paragraf pertama cerita ini cukup panjang.</p><p>Paragraf kedua juga.</p>"
        "<p>Paragraf ketiga menutup cerita.</p></div></body></html>");
    CHECK(page.body ==
          "Paragraf pertama cerita ini cukup panjang.\n\nParagraf kedua juga.\n\nParagraf ketiga menutup cerita.");
}

TEST_CASE("read_html_page counts a paragraph's own words, not its links: a short story beats a list of headlines") {
    // The list of related headlines holds more text than the story, but all of it in links.
    const auto page = read_html_page(
        "<html><body><div class='isi'><p>Gempa kecil mengguncang Garut pagi ini.</p>"
        "<p>Tidak ada kerusakan, kata BPBD.</p></div>"
        "<div class='terkait'><p><a href='/1'>Gempa besar di Cianjur, ribuan rumah rusak dan warga mengungsi</a></p>"
        "<p><a href='/2'>BMKG catat ratusan gempa susulan sepanjang pekan di selatan Jawa Barat</a></p>"
        "<p>Baca: <a href='/3'>Tips aman saat gempa untuk keluarga, sekolah dan kantor di kota besar</a></p>"
        "</div></body></html>");
    CHECK(page.body == "Gempa kecil mengguncang Garut pagi ini.\n\nTidak ada kerusakan, kata BPBD.");
    // A story that links a name inside its sentences still counts its own words.
    const auto linked = read_html_page(
        "<html><body><div class='teaser'><p>Baca juga berita lain dari kami.</p></div><div class='isi'>"
        "<p>Presiden <a href='/tag/prabowo'>Prabowo Subianto</a> meresmikan bendungan di Jawa Tengah.</p>"
        "<p>Bendungan itu mengairi ribuan hektare sawah.</p></div></body></html>");
    CHECK(linked.body.starts_with("Presiden Prabowo Subianto meresmikan"));
}

TEST_CASE("read_html_page finds the story inside a form that wraps the whole page, as ASP.NET's do") {
    const auto page = read_html_page(
        "<html><body><form id='form1' method='post'><input type='hidden' name='__VIEWSTATE' value='x'>"
        "<div class='berita'><p>Pemerintah kota membuka posko banjir.</p><p>Posko buka 24 jam.</p></div>"
        "<div class='komentar'><form><button>Kirim komentar</button></form></div></form></body></html>");
    CHECK(page.body == "Pemerintah kota membuka posko banjir.\n\nPosko buka 24 jam.");
}

TEST_CASE("read_html_page reads a page without paragraphs from its article, main or body element") {
    CHECK(read_html_page("<html><body><nav>Menu</nav><main>Gempa M 5,2<br>mengguncang Garut.</main></body></html>")
              .body == "Gempa M 5,2\nmengguncang Garut.");
    CHECK(read_html_page("<html><body>Hanya teks.</body></html>").body == "Hanya teks.");
}

TEST_CASE("read_html_page falls back from og:title to h1 to the title element less the outlet") {
    CHECK(read_html_page("<html><head><title>Judul Berita</title></head><body><h1>Judul Utama</h1></body></html>")
              .title == "Judul Utama");
    const auto page = read_html_page(
        "<html><head><title>Harga Cabai Naik | Warta Contoh</title>"
        "<meta property='og:url' content='https://www.warta.example/a/1'></head><body><p>Isi.</p></body></html>");
    CHECK(page.url == "https://www.warta.example/a/1");
    CHECK(page.source == "warta.example");  // the host, without www.
    CHECK(page.title == "Harga Cabai Naik | Warta Contoh");  // the ending is not the host: kept
    const auto named = read_html_page(
        "<html><head><title>Harga Cabai Naik - Warta Contoh</title><meta property='og:site_name' "
        "content='Warta Contoh'></head><body><p>Isi.</p></body></html>");
    CHECK(named.title == "Harga Cabai Naik");
    // A dash inside the headline stays when the outlet is not what follows it.
    CHECK(read_html_page("<html><head><title>Korea - Jepang Bertemu</title><meta property='og:site_name' "
                         "content='Warta'></head><body><p>Isi.</p></body></html>")
              .title == "Korea - Jepang Bertemu");
}

TEST_CASE("read_html_page reads schema.org's NewsArticle when the page has no Open Graph metadata") {
    const auto page = read_html_page(R"(<html><head><title>x</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Situs", "url": "https://situs.example"},
  {"@type": ["NewsArticle"], "headline": "Harga Beras Turun", "datePublished": "2024-11-06T08:00:00+07:00",
   "url": "https://warta.example/beras", "publisher": {"@type": "Organization", "name": "Warta Contoh"}}]}
</script><script type="application/ld+json">{ not json</script></head>
<body><h1>Judul di Halaman</h1><p>Harga beras turun di pasar induk.</p></body></html>)");
    CHECK(page.title == "Harga Beras Turun");
    CHECK(page.date == "2024-11-06T08:00:00+07:00");
    CHECK(page.url == "https://warta.example/beras");
    CHECK(page.source == "Warta Contoh");
    CHECK(page.body == "Harga beras turun di pasar induk.");
    // Open Graph and the page's own metas come first; a block that is not an article is no source.
    const auto both = read_html_page(
        "<html><head><meta property='og:title' content='Judul OG'><meta property='article:published_time' "
        "content='2024-11-07'><script type='application/ld+json'>[{\"@type\": \"Person\", \"headline\": \"Bukan\"}, "
        "{\"@type\": \"Article\", \"headline\": \"Judul LD\", \"datePublished\": \"2024-11-01\"}]</script>"
        "</head><body><p>Isi.</p></body></html>");
    CHECK(both.title == "Judul OG");
    CHECK(both.date == "2024-11-07");
    // A hostile page nests "@graph" 200,000 deep: read without exhausting the stack.
    std::string deep = "<script type='application/ld+json'>";
    for (int i = 0; i < 200000; ++i) deep += "{\"@graph\":[";
    for (int i = 0; i < 200000; ++i) deep += "]}";
    deep += "</script><p>Isi.</p>";
    CHECK(read_html_page(deep).body == "Isi.");
}

TEST_CASE("read_html_page takes the date from the best metadata, then a time element") {
    CHECK(read_html_page("<html><head><meta name='pubdate' content='2024/11/04 09:30:00'>"
                         "<meta name='date' content='2020-01-01'></head><body><p>Isi.</p></body></html>")
              .date == "2024-11-04 09:30:00");  // pubdate outranks date, and gets ISO dashes
    CHECK(read_html_page("<html><body><article><time datetime='2024-11-05T10:00:00+07:00'>Selasa</time>"
                         "<p>Isi.</p></article></body></html>")
              .date == "2024-11-05T10:00:00+07:00");
    CHECK(read_html_page("<html><body><span itemprop='datePublished' content='2024-11-06'></span><p>Isi.</p>"
                         "</body></html>")
              .date == "2024-11-06");
    CHECK(read_html_page("<html><body><p>Tanpa tanggal.</p></body></html>").date.empty());
}

TEST_CASE("read_html_page reads on past a byte the declared encoding does not define") {
    // 0x9D means nothing in windows-1252; libxml2's own decoding stopped there and lost the rest.
    const auto page = read_html_page("<html><head><meta charset='windows-1252'></head><body>"
                                     "<p>Awal \x9D tengah.</p><p>Paragraf dua.</p></body></html>");
    CHECK(page.body.starts_with("Awal "));
    CHECK(page.body.ends_with(" tengah.\n\nParagraf dua."));
    CHECK_FALSE(telusur::find_invalid_utf8(page.body));
}

TEST_CASE("read_html_page decodes the encoding the page declares") {
    // "Café" and "Rp 10.000 – murah" in windows-1252: é is 0xE9, the en dash 0x96.
    const auto page = read_html_page(
        "<html><head><meta charset=\"windows-1252\"><title>Caf\xE9</title></head>"
        "<body><p>Rp 10.000 \x96 murah</p></body></html>");
    CHECK(page.title == "Caf\xC3\xA9");
    CHECK(page.body == "Rp 10.000 \xE2\x80\x93 murah");
    // UTF-8 without a declaration is read as UTF-8.
    CHECK(read_html_page("<html><body><p>Caf\xC3\xA9</p></body></html>").body == "Caf\xC3\xA9");
    // Bytes that are not UTF-8 in a page that declares nothing: read as windows-1252, as browsers do.
    const auto undeclared = read_html_page("<html><body><p>Caf\xE9 \x93murah\x94</p></body></html>").body;
    CHECK(undeclared == "Caf\xC3\xA9 \xE2\x80\x9Cmurah\xE2\x80\x9D");
    // libxml2 decoding such a page itself passed a byte through undecoded after a '&' (found by
    // fuzz_html_page).
    const auto after_ampersand = read_html_page(std::string("<>\n<p>Banj\0\0``\0\x02&\xD5" "dam ratusan", 29)).body;
    CHECK_FALSE(telusur::find_invalid_utf8(after_ampersand));
    CHECK(after_ampersand.ends_with("dam ratusan"));
}

TEST_CASE("read_html_page gives empty fields for a page without text, and survives broken markup") {
    const auto empty = read_html_page("");
    CHECK(empty.body.empty());
    CHECK(empty.title.empty());
    CHECK(read_html_page("<html><body><script>x()</script></body></html>").body.empty());
    CHECK(read_html_page("<p>Tanpa <b>penutup<p>Kedua").body == "Tanpa penutup\n\nKedua");
    CHECK(read_html_page(std::string("<p>Nol\0byte</p>", 16)).body == "Nol byte");
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "<div>";
    deep += "<p>Dalam sekali.</p>";
    CHECK_NOTHROW(read_html_page(deep));
}
