// telusur-index on saved web pages: a site mirror or a scrape of article pages.
#include <doctest/doctest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"

namespace telusur::e2e {

namespace {

// An outlet's article page as a browser saves it: metadata, a menu, a sidebar of popular
// stories, the story, a footer. Written for this test.
const std::string kBanjirPage = R"(<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>Banjir Rendam Bekasi - Warta Contoh</title>
<meta property="og:title" content="Banjir Rendam Bekasi">
<meta property="og:site_name" content="Warta Contoh">
<meta property="article:published_time" content="2024-11-04T09:30:00+07:00">
<link rel="canonical" href="https://warta.example/berita/banjir-bekasi">
<script>var iklan = "pasang iklan";</script>
</head><body>
<nav><a href="/">Beranda</a> <a href="/terpopuler">Terpopuler</a></nav>
<aside><h3>Terpopuler</h3><p>Harga emas melonjak, simak daftar lengkapnya.</p></aside>
<article><h1>Banjir Rendam Bekasi</h1>
<p>Banjir merendam ratusan rumah di Bekasi setelah hujan deras sejak Senin malam.</p>
<p>Warga mengungsi ke masjid &amp; sekolah terdekat.</p>
</article>
<footer><p>Hak cipta Warta Contoh.</p></footer>
</body></html>)";

// An older page in windows-1252 (the en dash is byte 0x96), its date as the outlet writes it.
const std::string kGempaPage =
    "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
    "<title>Gempa Guncang Garut | Warta Contoh</title><meta property=\"og:site_name\" content=\"Warta Contoh\">"
    "<meta name=\"pubdate\" content=\"2024/11/05 10:00:00\"></head><body>"
    "<div class=\"isi\"><p>Gempa magnitudo 5,2 \x96 menurut BMKG \x96 mengguncang Garut pada Selasa pagi.</p></div>"
    "</body></html>";

}  // namespace

TEST_CASE("a folder of saved web pages is indexed as its articles, without the pages' menus and sidebars") {
    TempDir tmp;
    write_file(tmp / "situs/2024/banjir-bekasi.html", kBanjirPage);
    write_file(tmp / "situs/2024/gempa-garut.HTM", kGempaPage);
    write_file(tmp / "situs/gaya.css", "body { color: red }");
    const auto run = index_into(tmp / "db", {tmp / "situs"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(document_count(tmp / "db") == 2);

    const auto show = [&](const std::string& id) {
        return nlohmann::json::parse(query(tmp / "db", {"--show", id, "--format", "json"}).out);
    };
    const auto shown = show("2024/banjir-bekasi.html");
    CHECK(shown.at("title") == "Banjir Rendam Bekasi");
    CHECK(shown.at("date") == "2024-11-04T09:30:00+07:00");
    CHECK(shown.at("url") == "https://warta.example/berita/banjir-bekasi");
    CHECK(shown.at("source") == "Warta Contoh");
    CHECK(shown.at("body") ==
          "Banjir merendam ratusan rumah di Bekasi setelah hujan deras sejak Senin malam.\n\n"
          "Warga mengungsi ke masjid & sekolah terdekat.");
    for (const std::string furniture : {"Terpopuler", "Beranda", "emas", "cipta", "iklan", "color"})
        CHECK_MESSAGE(query(tmp / "db", {"--count", furniture}).out == "0\n", furniture);

    // The windows-1252 page reads as UTF-8 text, dated by its metadata.
    const auto gempa = query(tmp / "db", {"--ids", "gempa date:2024-11-05"});
    CHECK(gempa.out == "2024/gempa-garut.HTM\n");
    const auto shown_gempa = show("2024/gempa-garut.HTM");
    CHECK(shown_gempa.at("title") == "Gempa Guncang Garut");
    CHECK(shown_gempa.at("body") ==
          "Gempa magnitudo 5,2 \xE2\x80\x93 menurut BMKG \xE2\x80\x93 mengguncang Garut pada Selasa pagi.");
}

TEST_CASE("a web page indexes the same document as the same article in JSON Lines") {
    TempDir tmp;
    write_file(tmp / "halaman/banjir.html", kBanjirPage);
    write_file(tmp / "arsip.jsonl",
               R"({"id": "banjir.html", "title": "Banjir Rendam Bekasi", "date": "2024-11-04T09:30:00+07:00", )"
               R"("url": "https://warta.example/berita/banjir-bekasi", "source": "Warta Contoh", "body": )"
               R"("Banjir merendam ratusan rumah di Bekasi setelah hujan deras sejak Senin malam.\n\n)"
               R"(Warga mengungsi ke masjid & sekolah terdekat."})"
               "\n");
    const auto page = index_into(tmp / "page.db", {tmp / "halaman"});
    const auto record = index_into(tmp / "record.db", {tmp / "arsip.jsonl"});
    INFO(page.err << record.err);
    REQUIRE(page.exit_code == 0);
    REQUIRE(record.exit_code == 0);
    CHECK(describe_documents(tmp / "page.db") == describe_documents(tmp / "record.db"));
}

TEST_CASE("a page with no text is reported by name and skipped, and the others are indexed") {
    TempDir tmp;
    write_file(tmp / "situs/a-kosong.html",
               "<html><head><title></title></head><body><script>x()</script></body></html>");
    write_file(tmp / "situs/b-banjir.html", kBanjirPage);
    const auto run = index_into(tmp / "db", {tmp / "situs"});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("a-kosong.html: no text in the page") != std::string::npos);
    CHECK(document_count(tmp / "db") == 1);
}

}  // namespace telusur::e2e
