// telusur-index: thin main over lib/. Reads options, runs the indexing, reports.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <functional>
#include <iterator>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include <xapian.h>

#include "options.h"
#include "progress_line.h"
#include "telusur/error.h"
#include "telusur/index/compaction.h"
#include "telusur/index/deletion.h"
#include "telusur/index/index_writer.h"
#include "telusur/index/indexing_run.h"
#include "telusur/language_data.h"
#include "telusur/source/decompressing_stream.h"
#include "telusur/source/id_list.h"
#include "telusur/source/input_plan.h"
#include "telusur/xapian_error_text.h"

namespace {

using namespace telusur;
using namespace telusur::indexer;

std::atomic<bool> g_stop{false};

std::atomic<bool> g_announce_stop{true};  // false with --quiet
std::atomic<bool> g_progress_shown{false};

/// The first SIGINT or SIGTERM stops the run after the records in progress, committing them.
/// Input waits look at the flag (StoppableInput), but a very long article or a large commit
/// does not, so a second signal ends the process at once: a commit is atomic, so the database
/// keeps what was committed before, and the next run goes on from there.
extern "C" void request_stop(int) {
    if (g_stop.exchange(true)) {
        constexpr char kAtOnce[] = "telusur-index: stopped at once; the database holds the batches committed before\n";
        [[maybe_unused]] const auto written = ::write(STDERR_FILENO, kAtOnce, sizeof kAtOnce - 1);
        std::_Exit(kInterrupted);
    }
    if (g_announce_stop.load()) {
        constexpr char kStopping[] =
            "\ntelusur-index: stopping after the records in progress (interrupt again to stop at once)\n";
        const auto skip = g_progress_shown.load() ? 0 : 1;  // a newline ends the progress line
        [[maybe_unused]] const auto written = ::write(STDERR_FILENO, kStopping + skip, sizeof kStopping - 1 - skip);
    }
}

std::terminate_handler g_default_terminate = nullptr;

/// Xapian 1.4 ends the process inside a commit that fails (a full disk) when its own clean-up
/// fails too. Its commits are atomic, so the database keeps the batches committed before: said
/// as for any failed write, with the way on and exit 2, instead of "terminate called …" and a
/// core dump. Any other terminate goes to the default handler.
[[noreturn]] void on_terminate() {
    if (const auto* db = IndexWriter::database_being_committed()) {
        std::string reason = "Xapian stopped in the middle of a commit";
        try {
            if (const auto current = std::current_exception()) std::rethrow_exception(current);
        } catch (const Xapian::Error& e) {
            reason += ": " + xapian_error_text(e);
        } catch (...) {
        }
        const auto line = "telusur-index: " + IndexWriter::write_failure(*db, reason) + "\n";
        [[maybe_unused]] const auto written = ::write(STDERR_FILENO, line.data(), line.size());
        std::_Exit(kFatal);
    }
    g_default_terminate();
    std::abort();  // the default handler does not return
}

constexpr double kMiB = 1024.0 * 1024.0;

/// Documents per second as the summary shows it: whole above 10, else with a decimal, so one
/// long article read in 2 s says 0.5, not 0.
std::string docs_per_second_text(double rate) {
    if (rate >= 10) return with_thousands(static_cast<std::uint64_t>(rate));
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", rate);
    return text;
}

void print_summary(const IndexStats& stats, std::size_t ignored, double seconds) {
    const double per_second = seconds > 0 ? 1.0 / seconds : 0.0;
    std::fprintf(stderr,
                 "telusur-index: read %zu, indexed %zu (new %zu, replaced %zu), unchanged %zu, skipped %zu%s%s, "
                 "%.2f s, %s docs/s, %.1f MiB/s%s\n",
                 stats.read, stats.indexed(), stats.added, stats.replaced, stats.unchanged, stats.skipped,
                 stats.repeated_ids > 0 ? (", repeated ids " + std::to_string(stats.repeated_ids)).c_str() : "",
                 ignored > 0 ? (", ignored " + std::to_string(ignored) + " other files").c_str() : "", seconds,
                 docs_per_second_text(static_cast<double>(stats.read) * per_second).c_str(),
                 static_cast<double>(stats.bytes) / kMiB * per_second,
                 stats.interrupted ? " (interrupted: run again to finish)" : "");
}

/// The input's size when every file is a plain file whose size says how much text it holds:
/// not stdin, not compressed.
std::optional<std::uint64_t> known_input_bytes(const InputPlan& plan) {
    std::uint64_t total = 0;
    for (const auto& file : plan.files) {
        if (!file.problem.empty()) continue;  // reported, not read
        if (file.path.empty() || compression_of(file.path) != Compression::None) return std::nullopt;
        std::error_code ec;
        const auto size = std::filesystem::file_size(file.path, ec);
        if (ec) return std::nullopt;
        total += size;
    }
    return total;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string seconds_text(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f s", seconds);
    return text;
}

/// Compaction writes a copy and swaps it in at the end, so stopping midway is harmless: Ctrl-C
/// stops it at once rather than after minutes, and says so (a bare exit 130 reads as a crash).
extern "C" void stop_compaction(int) {
    constexpr char kStopped[] = "\ntelusur-index: compaction stopped; the database is as it was before "
                                "(the next --compact removes the partial copy)\n";
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, kStopped, sizeof kStopped - 1);
    std::_Exit(kInterrupted);
}

/// Finishing a run (the last commit; merging segments, which copies them and swaps the result
/// in) is harmless to stop midway too.
extern "C" void stop_finishing(int) {
    constexpr char kStopped[] = "\ntelusur-index: stopped at once while finishing; the database keeps its last commit, "
                                "and the next run goes on from there (merging any segments left)\n";
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, kStopped, sizeof kStopped - 1);
    std::_Exit(kInterrupted);
}

int compact(const Options& options) {
    std::signal(SIGINT, stop_compaction);
    std::signal(SIGTERM, stop_compaction);
    const auto started = std::chrono::steady_clock::now();
    const auto result = compact_in_place(options.db);
    if (!options.quiet)
        std::fprintf(stderr, "telusur-index: compacted %s: %.1f MiB -> %.1f MiB, %.2f s\n", options.db.c_str(),
                     static_cast<double>(result.bytes_before) / kMiB, static_cast<double>(result.bytes_after) / kMiB,
                     seconds_since(started));
    return kAllIndexed;
}

/// The ids of --delete and --delete-from, read before the database is locked (a list on a pipe
/// may take a while). A bad line of the list is reported through `tell` and sets `bad_line`.
std::vector<ListedId> ids_to_delete(const Options& options, const std::function<void(const InputError&)>& tell,
                                    bool& bad_line) {
    std::vector<ListedId> ids;
    for (const auto& id : options.delete_ids) ids.push_back({id, "--delete", 0});
    if (!options.delete_from.empty()) {
        const auto on_bad_line = [&](const InputError& e) {
            bad_line = true;
            tell(e);
        };
        auto listed = read_id_list(options.delete_from, on_bad_line, &g_stop);
        ids.insert(ids.end(), std::make_move_iterator(listed.begin()), std::make_move_iterator(listed.end()));
    }
    return ids;
}

int run(const Options& options) {
    g_announce_stop.store(!options.quiet);
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    // A file-size limit (`ulimit -f`) fails the write that reaches it with EFBIG, reported like
    // a full disk with the way on; its signal would kill the run without a word.
    std::signal(SIGXFSZ, SIG_IGN);
    if (options.inputs.empty() && !options.deletes()) return compact(options);

    const auto started = std::chrono::steady_clock::now();
    std::optional<ProgressLine> progress;
    const auto tell = [&progress](const InputError& e) {
        if (progress) progress->clear();
        std::cerr << "telusur-index: " << e.where_and_what() << '\n';
    };
    bool bad_id_line = false;
    const auto ids = ids_to_delete(options, tell, bad_id_line);
    if (g_stop.load()) return kInterrupted;  // while the list was read: nothing done
    // Deleting from no database would create an empty one.
    if (options.inputs.empty() && !std::filesystem::exists(std::filesystem::path(options.db) / "iamglass"))
        throw Error("no database at '" + options.db + "': nothing to delete from");
    const auto data = LanguageData::load(find_data_dir(options.data_dir));
    InputPlan plan;
    if (!options.inputs.empty()) {
        plan = plan_inputs(options.inputs);
        plan.fields = options.fields;
        if (options.stdin_csv)
            for (auto& file : plan.files)
                if (file.path.empty()) file.format = InputFormat::Csv;
        if (plan.files.empty())
            throw Error("no input: nothing to index (only .txt, .jsonl, .ndjson and .csv files are read)");
        if (!options.quiet && (options.progress || isatty(STDERR_FILENO))) {
            progress.emplace(stderr, known_input_bytes(plan));
            g_progress_shown.store(true);
        }
    }
    IndexStats stats;
    DeletionStats deletion;
    std::optional<CompactionResult> merged;
    {
        IndexWriter writer(options.db, options.batch_size, data.make_stemmer().get_description(), options.segment_size);
        if (options.deletes()) deletion = delete_articles(ids, writer, tell, g_stop);
        if (!options.inputs.empty() && !deletion.interrupted)
            stats = run_indexing(
                plan, data, writer, tell, tell, g_stop, options.threads,
                [&progress](const IndexStats& so_far) {
                    if (progress) progress->update(so_far);
                });
        if (progress) progress->clear();
        if (const auto others = writer.documents_of_other_stemmers(); others > 0)
            std::cerr << "telusur-index: " << others << " of the " << writer.document_count()
                      << " documents were built with other stemmer-data or by an older telusur: index their articles "
                         "again (telusur-query refuses the database until then)\n";
        // A second Ctrl-C stops the last commit or the merge at once (stop_finishing).
        std::signal(SIGINT, stop_finishing);
        std::signal(SIGTERM, stop_finishing);
        merged = writer.close();
    }

    if (!options.quiet && options.deletes())
        std::fprintf(stderr, "telusur-index: deleted %zu, not found %zu%s%s\n", deletion.deleted, deletion.not_found,
                     options.inputs.empty() ? (", " + seconds_text(seconds_since(started))).c_str() : "",
                     deletion.interrupted ? " (interrupted: run again to finish)" : "");
    if (!options.quiet && !options.inputs.empty() && !deletion.interrupted)
        print_summary(stats, plan.ignored_files, seconds_since(started));
    if (stats.interrupted || deletion.interrupted) return kInterrupted;
    if (options.compact && !merged) compact(options);  // a merged build is compacted already
    return stats.skipped > 0 || stats.repeated_ids > 0 || deletion.not_found > 0 || bad_id_line ? kSomeSkipped
                                                                                               : kAllIndexed;
}

}  // namespace

int main(int argc, char** argv) {
    g_default_terminate = std::set_terminate(on_terminate);
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
