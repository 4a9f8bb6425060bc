// Reduplicated query words (anak-anak): found outside quotes, searched by their stem.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <xapian.h>

#include "telusur/language_data.h"
#include "telusur/search/reduplication.h"

using telusur::find_reduplications;
using telusur::Reduplication;
using telusur::stem_reduplications;

namespace {

const telusur::LanguageData& data() {
    static const auto d = telusur::LanguageData::load(TELUSUR_STEMMER_DATA_DIR);
    return d;
}

std::vector<Reduplication> find(const std::string& query) {
    telusur::Tokenizer tokenizer;
    return find_reduplications(query, tokenizer, data().make_stemmer(), data().stopwords,
                               *data().stemmer_data.stemmer());
}

Xapian::Query phrase(const std::vector<std::string>& words) {
    return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), static_cast<Xapian::termcount>(words.size()));
}

}  // namespace

TEST_CASE("find_reduplications takes hyphenated words whose parts share one stem, outside quotes") {
    const auto found = find("anak-anak sekolah berlari-lari \"rumah-rumah\" Korea-Jepang sayur-mayur");
    REQUIRE(found.size() == 2);
    CHECK(found[0].parts == std::vector<std::string>{"anak", "anak"});
    CHECK(found[0].stem == "anak");
    CHECK(found[1].parts == std::vector<std::string>{"berlari", "lari"});
    CHECK(found[1].stem == "lari");
    CHECK(find("negara-negaranya").at(0).stem == "negara");
    // A name keeps its capitals whole; a stopword has no stem to share.
    CHECK(find("Anak-Anak").empty());
    CHECK(find("yang-yang").empty());
    CHECK(find("anak sekolah").empty());
}

TEST_CASE("find_reduplications takes a word listed whole with its own stem, capitalised or not") {
    const auto found = find("perundang-undangan Undang-Undang \"undang-undang\" rata-rata");
    REQUIRE(found.size() == 3);
    CHECK(found[0].parts == std::vector<std::string>{"perundang", "undangan"});
    CHECK(found[0].stem == "undang-undang");
    CHECK(found[1].parts == std::vector<std::string>{"undang", "undang"});
    CHECK(found[1].stem == "undang-undang");
    CHECK(found[2].stem == "rata-rata");
}

TEST_CASE("stem_reduplications puts the stem term for the phrase everywhere, or only where it excludes") {
    using telusur::ReduplicationScope;
    const std::vector<Reduplication> words{{{"anak", "anak"}, "anak"}};
    const auto typed = phrase({"anak", "anak"});
    const auto stem = Xapian::Query("Zanak");
    const Xapian::Query query(Xapian::Query::OP_AND, typed, Xapian::Query("Zsekolah"));
    CHECK(stem_reduplications(query, words, ReduplicationScope::Everywhere).get_description() ==
          Xapian::Query(Xapian::Query::OP_AND, stem, Xapian::Query("Zsekolah")).get_description());
    CHECK(stem_reduplications(query, words, ReduplicationScope::Exclusions).get_description() == query.get_description());

    // Excluded, it excludes every form in either scope; another phrase stays.
    const Xapian::Query excluding(Xapian::Query::OP_AND_NOT, phrase({"anak", "sekolah"}), typed);
    const Xapian::Query expected(Xapian::Query::OP_AND_NOT, phrase({"anak", "sekolah"}), stem);
    for (const auto scope : {ReduplicationScope::Everywhere, ReduplicationScope::Exclusions})
        CHECK(stem_reduplications(excluding, words, scope).get_description() == expected.get_description());
}
