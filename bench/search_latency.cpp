// In-process query latency of Searcher::search, without HTTP: where does a query's time go?
//
//   search_latency DB QUERIES_FILE [ROUNDS] [CONFIG] [--no-mmap]
//
// Runs every query ROUNDS times (after one warm-up round) in each configuration and prints
// mean/p50/p99 in ms: full (snippets, collapse, suggestions), no snippets, no collapse, and with
// two facets. CONFIG (1-4) runs only that one, e.g. under `perf record`. Database tables are read
// through memory maps, as telusur-query reads them, unless --no-mmap.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "telusur/language_data.h"
#include "telusur/search/mapped_reads.h"
#include "telusur/search/searcher.h"

using namespace telusur;

namespace {

int run(int argc, char** argv) {
    const int rounds = argc > 3 ? std::stoi(argv[3]) : 3;
    const std::size_t only = argc > 4 ? std::stoul(argv[4]) : 0;
    const auto data = LanguageData::load(find_data_dir());
    Searcher searcher(argv[1], data);
    std::vector<std::string> queries;
    std::ifstream in(argv[2]);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) queries.push_back(line);

    struct Config {
        const char* name;
        SearchRequest base;
    };
    std::vector<Config> configs(4);
    configs[0].name = "full (snippets, collapse, suggestions)";
    configs[1].name = "no snippets";
    configs[1].base.snippet_bytes = 0;
    configs[2].name = "no collapse";
    configs[2].base.collapse = false;
    configs[3].name = "full + facets person, place";
    configs[3].base.facets = {"person", "place"};

    std::printf("| configuration | queries | mean ms | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|\n");
    for (std::size_t c = 0; c < configs.size(); ++c) {
        if (only != 0 && only != c + 1) continue;
        const auto& config = configs[c];
        std::vector<double> ms;
        std::vector<std::pair<double, const std::string*>> slowest;  // last round, per query
        for (int round = 0; round <= rounds; ++round) {
            for (const auto& q : queries) {
                auto request = config.base;
                request.query = q;
                const auto t0 = std::chrono::steady_clock::now();
                try {
                    searcher.search(request);
                } catch (const QueryError&) {
                }
                const std::chrono::duration<double, std::milli> dt = std::chrono::steady_clock::now() - t0;
                if (round > 0) ms.push_back(dt.count());  // round 0 warms the caches
                if (round == rounds) slowest.emplace_back(dt.count(), &q);
            }
        }
        // The slowest queries, on stderr: where to look next.
        std::sort(slowest.begin(), slowest.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (std::size_t i = 0; i < std::min<std::size_t>(5, slowest.size()); ++i)
            std::fprintf(stderr, "  %.2f ms  %s\n", slowest[i].first, slowest[i].second->c_str());
        std::sort(ms.begin(), ms.end());
        const auto pct = [&](double p) { return ms[static_cast<std::size_t>(p * static_cast<double>(ms.size() - 1))]; };
        double sum = 0;
        for (const double m : ms) sum += m;
        std::printf("| %s | %zu | %.2f | %.2f | %.2f |\n", config.name, ms.size(), sum / static_cast<double>(ms.size()),
                    pct(0.5), pct(0.99));
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[argc - 1]) == "--no-mmap")
        --argc;
    else
        enable_mapped_reads();
    if (argc < 3) {
        std::fprintf(stderr, "usage: search_latency DB QUERIES_FILE [ROUNDS] [CONFIG] [--no-mmap]\n");
        return 2;
    }
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {  // a database of another stemmer, a bad path
        std::fprintf(stderr, "search_latency: %s\n", e.what());
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "search_latency: %s\n", e.get_description().c_str());
    }
    return 1;
}
