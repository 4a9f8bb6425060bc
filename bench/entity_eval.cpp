// entity_eval: quality of telusur's date and entity extraction.
//
//   entity_eval [--data-dir DIR] [--gold FILE] [--corpus-dir DIR] [--detik FILE] [--show ID|all]
//               [--sample-detik N]
//
// 1. Precision and recall per kind (person, place, org) and date accuracy on the hand-annotated
//    gold set tests/data/entities-gold.jsonl (exact match of canonical names, micro-averaged).
// 2. A second opinion: agreement with the LLM-made entity lists of detik-entity-1k (not ground
//    truth, never tuned to), and the extraction speed on its 909 articles.
// Prints a markdown report on stdout. --show ID prints, for one gold article (or all), what was
// extracted next to the gold, for development; --sample-detik N prints the entities of every
// Nth detik article on stderr, to judge precision by hand.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "telusur/analysis/normalizer.h"
#include "telusur/extract/date_extractor.h"
#include "telusur/extract/entity_extractor.h"
#include "telusur/language_data.h"
#include "telusur/source/text_file_reader.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

struct GoldArticle {
    telusur::Article article;
    std::map<std::string, std::set<std::string>> names;  // "person"/"place"/"org" → names
    std::string date;                                     // "YYYY-MM-DD" or empty
};

/// Reads the gold file; a line with "path" (relative to corpus/) is read and cleaned like the
/// indexer does, otherwise its "title" and "body" are used as they are.
std::vector<GoldArticle> read_gold(const fs::path& file, const fs::path& corpus, const telusur::LanguageData& data) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot open " + file.string());
    std::vector<GoldArticle> gold;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto j = json::parse(line);
        GoldArticle g;
        if (j.contains("path") && j["path"].is_string()) {
            g.article = telusur::read_text_file(corpus / j["path"].get<std::string>(), j["id"]);
            data.cleaner.clean(g.article);
        } else {
            g.article.id = j["id"];
            g.article.title = j.value("title", json()).is_string() ? j["title"].get<std::string>() : "";
            g.article.body = j["body"];
        }
        g.article.date = j["date"].is_string() ? j["date"].get<std::string>() : "";
        for (const auto* kind : {"person", "place", "org"}) {
            g.names[kind];
            for (const auto& name : j["gold"][kind]) g.names[kind].insert(name.get<std::string>());
        }
        g.date = j["gold"]["date"].is_string() ? j["gold"]["date"].get<std::string>() : "";
        gold.push_back(std::move(g));
    }
    return gold;
}

struct Counts {
    std::size_t true_positive = 0, false_positive = 0, false_negative = 0;
    double precision() const {
        return true_positive + false_positive ? double(true_positive) / double(true_positive + false_positive) : 1.0;
    }
    double recall() const {
        return true_positive + false_negative ? double(true_positive) / double(true_positive + false_negative) : 1.0;
    }
};

std::string option(int argc, char** argv, const std::string& name, const std::string& fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == name) return argv[i + 1];
    return fallback;
}

}  // namespace

int main(int argc, char** argv) try {
    const fs::path data_dir = option(argc, argv, "--data-dir", TELUSUR_SOURCE_DATA_DIR);
    const fs::path gold_file = option(argc, argv, "--gold", TELUSUR_GOLD_FILE);
    const fs::path corpus_dir = option(argc, argv, "--corpus-dir", TELUSUR_CORPUS_DIR);
    const fs::path detik_file = option(argc, argv, "--detik", TELUSUR_DETIK_FILE);
    const std::string show = option(argc, argv, "--show", "");
    const auto sample_every = std::stoul(option(argc, argv, "--sample-detik", "0"));

    const auto data = telusur::LanguageData::load(data_dir);
    const auto gazetteer = telusur::Gazetteer::load(data_dir / "gazetteers");
    const telusur::EntityExtractor extractor(gazetteer, data.aliases);
    telusur::Tokenizer tokenizer;

    // 1. Gold set.
    const auto gold = read_gold(gold_file, corpus_dir, data);
    // Subsets: "held-out" articles (ids gold/held-*) were written and annotated after the rules
    // were frozen; the rest were seen while the rules were developed.
    std::map<std::string, std::map<std::string, Counts>> counts;  // subset → kind → counts
    std::map<std::string, std::pair<std::size_t, std::size_t>> dates;  // subset → right, total
    std::size_t dates_right = 0;
    std::vector<std::string> errors;
    for (const auto& g : gold) {
        std::map<std::string, std::set<std::string>> found;
        for (const auto& e : extractor.extract(g.article.title, g.article.body, tokenizer))
            found[std::string(telusur::to_string(e.kind))].insert(e.name);
        const std::string subset = g.article.id.find("/held-") != std::string::npos ? "held-out" : "development";
        for (const auto* kind : {"person", "place", "org"}) {
            auto& c = counts[subset][kind];
            auto& t = counts["all"][kind];
            for (const auto& name : found[kind]) {
                if (g.names.at(kind).contains(name)) {
                    ++c.true_positive;
                    ++t.true_positive;
                } else {
                    ++c.false_positive;
                    ++t.false_positive;
                    errors.push_back("FP " + std::string(kind) + "\t" + name + "\t" + g.article.id);
                }
            }
            for (const auto& name : g.names.at(kind))
                if (!found[kind].contains(name)) {
                    ++c.false_negative;
                    ++t.false_negative;
                    errors.push_back("FN " + std::string(kind) + "\t" + name + "\t" + g.article.id);
                }
        }
        const auto date = telusur::extract_date(g.article);
        const auto iso = date ? date->iso() : "";
        ++dates[subset].second;
        ++dates["all"].second;
        if (iso == g.date) {
            ++dates_right;
            ++dates[subset].first;
            ++dates["all"].first;
        } else errors.push_back("DATE\t" + (iso.empty() ? "none" : iso) + " (gold " + (g.date.empty() ? "none" : g.date) + ")\t" + g.article.id);
        if (show == "all" || show == g.article.id) {
            std::cerr << "== " << g.article.id << "  date " << (iso.empty() ? "none" : iso) << "\n";
            for (const auto& e : extractor.extract(g.article.title, g.article.body, tokenizer))
                std::cerr << "  " << telusur::to_string(e.kind) << "\t" << e.name << "\t" << e.mentions << "\n";
        }
    }

    std::printf("## Gold set: %s (%zu articles)\n\n", gold_file.filename().c_str(), gold.size());
    for (const auto* subset : {"all", "development", "held-out"}) {
        const auto [right, total] = dates[subset];
        std::printf("### %s (%zu articles)\n\n", subset, total);
        std::printf("| kind | gold | found | correct | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|\n");
        Counts sum;
        for (const auto* kind : {"person", "place", "org"}) {
            const auto& c = counts[subset][kind];
            sum.true_positive += c.true_positive;
            sum.false_positive += c.false_positive;
            sum.false_negative += c.false_negative;
            const double f1 = 2 * c.precision() * c.recall() / std::max(1e-9, c.precision() + c.recall());
            std::printf("| %s | %zu | %zu | %zu | %.3f | %.3f | %.3f |\n", kind, c.true_positive + c.false_negative,
                        c.true_positive + c.false_positive, c.true_positive, c.precision(), c.recall(), f1);
        }
        std::printf("| all kinds | %zu | %zu | %zu | %.3f | %.3f | |\n\n", sum.true_positive + sum.false_negative,
                    sum.true_positive + sum.false_positive, sum.true_positive, sum.precision(), sum.recall());
        std::printf("Date accuracy: %zu / %zu = %.3f\n\n", right, total, total ? double(right) / double(total) : 1.0);
    }
    std::printf("### Errors\n\n```\n");
    for (const auto& e : errors) std::printf("%s\n", e.c_str());
    std::printf("```\n\n");

    // 2. detik-entity-1k as a second opinion.
    std::ifstream detik(detik_file);
    if (!detik) {
        std::printf("(detik-entity-1k not found at %s: skipped)\n", detik_file.c_str());
        return 0;
    }
    const telusur::Normalizer normalizer;
    std::size_t docs = 0, ours = 0, ours_supported = 0, theirs = 0, theirs_covered = 0;
    std::map<std::string, std::size_t> kind_total, kind_supported;
    double seconds = 0;
    std::string line;
    while (std::getline(detik, line)) {
        const auto j = json::parse(line);
        const std::string title = j["title"].is_string() ? j["title"].get<std::string>() : "";
        const std::string body = j["body"];
        const auto start = std::chrono::steady_clock::now();
        const auto entities = extractor.extract(title, body, tokenizer);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        ++docs;
        if (sample_every > 0 && docs % sample_every == 0) {
            std::cerr << "== " << j["id"].get<std::string>() << " " << title << "\n";
            for (const auto& e : entities)
                std::cerr << "  " << telusur::to_string(e.kind) << "\t" << e.name << "\t" << e.mentions << "\n";
        }
        std::vector<std::string> their_names;
        for (const auto& [group, list] : j["entities"].items())
            for (const auto& name : list) their_names.push_back(normalizer.normalize(name.get<std::string>()));
        // Every name of an entity: canonical plus its aliases ("Perserikatan Bangsa-Bangsa", "PBB").
        std::vector<std::vector<std::string>> our_names;
        for (const auto& e : entities) {
            std::vector<std::string> names{normalizer.normalize(e.name)};
            if (const auto* group = data.aliases.find(e.name))
                for (const auto& n : *group) names.push_back(normalizer.normalize(n));
            our_names.push_back(std::move(names));
        }
        auto contains = [](const std::string& haystack, const std::string& needle) {
            return haystack.find(needle) != std::string::npos;
        };
        for (std::size_t k = 0; k < entities.size(); ++k) {
            const auto kind = std::string(telusur::to_string(entities[k].kind));
            ++ours;
            ++kind_total[kind];
            const bool supported = std::any_of(their_names.begin(), their_names.end(), [&](const std::string& t) {
                return std::any_of(our_names[k].begin(), our_names[k].end(),
                                   [&](const std::string& n) { return contains(t, n) || contains(n, t); });
            });
            if (supported) {
                ++ours_supported;
                ++kind_supported[kind];
            }
        }
        for (const auto& t : their_names) {
            ++theirs;
            const bool covered = std::any_of(our_names.begin(), our_names.end(), [&](const auto& names) {
                return std::any_of(names.begin(), names.end(),
                                   [&](const std::string& n) { return contains(t, n) || contains(n, t); });
            });
            if (covered) ++theirs_covered;
        }
    }
    std::printf("## Second opinion: detik-entity-1k (%zu articles, LLM-made untyped lists)\n\n", docs);
    std::printf("An entity agrees when one of its names (canonical or alias) and one of the article's listed\n"
                "entity strings contain each other, case-folded (\"Prabowo Subianto\" agrees with\n"
                "\"Presiden Prabowo Subianto\"). The lists mix named entities with roles and generic groups\n"
                "(\"Masyarakat\", \"Kepala Daerah\"), so coverage is a floor, not a recall.\n\n");
    std::printf("| measure | value |\n|---|---:|\n");
    std::printf("| our entities found in their list | %zu / %zu = %.3f |\n", ours_supported, ours,
                ours ? double(ours_supported) / double(ours) : 0.0);
    for (const auto& [kind, total] : kind_total)
        std::printf("| … %s | %zu / %zu = %.3f |\n", kind.c_str(), kind_supported[kind], total,
                    double(kind_supported[kind]) / double(total));
    std::printf("| their entries covered by ours | %zu / %zu = %.3f |\n", theirs_covered, theirs,
                theirs ? double(theirs_covered) / double(theirs) : 0.0);
    std::printf("| extraction speed (one thread) | %.0f articles/s |\n", seconds > 0 ? double(docs) / seconds : 0.0);
    return 0;
} catch (const std::exception& e) {
    std::cerr << "entity_eval: " << e.what() << "\n";
    return 2;
}
