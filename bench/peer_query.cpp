// Batch query runner for ../shared/peers: telusur's Searcher as one more peer.
//
//   peer_query DB QUERIES RUN_OUT LAT_OUT TAG [--k 10] [--snippet-bytes 0] [--facets person,place]
//              [--warmup-max-s 60] [--max-s 240] [--no-mmap]
//
// Same contract as the peers' xapian_query: QUERIES holds "qid<TAB>text" or "text" per line;
// a warm-up pass, then a timed pass whose per-query latency (parse, search, reading the ids of
// the top k) goes to LAT_OUT as "qid<TAB>ms<TAB>hits" and whose ranking goes to RUN_OUT as a
// TREC run. Prints one JSON line: docs, queries, warmup_queries, timed_queries.
//
// The search is the one telusur-query runs (two-tier BM25, aliases, near-duplicate collapse,
// suggestions); --snippet-bytes 0 (the default) leaves out snippets, which no peer makes.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "telusur/error.h"
#include "telusur/language_data.h"
#include "telusur/search/mapped_reads.h"
#include "telusur/search/searcher.h"

using namespace telusur;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<std::pair<std::string, std::string>> read_queries(const char* path) {
    std::vector<std::pair<std::string, std::string>> queries;
    std::ifstream in(path);
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        const auto tab = line.find('\t');
        if (tab == std::string::npos)
            queries.emplace_back(std::to_string(n), line);
        else
            queries.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
    return queries;
}

std::vector<std::string> split_commas(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

}  // namespace

int main(int argc, char** argv) {
    if (argc < 6) {
        std::fprintf(stderr,
                     "usage: peer_query DB QUERIES RUN_OUT LAT_OUT TAG [--k N] [--snippet-bytes N] "
                     "[--facets a,b] [--warmup-max-s S] [--max-s S] [--no-mmap]\n");
        return 2;
    }
    SearchRequest base;
    base.snippet_bytes = 0;
    double warmup_max_s = 60, max_s = 240;
    bool mmap = true;
    for (int i = 6; i < argc; ++i) {
        const std::string option = argv[i];
        if (option == "--no-mmap") {
            mmap = false;
            continue;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "peer_query: %s needs a value\n", option.c_str());
            return 2;
        }
        const std::string value = argv[++i];
        if (option == "--k") base.limit = std::stoul(value);
        else if (option == "--snippet-bytes") base.snippet_bytes = std::stoul(value);
        else if (option == "--facets") base.facets = split_commas(value);
        else if (option == "--warmup-max-s") warmup_max_s = std::stod(value);
        else if (option == "--max-s") max_s = std::stod(value);
        else {
            std::fprintf(stderr, "peer_query: unknown option %s\n", option.c_str());
            return 2;
        }
    }
    if (mmap) enable_mapped_reads();  // as telusur-query does, unless --no-mmap
    try {
        const auto data = LanguageData::load(find_data_dir());
        Searcher searcher(argv[1], data);
        const auto queries = read_queries(argv[2]);

        const auto run_one = [&](const std::string& text) {
            auto request = base;
            request.query = text;
            try {
                return searcher.search(request).hits;
            } catch (const QueryError&) {
                return std::vector<Hit>{};  // a query telusur refuses finds nothing, as for any peer
            }
        };

        std::size_t warm = 0;
        const auto warm_start = Clock::now();
        for (const auto& query : queries) {
            run_one(query.second);
            ++warm;
            if (seconds_since(warm_start) > warmup_max_s) break;
        }

        std::FILE* run = std::fopen(argv[3], "w");
        std::FILE* lat = std::fopen(argv[4], "w");
        if (run == nullptr || lat == nullptr) {
            std::perror("peer_query: output");
            return 1;
        }
        std::size_t timed = 0;
        const auto timed_start = Clock::now();
        for (const auto& [qid, text] : queries) {
            const auto t0 = Clock::now();
            const auto hits = run_one(text);
            const std::chrono::duration<double, std::milli> ms = Clock::now() - t0;
            std::fprintf(lat, "%s\t%.4f\t%zu\n", qid.c_str(), ms.count(), hits.size());
            for (const auto& hit : hits)
                std::fprintf(run, "%s Q0 %s %zu %.6f %s\n", qid.c_str(), hit.article.id.c_str(), hit.rank, hit.score,
                             argv[5]);
            ++timed;
            if (seconds_since(timed_start) > max_s) break;
        }
        std::fclose(run);
        std::fclose(lat);
        std::printf("{\"docs\": %u, \"queries\": %zu, \"warmup_queries\": %zu, \"timed_queries\": %zu}\n",
                    searcher.database().get_doccount(), queries.size(), warm, timed);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "peer_query: %s\n", e.what());
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "peer_query: %s\n", e.get_description().c_str());
    }
    return 1;
}
