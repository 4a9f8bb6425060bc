// End-to-end tests of telusur-query's output options, explain, collapse, suggestions, edge cases.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "cli_fixture.h"

namespace telusur::e2e {

namespace {

using nlohmann::json;


std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

/// An article body long enough for a MinHash signature, and a lightly edited copy of it.
std::string story(const std::string& place, bool edited) {
    std::string body = "Pemerintah kota " + place + " meresmikan jembatan baru yang menghubungkan dua kecamatan "
                       "setelah pembangunan selama dua tahun. Wali kota mengatakan jembatan itu akan memangkas "
                       "waktu tempuh warga menuju pasar dan sekolah. Warga menyambut peresmian dengan gembira "
                       "dan berharap jalan menuju jembatan segera diperbaiki agar tidak macet pada jam sibuk. "
                       "Dinas pekerjaan umum menyebut biaya pembangunan mencapai ratusan miliar rupiah.";
    if (edited) body += " Artikel ini telah tayang di media mitra.";
    return body;
}

}  // namespace

TEST_CASE("jsonl prints one hit object per line, then a summary") {
    const auto run = query(corpus_db(), {"--format", "jsonl", "--limit", "3", "Korea"});
    REQUIRE(run.exit_code == 0);
    const auto lines = lines_of(run.out);
    REQUIRE(lines.size() == 4);
    for (int i = 0; i < 3; ++i) CHECK(json::parse(lines[static_cast<std::size_t>(i)]).at("type") == "hit");
    const auto summary = json::parse(lines[3]);
    CHECK(summary.at("type") == "summary");
    CHECK(summary.at("schema_version") == 1);
    CHECK(summary.at("estimated_total").get<int>() >= 3);
    CHECK(summary.contains("elapsed_ms"));
    CHECK(summary.contains("parsed_query"));
    CHECK(summary.contains("facets"));
}

TEST_CASE("--fields chooses what each hit carries") {
    const auto run = query(corpus_db(), {"--format", "json", "--fields", "id,score", "Korea"});
    const auto hits = json::parse(run.out).at("hits");
    REQUIRE_FALSE(hits.empty());
    for (const auto& hit : hits) {
        CHECK(hit.size() == 2);
        CHECK(hit.contains("id"));
        CHECK(hit.contains("score"));
    }
    CHECK(query(corpus_db(), {"--fields", "id,bogus", "Korea"}).exit_code == 2);

    // In text, a hit is the lines of its chosen fields and one blank line: no empty title line.
    const auto document = json::parse(query(corpus_db(), {"--format", "json", "--limit", "3", "Korea"}).out);
    const auto& three = document.at("hits");
    REQUIRE(three.size() == 3);
    std::string expected;
    for (const auto& hit : three) expected += "   " + hit.at("id").get<std::string>() + "\n\n";
    // A total counted, not estimated, is printed without "about".
    REQUIRE(document.at("total_exact") == true);
    const auto total = std::to_string(document.at("estimated_total").get<int>()) + " matches\n";
    expected += total;
    const auto text = query(corpus_db(), {"--fields", "id", "--limit", "3", "Korea"});
    CHECK(text.exit_code == 0);
    CHECK(text.out == expected);
    // A field a hit has nothing for prints nothing, not a blank line per hit.
    CHECK(query(corpus_db(), {"--fields", "similar", "--limit", "3", "Korea"}).out == total);
}

TEST_CASE("text shows entities when --fields names them, by the kinds --filter takes") {
    const auto plain = query(corpus_db(), {"--limit", "1", "--color", "never", "Kim Jong Un"});
    CHECK(plain.out.find("person: ") == std::string::npos);  // not by default: a line more per hit
    const auto named = query(corpus_db(), {"--limit", "1", "--fields", "title,entities", "Kim Jong Un"});
    REQUIRE(named.exit_code == 0);
    CHECK(named.out.find("\n   person: Kim Jong Un") != std::string::npos);
    CHECK(named.out.find(" · place: ") != std::string::npos);
}

TEST_CASE("text shows a date in an article's own words whole, an ISO date with a time by its day") {
    TempDir tmp;
    const std::string lines = R"({"id": "dateline", "body": "berita uji", "date": "Senin, 4 Nov 2024"})" "\n"
                              R"({"id": "iso", "body": "berita uji", "date": "2024-11-05T10:00:00+07:00"})" "\n"
                              R"({"id": "basic", "body": "berita uji", "date": "20241106T093000+0700"})" "\n";
    const auto indexed = index_into(tmp / "db", {"-"}, lines);
    REQUIRE(indexed.exit_code == 0);
    CHECK(indexed.err.find("is not a date") == std::string::npos);
    const auto text = query(tmp / "db", {"--fields", "date,id", "--sort", "date", "berita"});
    CHECK(text.out ==
          "   Senin, 4 Nov 2024 · dateline\n\n   2024-11-05 · iso\n\n   2024-11-06 · basic\n\n3 matches\n");
    // The basic format is the article's day for filters too, and JSON keeps it as given.
    const auto filtered = query(tmp / "db", {"--format", "json", "--since", "2024-11-06", "berita"});
    CHECK(filtered.out.find(R"("id": "basic")") != std::string::npos);
    CHECK(filtered.out.find(R"("date": "20241106T093000+0700")") != std::string::npos);
    CHECK(filtered.out.find(R"("id": "iso")") == std::string::npos);
}

TEST_CASE("a total the matcher only estimated says about, in text and in JSON") {
    // 400 different articles say banjir, every other one hujan too: a page of 10 is ranked
    // before the matcher has seen them all, and Xapian's bounds on the rest differ.
    TempDir tmp;
    std::string lines;
    for (int i = 0; i < 400; ++i) {
        std::string body = "Banjir melanda kampung nomor" + std::to_string(i) + (i % 2 ? "." : " saat hujan.");
        for (int w = 0; w < 30; ++w) body += " kata" + std::to_string(i) + "x" + std::to_string(w);
        lines += R"({"id": "b)" + std::to_string(i) + R"(", "body": ")" + body + "\"}\n";
    }
    REQUIRE(index_into(tmp / "db", {"-"}, lines).exit_code == 0);
    const auto page = query(tmp / "db", {"--fields", "id", "banjir hujan"});
    CHECK(page.out.substr(page.out.rfind("\n\n") + 2).rfind("about ", 0) == 0);
    CHECK(json::parse(query(tmp / "db", {"--format", "json", "banjir hujan"}).out).at("total_exact") == false);
    // Asked for no hits, every match is counted.
    CHECK(query(tmp / "db", {"--limit", "0", "banjir hujan"}).out == "400 matches\n");
    CHECK(json::parse(query(tmp / "db", {"--format", "json", "--limit", "0", "banjir hujan"}).out).at("total_exact") ==
          true);
}

TEST_CASE("--count prints the exact match count and --ids one id per line") {
    const auto count = query(corpus_db(), {"--count", "Korea"});
    CHECK(count.exit_code == 0);
    const auto total = std::stoi(count.out);
    const auto ids = query(corpus_db(), {"--ids", "--limit", "100", "Korea"});
    CHECK(static_cast<int>(lines_of(ids.out).size()) == total);
    CHECK(query(corpus_db(), {"--count", "zzyzxqwv"}).out == "0\n");
    // A several-word query is searched in two tiers; the count covers both.
    const auto tiered = std::stoi(query(corpus_db(), {"--count", "tentara Korut Kursk"}).out);
    const auto tiered_ids = query(corpus_db(), {"--ids", "--no-collapse", "--limit", "1000", "tentara Korut Kursk"});
    CHECK(static_cast<int>(lines_of(tiered_ids.out).size()) == tiered);
    CHECK(tiered > 2);
}

TEST_CASE("--color always bolds highlights, never uses markers, --snippet-length bounds the snippet") {
    const auto bold = query(corpus_db(), {"--color", "always", "--limit", "1", "Kursk"});
    CHECK(bold.out.find("\x1b[1mKursk\x1b[0m") != std::string::npos);
    const auto plain = query(corpus_db(), {"--color", "never", "--limit", "1", "Kursk"});
    CHECK(plain.out.find("**Kursk**") != std::string::npos);
    CHECK(plain.out.find("\x1b[") == std::string::npos);
    const auto short_json = json::parse(query(corpus_db(), {"--format", "json", "--snippet-length", "60", "Kursk"}).out);
    for (const auto& hit : short_json.at("hits")) CHECK(hit.at("snippet").get<std::string>().size() <= 60 + 20);
}

TEST_CASE("snippets never show boilerplate") {
    const auto result = json::parse(query(corpus_db(), {"--format", "json", "--limit", "30", "Baca artikel IDN"}).out);
    for (const auto& hit : result.at("hits")) {
        CHECK(hit.at("snippet").get<std::string>().find("IDN App") == std::string::npos);
        CHECK(hit.at("snippet").get<std::string>().find("Baca Juga") == std::string::npos);
    }
}

TEST_CASE("--explain shows tokens, stems, aliases, tiers and per-hit term weights") {
    const auto text = query(corpus_db(), {"--explain", "--limit", "1", "tentara Korut"});
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("token 'Korut'") != std::string::npos);
    CHECK(text.out.find("also searches 'Korea Utara'") != std::string::npos);
    CHECK(text.out.find("tier 1 (every word)") != std::string::npos);
    CHECK(text.out.find("matched") != std::string::npos);
    // Weights with three decimals whatever --fields prints (score or not, which set the stream).
    for (const auto& fields : {"rank,title,score", "id"}) {
        const auto shown = query(corpus_db(), {"--explain", "--limit", "1", "--fields", fields, "tentara Korut"}).out;
        CAPTURE(fields);
        CHECK(std::regex_search(shown, std::regex(R"(   matched \w+ '[^']+' weight \d+\.\d{3}\n)")));
        CHECK_FALSE(std::regex_search(shown, std::regex(R"(weight \d+(\.\d{1,2})?\n)")));
    }
    const auto result = json::parse(query(corpus_db(), {"--format", "json", "--explain", "--limit", "1", "tentara Korut"}).out);
    CHECK(result.at("explain").at("tokens").size() == 2);
    // Operators and field names are syntax: not listed as words searched.
    const auto syntax = json::parse(
        query(corpus_db(), {"--format", "json", "--explain", "--limit", "0", "title:tentara AND Korut OR rudal"}).out);
    std::vector<std::string> words;
    for (const auto& token : syntax.at("explain").at("tokens")) words.push_back(token.at("text"));
    CHECK(words == std::vector<std::string>{"tentara", "Korut", "rudal"});
    CHECK(result.at("explain").at("most_words").is_null());  // two words: no middle tier
    CHECK(result.at("explain").at("exact_forms").get<std::string>().find("tentara") != std::string::npos);
    CHECK(text.out.find("weigh more in tiers before the last: Query(tentara)") != std::string::npos);
    const auto three = query(corpus_db(), {"--explain", "--limit", "1", "tentara Korut Kursk"});
    CHECK(three.out.find("tier 2 (every word but one)") != std::string::npos);
    CHECK(three.out.find("tier 3 (any word)") != std::string::npos);
    const auto three_json =
        json::parse(query(corpus_db(), {"--format", "json", "--explain", "--limit", "1", "tentara Korut Kursk"}).out);
    CHECK(three_json.at("explain").at("most_words").get<std::string>().find("kursk") != std::string::npos);
    const auto matches = result.at("hits")[0].at("matches");
    REQUIRE_FALSE(matches.empty());
    double sum = 0;
    for (const auto& m : matches) sum += m.at("weight").get<double>();
    CHECK(sum > 0);
}

TEST_CASE("a misspelt word gets a did-you-mean suggestion from the index's spelling data") {
    const auto text = query(corpus_db(), {"bnajir"});
    CHECK(text.exit_code == 1);
    CHECK(text.out.find("did you mean: banjir") != std::string::npos);
    const auto result = json::parse(query(corpus_db(), {"--format", "json", "bnajir"}).out);
    CHECK(result.at("suggestion") == "banjir");
    CHECK(json::parse(query(corpus_db(), {"--format", "json", "banjir"}).out).at("suggestion").is_null());
}

TEST_CASE("a --filter value no article has is completed from the values indexed") {
    const auto text = query(corpus_db(), {"--filter", "person:kim jong", "rudal"});
    CHECK(text.exit_code == 1);
    CHECK(text.out.find("did you mean: --filter \"person:kim jong un\"\n") != std::string::npos);
    const auto result = json::parse(query(corpus_db(), {"--format", "json", "--filter", "source:warta", "rudal"}).out);
    CHECK(result.at("filter_suggestions") == json::array({"source:warta dunia"}));
    const auto matched = query(corpus_db(), {"--format", "json", "--filter", "person:kim jong un", "rudal"});
    CHECK(json::parse(matched.out).at("filter_suggestions").empty());
}

TEST_CASE("near-duplicate articles collapse into one hit with +N similar and --no-collapse shows all") {
    TempDir tmp;
    std::string lines;
    const std::vector<std::pair<std::string, std::string>> docs{
        {"asli", story("Medan", false)}, {"salinan-1", story("Medan", true)}, {"salinan-2", story("Medan", false) + " Foto: dok."},
        {"lain", story("Makassar", false) + " Namun kali ini ceritanya berbeda karena jembatan ditutup untuk umum, "
                 "dan pembangunan dihentikan oleh gubernur setelah audit menemukan kejanggalan anggaran."}};
    for (const auto& [id, body] : docs)
        lines += json({{"id", id}, {"title", "Jembatan baru diresmikan"}, {"body", body}}).dump() + "\n";
    REQUIRE(index_into(tmp / "db", {"-"}, lines).exit_code == 0);

    const auto collapsed = json::parse(query(tmp / "db", {"--format", "json", "jembatan"}).out).at("hits");
    int copies_shown = 0;
    for (const auto& hit : collapsed) {
        const auto id = hit.at("id").get<std::string>();
        if (id == "asli" || id.starts_with("salinan")) {
            ++copies_shown;
            CHECK(hit.at("similar_count") == 2);
        }
    }
    CHECK(copies_shown == 1);
    CHECK(query(tmp / "db", {"jembatan"}).out.find("+2 similar") != std::string::npos);
    const auto all = json::parse(query(tmp / "db", {"--format", "json", "--no-collapse", "jembatan"}).out).at("hits");
    CHECK(all.size() == 4);
}

TEST_CASE("an archive's control characters never reach the terminal or the JSON") {
    // An escape sequence in an archive would clear the screen of whoever searches it.
    TempDir tmp;
    const std::string lines =
        json({{"id", "jebakan"}, {"title", "Banjir\x1b[2J di Bekasi\x07"}, {"body", "Banjir\x1b[31m merendam\x00 Bekasi.\x1b]0;x\x07"},
              {"source", "Kabar\x1b[0m"}})
            .dump() +
        "\n";
    REQUIRE(index_into(tmp / "db", {"-"}, lines).exit_code == 0);
    const auto text = query(tmp / "db", {"--color", "never", "banjir"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("Banjir [2J di Bekasi") != std::string::npos);
    CHECK(text.out.find_first_of(std::string("\x1b\x07\x00", 3)) == std::string::npos);
    const auto hit = json::parse(query(tmp / "db", {"--format", "json", "banjir"}).out).at("hits").at(0);
    for (const char* field : {"title", "snippet", "source"}) {
        CAPTURE(field);
        CHECK(hit.at(field).get<std::string>().find_first_of(std::string("\x1b\x07\x00", 3)) == std::string::npos);
    }
}

TEST_CASE("an article without a title shows its first sentence in text, and null in JSON") {
    TempDir tmp;
    const std::string first = "Banjir merendam ratusan rumah di Bekasi sejak Senin pagi.";
    const std::string lines =
        json({{"id", "kalimat"}, {"title", nullptr}, {"body", "  " + first + " Warga mengungsi ke masjid."}}).dump() + "\n" +
        json({{"id", "panjang"}, {"title", ""},
              {"body", "Hujan deras yang turun sejak pagi membuat sungai meluap dan air masuk ke rumah warga di "
                       "sepanjang bantaran kali hingga setinggi pinggang orang dewasa menurut petugas"}})
            .dump() +
        "\n";
    REQUIRE(index_into(tmp / "db", {"-"}, lines).exit_code == 0);
    const auto text = query(tmp / "db", {"--color", "never", "--fields", "rank,title", "--sort", "-date", "banjir OR hujan"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("(no title)") == std::string::npos);
    CHECK(text.out.find(". " + first + "\n") != std::string::npos);  // the whole first sentence, trimmed
    // No sentence end within the first 100 bytes: the words that fit, marked as cut.
    CHECK(text.out.find(". Hujan deras yang turun sejak pagi membuat sungai meluap dan air masuk ke rumah warga di "
                        "sepanjang…\n") != std::string::npos);
    const auto hits = json::parse(query(tmp / "db", {"--format", "json", "banjir OR hujan"}).out).at("hits");
    REQUIRE(hits.size() == 2);
    for (const auto& hit : hits) CHECK(hit.at("title").is_null());
}

TEST_CASE("awkward queries give a clear message or a sensible result, never a crash") {
    for (const std::string q : {"\"Korea Utara", "(Korea Utara", "Korea))", "Korea OR", "title:", "***"}) {
        const auto run = query(corpus_db(), {"--", q});
        CHECK_MESSAGE((run.exit_code == 0 || run.exit_code == 1 || run.exit_code == 2), q);
        if (run.exit_code == 2) CHECK_MESSAGE(run.err.starts_with("telusur-query: "), q);
        CHECK_MESSAGE(run.err.find("terminate") == std::string::npos, q);
    }
    const auto punctuation = query(corpus_db(), {"?!..."});
    CHECK(punctuation.exit_code == 2);
    CHECK(punctuation.err.find("no searchable words") != std::string::npos);
    const auto huge = query(corpus_db(), {std::string(10000, 'a')});
    CHECK(huge.exit_code == 2);
    CHECK(huge.err.find("too long") != std::string::npos);
    const auto only_stop = query(corpus_db(), {"yang dan di"});
    CHECK(only_stop.exit_code == 2);
    CHECK(query(corpus_db(), {"\"hari libur umum\""}).exit_code == 0);  // stopwords inside a phrase work
    const auto unbalanced = query(corpus_db(), {"\"Korea Utara"});
    CHECK(unbalanced.exit_code == 0);
}

TEST_CASE("--help shows real examples and the exit codes") {
    for (const auto& bin : {kQueryBin, kIndexBin}) {
        const auto help = run_process({bin, "--help"});
        CHECK(help.exit_code == 0);
        CHECK(help.out.find("Examples:") != std::string::npos);
        CHECK(help.out.find("Exit status") != std::string::npos);
        CHECK(help.out.find("--db DIR") != std::string::npos);  // what each option takes, by name
        CHECK(help.out.find("UINT") == std::string::npos);      // not CLI11's types and validators
    }
    CHECK(run_process({kQueryBin, "--help"}).out.find("--format text|json|jsonl") != std::string::npos);
}

}  // namespace telusur::e2e
