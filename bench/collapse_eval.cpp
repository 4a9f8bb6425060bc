// Precision and recall of near-duplicate collapse, on constructed copies and on real news.
//
//   collapse_eval [N]    N articles from ../shared/corpus-data (default 2000)
//
// 1. Constructed: each of N real articles is indexed with an edited copy (a sentence dropped,
//    a footer added, two words changed). Recall = copies clustered with their original;
//    precision = clustered pairs that are an original and its copy.
// 2. Real: the N articles alone. Every pair the indexer clustered is checked with the exact
//    Jaccard similarity of its 3-word shingle sets (not the MinHash estimate); precision = pairs
//    with exact Jaccard >= 0.5 ("mostly identical").
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "telusur/index/document_builder.h"
#include "telusur/index/index_writer.h"
#include "telusur/language_data.h"
#include "telusur/schema.h"
#include "telusur/stored_article.h"

using namespace telusur;
namespace fs = std::filesystem;

namespace {

std::vector<Article> load_articles(std::size_t limit) {
    std::vector<Article> out;
    for (const char* set : {"indonews-2025", "indosum-dev", "detik-entity-1k"}) {
        std::ifstream in(fs::path(TELUSUR_CORPUS_DATA_DIR) / set / "docs.jsonl");
        for (std::string line; out.size() < limit && std::getline(in, line);) {
            const auto j = nlohmann::json::parse(line);
            Article a;
            a.id = j.at("id");
            a.title = j.value("title", nlohmann::json()).is_string() ? j["title"].get<std::string>() : "";
            a.body = j.at("body");
            out.push_back(std::move(a));
        }
    }
    return out;
}

/// An edited copy: first sentence dropped, two words changed, a syndication footer added.
Article edited_copy(const Article& original) {
    Article copy = original;
    copy.id = "copy:" + original.id;
    if (const auto dot = copy.body.find(". "); dot != std::string::npos && dot < copy.body.size() / 4)
        copy.body.erase(0, dot + 2);
    for (const auto& [from, to] : {std::pair{" dan ", " serta "}, std::pair{" yang ", " yg "}})
        if (const auto at = copy.body.find(from); at != std::string::npos) copy.body.replace(at, std::string_view(from).size(), to);
    copy.body += "\n\nArtikel ini telah tayang di media mitra kami.";
    return copy;
}

std::set<std::string> shingles(const std::vector<std::string>& words) {
    std::set<std::string> out;
    for (std::size_t i = 0; i + 2 < words.size(); ++i) out.insert(words[i] + " " + words[i + 1] + " " + words[i + 2]);
    return out;
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::size_t common = 0;
    for (const auto& s : a) common += b.count(s);
    const auto all = a.size() + b.size() - common;
    return all == 0 ? 0 : static_cast<double>(common) / static_cast<double>(all);
}

/// Indexes `articles`, returns id → cluster key.
std::map<std::string, std::string> cluster_ids(const std::vector<Article>& articles, const LanguageData& data,
                                               const fs::path& db) {
    fs::remove_all(db);
    DocumentBuilder builder(data);
    {
        IndexWriter writer(db, 5000, builder.stemmer_description());
        for (auto a : articles) {
            data.cleaner.clean(a);
            auto doc = builder.build(a);
            writer.write(a.id, std::move(doc));
        }
        writer.commit();
    }
    std::map<std::string, std::string> clusters;
    Xapian::Database read(db.string());
    for (auto it = read.postlist_begin(""); it != read.postlist_end(""); ++it) {
        const auto doc = read.get_document(*it);
        // Every document has its cluster term, lone ones too.
        clusters[decode_stored_article(doc.get_data()).id] = schema::term_after_prefix(doc, schema::kClusterPrefix);
    }
    return clusters;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::stoul(argv[1]) : 2000;
    const auto data = LanguageData::load(TELUSUR_SOURCE_DATA_DIR);
    const auto articles = load_articles(n);
    const auto db = fs::temp_directory_path() / "telusur-collapse-eval";

    // 1. Constructed duplicates.
    std::vector<Article> with_copies = articles;
    for (const auto& a : articles) with_copies.push_back(edited_copy(a));
    const auto clusters = cluster_ids(with_copies, data, db);
    std::size_t found = 0, pairs = 0, true_pairs = 0;
    std::map<std::string, std::vector<std::string>> members;
    for (const auto& [id, key] : clusters) members[key].push_back(id);
    for (const auto& a : articles) found += clusters.at(a.id) == clusters.at("copy:" + a.id) ? 1 : 0;
    for (const auto& [key, ids] : members)
        for (std::size_t i = 0; i < ids.size(); ++i)
            for (std::size_t j = i + 1; j < ids.size(); ++j) {
                ++pairs;
                const auto& x = ids[i];
                const auto& y = ids[j];
                true_pairs += (y == "copy:" + x || x == "copy:" + y) ? 1 : 0;
            }
    std::cout << "| set | articles | clustered pairs | precision | recall |\n|---|---:|---:|---:|---:|\n";
    std::cout << "| constructed (original + edited copy) | " << with_copies.size() << " | " << pairs << " | "
              << (pairs ? static_cast<double>(true_pairs) / static_cast<double>(pairs) : 1.0) << " | "
              << static_cast<double>(found) / static_cast<double>(articles.size()) << " |\n";

    // 2. Real articles: check every clustered pair with the exact Jaccard of its shingles.
    const auto real = cluster_ids(articles, data, db);
    std::map<std::string, std::vector<std::string>> groups;
    for (const auto& [id, key] : real) groups[key].push_back(id);
    std::map<std::string, std::vector<std::string>> words;
    {
        Analyzer analyzer(data.stopwords);
        for (auto a : articles) {
            data.cleaner.clean(a);
            std::vector<std::string> w;
            for (const auto& t : analyzer.analyze(a.body)) w.insert(w.end(), t.parts.begin(), t.parts.end());
            words[a.id] = std::move(w);
        }
    }
    std::size_t real_pairs = 0, good = 0;
    for (const auto& [key, ids] : groups)
        for (std::size_t i = 0; i < ids.size(); ++i)
            for (std::size_t j = i + 1; j < ids.size(); ++j) {
                ++real_pairs;
                const auto similarity = jaccard(shingles(words[ids[i]]), shingles(words[ids[j]]));
                good += similarity >= 0.5 ? 1 : 0;
                if (similarity < 0.5) std::cerr << "weak pair: " << ids[i] << " " << ids[j] << " J=" << similarity << '\n';
            }
    std::cout << "| real (../shared/corpus-data) | " << articles.size() << " | " << real_pairs << " | "
              << (real_pairs ? static_cast<double>(good) / static_cast<double>(real_pairs) : 1.0)
              << " (exact Jaccard >= 0.5) | n/a |\n";
    fs::remove_all(db);
    return 0;
}
