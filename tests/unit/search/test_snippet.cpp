// Snippets: the best passage of a text for a query, its matches highlighted → text.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "telusur/search/snippet.h"

using telusur::make_snippet;
using telusur::Snippet;
using telusur::SnippetQuery;

namespace {

/// A query for `words` as written, each of weight 1, and `stems` through a toy stemmer that
/// strips a leading "di" (ditangkap → tangkap).
SnippetQuery query_of(std::vector<std::string> words, std::vector<std::string> stems = {}) {
    SnippetQuery query;
    for (auto& word : words) query.words.emplace(std::move(word), 1.0);
    for (auto& stem : stems) query.stems.emplace(std::move(stem), 1.0);
    query.stem = [](const std::string& word) {
        return word.starts_with("di") ? word.substr(2) : word;
    };
    return query;
}

std::string marked(const Snippet& snippet) { return telusur::render_snippet(snippet, "[", "]"); }

}  // namespace

TEST_CASE("make_snippet highlights the query's words, whatever their case, and keeps the text between") {
    const auto snippet = make_snippet("Tentara Korut tiba di Kursk.", 100, query_of({"korut", "kursk"}));
    CHECK(snippet == Snippet{{"Tentara ", false}, {"Korut", true}, {" tiba di ", false}, {"Kursk", true}, {".", false}});
}

TEST_CASE("make_snippet matches a word through its stem") {
    const auto snippet = make_snippet("Pencuri itu ditangkap polisi kemarin.", 100, query_of({}, {"tangkap"}));
    CHECK(marked(snippet) == "Pencuri itu [ditangkap] polisi kemarin.");
}

TEST_CASE("with needles, make_snippet stems only the words that hold one, and words beyond ASCII") {
    auto query = query_of({"polisi"}, {"tangkap"});
    std::vector<std::string> stemmed;
    query.stem = [&](const std::string& word) {
        stemmed.push_back(word);
        return word.starts_with("di") ? word.substr(2) : word;
    };
    query.stem_needles = std::vector<std::string>{"ngk"};
    const auto snippet = make_snippet("Pencuri itu diTangkap polisi Ésok, lalu menangkap lagi.", 100, query);
    CHECK(marked(snippet) == "Pencuri itu [diTangkap] [polisi] Ésok, lalu menangkap lagi.");
    // The written term's words are looked at too; "menangkap" holds the needle.
    CHECK(stemmed == std::vector<std::string>{"ditangkap", "polisi", "ésok", "menangkap"});
}

TEST_CASE("make_snippet highlights words the index keeps whole across an apostrophe or a decimal point") {
    // Found through one term each ("ma'ruf", "2.500"): split at the joiner, nothing was marked.
    const auto names = make_snippet("Wakil Presiden Ma'ruf Amin menghadiri salat Jum’at.", 100,
                                    query_of({"ma'ruf", "jum'at"}));
    CHECK(marked(names) == "Wakil Presiden [Ma'ruf] Amin menghadiri salat [Jum’at].");
    auto needled = query_of({"2.500"}, {"tangkap"});
    needled.stem_needles = std::vector<std::string>{"ngk"};
    const auto numbers = make_snippet("Harga naik Rp 12.500, lalu Rp 2.500 lagi; 2 500 tidak.", 100, needled);
    CHECK(marked(numbers) == "Harga naik Rp 12.500, lalu Rp [2.500] lagi; 2 500 tidak.");
}

TEST_CASE("make_snippet picks the passage with the most query terms, not the first match") {
    std::string text = "Kursk disebut sekali di awal. ";
    for (int i = 0; i < 40; ++i) text += "Kalimat pengisi tanpa kata penting nomor " + std::to_string(i) + ". ";
    text += "Di sini tentara Korut tiba di Kursk bersama tentara lain. ";
    for (int i = 0; i < 40; ++i) text += "Penutup panjang " + std::to_string(i) + ". ";
    const auto snippet = marked(make_snippet(text, 120, query_of({"tentara", "korut", "kursk"})));
    CHECK(snippet.find("[tentara] [Korut] tiba di [Kursk]") != std::string::npos);
    CHECK(snippet.starts_with("…"));
    CHECK(snippet.ends_with("…"));
}

TEST_CASE("make_snippet stays within its length, never cuts a word, and marks where the text goes on") {
    std::string text;
    for (int i = 0; i < 100; ++i) text += "kata" + std::to_string(i) + " ";
    text += "banjir melanda kota";
    for (const std::size_t length : {20, 60, 200}) {
        CAPTURE(length);
        const auto snippet = make_snippet(text, length, query_of({"banjir"}));
        std::string plain = telusur::render_snippet(snippet, "", "");
        CHECK(plain.find("banjir") != std::string::npos);
        const auto without_ellipses = plain.size() - (plain.starts_with("…") ? 3 : 0) - (plain.ends_with("…") ? 3 : 0);
        CHECK(without_ellipses <= length);
        CHECK(plain.find("…ata") == std::string::npos);  // starts at a word
    }
}

TEST_CASE("make_snippet without a match shows the start of the text") {
    CHECK(marked(make_snippet("Harga cabai turun di pasar pagi ini.", 20, query_of({"rudal"}))) == "Harga cabai turun di…");
    CHECK(marked(make_snippet("Pendek.", 100, query_of({"rudal"}))) == "Pendek.");
}

TEST_CASE("make_snippet keeps the opening bracket or quote of its first word, and marks only a real cut") {
    // The body's own start: its bracket or quote shown, no "…" (there is nothing before).
    CHECK(marked(make_snippet("(Antara) Banjir melanda kota.", 100, query_of({"banjir"}))) ==
          "(Antara) [Banjir] melanda kota.");
    CHECK(marked(make_snippet("\"Kami siap menghadapi banjir,\" kata Wali Kota.", 100, query_of({"banjir"}))) ==
          "\"Kami siap menghadapi [banjir],\" kata Wali Kota.");
    // A text that fits whole is shown whole, though the match is far from its start.
    CHECK(marked(make_snippet("Harga naik Rp 12.500, lalu banjir lagi.", 40, query_of({"banjir"}))) ==
          "Harga naik Rp 12.500, lalu [banjir] lagi.");
    // Cut inside the text: the quote opening the first word shown stays with it.
    std::string text;
    for (int i = 0; i < 30; ++i) text += "kata" + std::to_string(i) + " ";
    text += "“Banjir datang,” ujarnya. ";
    for (int i = 0; i < 30; ++i) text += "akhir" + std::to_string(i) + " ";
    const auto cut = marked(make_snippet(text, 40, query_of({"banjir"})));
    CAPTURE(cut);
    CHECK(cut.starts_with("…“[Banjir] datang,”"));
    CHECK(cut.ends_with("…"));
}

TEST_CASE("make_snippet shows line breaks and runs of white space as one space") {
    CHECK(marked(make_snippet("satu\n\ndua\r\n\ttiga   empat", 100, query_of({"tiga"}))) == "satu dua [tiga] empat");
}

TEST_CASE("make_snippet splits and lower-cases words beyond ASCII") {
    CHECK(marked(make_snippet("Kata “KUAT” dan Ésok—hari", 100, query_of({"kuat", "ésok", "hari"}))) ==
          "Kata “[KUAT]” dan [Ésok]—[hari]");
}

TEST_CASE("make_snippet gives nothing for empty text, no room, or ill-formed bytes only") {
    CHECK(make_snippet("", 100, query_of({"a"})).empty());
    CHECK(make_snippet("ada kata", 0, query_of({"ada"})).empty());
    CHECK(make_snippet("\xff\xfe", 100, query_of({"a"})).empty());
}

TEST_CASE("render_snippet wraps highlighted parts in the given markers") {
    const Snippet parts{{"Tentara ", false}, {"Korut", true}, {" tiba", false}};
    CHECK(telusur::render_snippet(parts, "[", "]") == "Tentara [Korut] tiba");
    CHECK(telusur::render_snippet(parts, "\x1b[1m", "\x1b[0m") == "Tentara \x1b[1mKorut\x1b[0m tiba");
    CHECK(telusur::render_snippet(parts, "", "") == "Tentara Korut tiba");
    CHECK(telusur::render_snippet({}, "[", "]").empty());
}

TEST_CASE("make_snippet weighs a word matched as written and through its stem as both") {
    // "tangkap" is typed: as a form it is a word, and it is its own stem. The passage with the
    // form typed wins over an earlier one with another form; the two forms are one query word,
    // so a passage with both is no better than one with the form typed.
    const std::string filler(200, ' ');
    const auto query = query_of({"tangkap"}, {"tangkap"});
    const auto far = make_snippet("Dia ditangkap pagi." + filler + "Polisi tangkap dia.", 40, query);
    CHECK(marked(far).find("[tangkap]") != std::string::npos);
    CHECK(marked(far).find("ditangkap") == std::string::npos);
    const auto both = make_snippet("Polisi tangkap dia." + filler + "Dia ditangkap lalu ditangkap lagi.", 40, query);
    CHECK(marked(both).find("[tangkap]") != std::string::npos);
}

TEST_CASE("a word the query holds only in a phrase is highlighted only where the whole phrase is") {
    auto query = query_of({"korea", "utara", "rudal"});
    query.phrases = {{"korea", "utara"}};
    query.phrase_only = {"korea", "utara"};
    const std::string text = "Korea Selatan melapor: Korea, Utara menembakkan rudal. Utara Korea tenang.";
    CHECK(marked(make_snippet(text, 200, query)) ==
          "Korea Selatan melapor: [Korea], [Utara] menembakkan [rudal]. Utara Korea tenang.");
    // A word between breaks the phrase; a word also asked for outside phrases matches anywhere.
    CHECK(marked(make_snippet("Korea bagian Utara", 200, query)) == "Korea bagian Utara");
    query.phrase_only = {"utara"};
    CHECK(marked(make_snippet("Korea Selatan dan Korea Utara", 200, query)) == "[Korea] Selatan dan [Korea] [Utara]");
}

TEST_CASE("a phrase-bound word that also matches a query stem is highlighted anywhere") {
    auto query = query_of({"tangkap", "polisi"}, {"tangkap"});
    query.phrases = {{"tangkap", "polisi"}};
    query.phrase_only = {"tangkap", "polisi"};
    CHECK(marked(make_snippet("Mereka ditangkap tadi, lalu polisi tangkap lagi; tangkap polisi.", 200, query)) ==
          "Mereka [ditangkap] tadi, lalu polisi [tangkap] lagi; [tangkap] [polisi].");
}

TEST_CASE("a part of a hyphenated word of its own matches only through the whole word's stem") {
    const auto with_whole = [](SnippetQuery query) {
        query.whole_stem = [](const std::string& word) -> std::optional<std::string> {
            if (word == "undang-undang" || word == "diundang-undang") return "undang-undang";
            return std::nullopt;
        };
        return query;
    };
    const std::string text = "Tamu diundang membahas Undang-Undang itu dan anak-anak undang teman.";
    // The verb's stem is no part of the law; a plain reduplication still stems part by part.
    CHECK(marked(make_snippet(text, 200, with_whole(query_of({}, {"undang", "anak"})))) ==
          "Tamu [diundang] membahas Undang-Undang itu dan [anak]-[anak] [undang] teman.");
    CHECK(marked(make_snippet(text, 200, with_whole(query_of({}, {"undang-undang"})))) ==
          "Tamu diundang membahas [Undang]-[Undang] itu dan anak-anak undang teman.");
    CHECK(marked(make_snippet("Ia diundang-undang lagi.", 200, with_whole(query_of({}, {"undang-undang"})))) ==
          "Ia [diundang]-[undang] lagi.");
    // Without the hook, every part is stemmed alone.
    CHECK(marked(make_snippet(text, 200, query_of({}, {"undang"}))) ==
          "Tamu [diundang] membahas [Undang]-[Undang] itu dan anak-anak [undang] teman.");
}
