// The five-article database the Searcher tests search, built with the real indexing classes.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <system_error>
#include <unistd.h>
#include <vector>

#include "telusur/article.h"
#include "telusur/index/document_builder.h"
#include "telusur/index/index_writer.h"
#include "telusur/language_data.h"
#include "telusur/search/searcher.h"

namespace telusur::test {

namespace fs = std::filesystem;

inline const telusur::LanguageData& data() {
    static const auto d = telusur::LanguageData::load(TELUSUR_STEMMER_DATA_DIR);
    return d;
}

inline telusur::Article article(std::string id, std::string title, std::string body, std::string source) {
    telusur::Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.body = std::move(body);
    a.source = std::move(source);
    a.date = "2024-11-04";
    return a;
}

/// Five short articles: three on soldiers and missiles, two unrelated.
inline std::vector<telusur::Article> five_articles() {
    return {
        article("all-three", "Tentara dan rudal di perbatasan",
                "Tentara Korea Utara menguji rudal baru di dekat perbatasan. Tentara bersiaga.", "Kabar Uji"),
        article("two-words", "Tentara berlatih",
                "Tentara berlatih di pegunungan selama sepekan. Tentara tentara tentara berlatih keras.", "Kabar Uji"),
        article("only-korut", "Korut menguji rudal", "Korut kembali menguji rudal balistik jarak jauh.", "Warta Dunia"),
        article("kyiv", "Serangan drone di Kyiv", "Kota Kyiv diserang drone pada malam hari.", "Warta Dunia"),
        article("unrelated", "Harga cabai turun", "Harga cabai di pasar tradisional turun tajam.", "Kabar Uji"),
    };
}

/// A database of `articles` in a fresh folder, removed at the end of the test.
struct Fixture {
    fs::path dir;
    explicit Fixture(const std::vector<telusur::Article>& articles = five_articles()) {
        static int counter = 0;
        dir = fs::temp_directory_path() /
              ("telusur-unit-searcher-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        fs::remove_all(dir);
        fs::create_directories(dir);
        telusur::DocumentBuilder builder(data());
        telusur::IndexWriter writer(dir / "db", 100, builder.stemmer_description());
        for (const auto& a : articles) writer.write(a.id, builder.build(a));
        writer.commit();
    }
    ~Fixture() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    Fixture(const Fixture&) = delete;
    Fixture& operator=(const Fixture&) = delete;
};

/// `query` searched with its results from `offset`, at most `limit` of them.
inline SearchResults search(Searcher& searcher, const std::string& query, std::size_t offset = 0, std::size_t limit = 10) {
    SearchRequest request;
    request.query = query;
    request.offset = offset;
    request.limit = limit;
    return searcher.search(request);
}

/// The ids of the hits, in rank order.
inline std::vector<std::string> ids(const SearchResults& results) {
    std::vector<std::string> out;
    for (const auto& hit : results.hits) out.push_back(hit.article.id);
    return out;
}

inline std::set<std::string> id_set(const SearchResults& results) {
    const auto v = ids(results);
    return {v.begin(), v.end()};
}

}  // namespace telusur::test
