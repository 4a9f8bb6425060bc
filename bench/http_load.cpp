// Bounded HTTP load test of `telusur-query --serve` on 127.0.0.1.
//
//   http_load PORT QUERIES_FILE CLIENTS REQUESTS_PER_CLIENT
//
// Each client thread keeps one connection and sends its requests back to back (closed loop),
// cycling through the queries. Prints one markdown row: clients, requests, errors, requests/s,
// p50 and p99 latency in ms.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: http_load PORT QUERIES_FILE CLIENTS REQUESTS_PER_CLIENT\n");
        return 2;
    }
    const int port = std::stoi(argv[1]);
    const int clients = std::stoi(argv[3]);
    const int per_client = std::stoi(argv[4]);
    std::vector<std::string> queries;
    std::ifstream in(argv[2]);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) queries.push_back(httplib::detail::encode_query_param(line));
    if (queries.empty()) return 2;

    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(clients));
    std::atomic<int> errors{0};
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            httplib::Client client("127.0.0.1", port);
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true);
            client.set_read_timeout(30, 0);
            auto& mine = latencies[static_cast<std::size_t>(c)];
            for (int i = 0; i < per_client; ++i) {
                const auto& q = queries[static_cast<std::size_t>(c * per_client + i) % queries.size()];
                const auto t0 = std::chrono::steady_clock::now();
                const auto res = client.Get(("/search?limit=10&q=" + q).c_str());
                const std::chrono::duration<double, std::milli> dt = std::chrono::steady_clock::now() - t0;
                if (!res || res->status != 200) ++errors;
                mine.push_back(dt.count());
            }
        });
    }
    for (auto& t : threads) t.join();
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - started;
    std::vector<double> all;
    for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    std::sort(all.begin(), all.end());
    const auto pct = [&](double p) { return all[static_cast<std::size_t>(p * static_cast<double>(all.size() - 1))]; };
    std::printf("| %d | %zu | %d | %.0f | %.2f | %.2f |\n", clients, all.size(), errors.load(),
                static_cast<double>(all.size()) / wall.count(), pct(0.50), pct(0.99));
    return errors.load() == 0 ? 0 : 1;
}
