// In-process query latency of Searcher::search, without HTTP: where does a query's time go?
//
//   search_latency DB QUERIES_FILE [ROUNDS]
//
// Runs every query ROUNDS times (after one warm-up round) in each configuration and prints
// p50/p99 in ms: full (snippets, collapse, suggestions), no snippets, no collapse, and with two
// facets.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "telusur/language_data.h"
#include "telusur/search/searcher.h"

using namespace telusur;

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: search_latency DB QUERIES_FILE [ROUNDS]\n");
        return 2;
    }
    const int rounds = argc > 3 ? std::stoi(argv[3]) : 3;
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

    std::printf("| configuration | queries | p50 ms | p99 ms |\n|---|---:|---:|---:|\n");
    for (const auto& config : configs) {
        std::vector<double> ms;
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
            }
        }
        std::sort(ms.begin(), ms.end());
        const auto pct = [&](double p) { return ms[static_cast<std::size_t>(p * static_cast<double>(ms.size() - 1))]; };
        std::printf("| %s | %zu | %.2f | %.2f |\n", config.name, ms.size(), pct(0.5), pct(0.99));
    }
    return 0;
}
