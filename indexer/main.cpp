// telusur-index: thin main over lib/. Reads options, runs the indexing, reports.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>

#include <xapian.h>

#include "options.h"
#include "telusur/error.h"
#include "telusur/index/index_writer.h"
#include "telusur/index/indexing_run.h"
#include "telusur/language_data.h"
#include "telusur/source/input_plan.h"

namespace {

using namespace telusur;
using namespace telusur::indexer;

std::atomic<bool> g_stop{false};

extern "C" void request_stop(int) { g_stop.store(true); }

void print_summary(const IndexStats& stats, std::size_t ignored, double seconds) {
    std::fprintf(stderr,
                 "telusur-index: read %zu, indexed %zu (new %zu, replaced %zu), unchanged %zu, skipped %zu%s, "
                 "%.2f s%s\n",
                 stats.read, stats.indexed(), stats.added, stats.replaced, stats.unchanged, stats.skipped,
                 ignored > 0 ? (", ignored " + std::to_string(ignored) + " other files").c_str() : "", seconds,
                 stats.interrupted ? " (interrupted: run again to finish)" : "");
}

int run(const Options& options) {
    const auto started = std::chrono::steady_clock::now();
    const auto data = LanguageData::load(find_data_dir(options.data_dir));
    const auto plan = plan_inputs(options.inputs);
    if (plan.files.empty()) throw Error("no input: nothing to index (only .txt, .jsonl and .ndjson files are read)");

    IndexWriter writer(options.db, options.batch_size, data.make_stemmer().get_description());
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    const auto stats = run_indexing(
        plan, data, writer, [](const InputError& e) { std::cerr << "telusur-index: " << e.where_and_what() << '\n'; },
        g_stop, options.threads);

    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    if (!options.quiet) print_summary(stats, plan.ignored_files, elapsed.count());
    if (stats.interrupted) return kInterrupted;
    return stats.skipped > 0 ? kSomeSkipped : kAllIndexed;
}

}  // namespace

int main(int argc, char** argv) {
    const auto options = parse_options(argc, argv);
    try {
        return run(options);
    } catch (const telusur::Error& e) {
        std::cerr << "telusur-index: " << e.what() << '\n';
    } catch (const Xapian::Error& e) {
        std::cerr << "telusur-index: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "telusur-index: " << e.what() << '\n';
    }
    return kFatal;
}
