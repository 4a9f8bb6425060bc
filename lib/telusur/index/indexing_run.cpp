#include "telusur/index/indexing_run.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "telusur/blank_text.h"
#include "telusur/extract/date_extractor.h"
#include "telusur/index/bounded_queue.h"
#include "telusur/index/document_builder.h"
#include "telusur/index/reorder_buffer.h"
#include "telusur/source/utf8.h"

namespace telusur {

namespace {

/// What to tell of an article whose date field holds no date: it is indexed by a date from its
/// text, if any, so a --since filter or a date sort may leave it out or place it elsewhere.
std::optional<InputError> date_note(const Article& article) {
    if (is_blank(article.date) || parse_date_field(article.date)) return std::nullopt;
    const auto shown = shortened(article.date, 40);
    return InputError(article.origin_file, article.origin_line,
                      "date '" + shown + "' is not a date (ISO 8601, or a dateline such as 04/11/2024): " +
                          "ignored, the article is dated by its text if it can be");
}

/// Counts what write() did. Two records with one id keep the later: the earlier is said to be
/// lost, at the later one's place, since nothing else would tell ("replaced 1" reads as an update).
void count_outcome(IndexOutcome outcome, const std::string& id, const std::string& file, std::size_t line,
                   IndexStats& stats, const std::function<void(const InputError&)>& on_error) {
    ++(outcome == IndexOutcome::Added ? stats.added : stats.replaced);
    if (outcome != IndexOutcome::ReplacedFromThisRun) return;
    ++stats.repeated_ids;
    on_error(InputError(file, line, "id '" + id + "' was already indexed in this run, from another record: " +
                                        "this one replaces it (ids must be unique)"));
}

/// The reference: read, clean, hash, skip if unchanged, build and write, one article at a time.
IndexStats run_sequential(const InputPlan& plan, const LanguageData& data, IndexWriter& writer,
                          const std::function<void(const InputError&)>& on_error,
                          const std::function<void(const InputError&)>& on_note, const std::atomic<bool>& stop,
                          const std::function<void(const IndexStats&)>& on_progress) {
    IndexStats stats;
    DocumentBuilder builder(data);
    const auto report = [&](const InputError& e) {
        ++stats.skipped;
        on_error(e);
    };
    const auto index_one = [&](Article& article) {
        data.cleaner.clean(article);
        if (is_blank(article.body) && is_blank(article.title)) {
            report(InputError(article.origin_file, article.origin_line, "no text left after removing boilerplate"));
            return;
        }
        const auto hash = builder.content_hash(article);
        if (writer.is_unchanged(article.id, hash)) {
            ++stats.unchanged;
            return;
        }
        try {
            auto doc = builder.build(article);
            const auto outcome = writer.write(article.id, std::move(doc));
            count_outcome(outcome, article.id, article.origin_file, article.origin_line, stats, on_error);
            if (const auto note = date_note(article)) on_note(*note);
        } catch (const InputError& e) {
            report(e);
        }
    };
    const auto on_article = [&](Article&& article) {
        if (stop.load(std::memory_order_relaxed)) {
            stats.interrupted = true;
            return false;
        }
        ++stats.read;
        stats.bytes += article.input_bytes;
        index_one(article);
        if (on_progress) on_progress(stats);
        return true;
    };
    const auto on_bad_record = [&](const InputError& e) {
        ++stats.read;
        report(e);
        if (on_progress) on_progress(stats);
    };
    for (const auto& file : plan.files) {
        if (!read_input(file, plan.fields, on_article, on_bad_record, &stop)) {
            if (stop.load(std::memory_order_relaxed)) stats.interrupted = true;  // also while waiting for input
            break;
        }
    }
    writer.commit();
    return stats;
}

/// One record after analysis: what the writer needs to do the sequential path's work in order.
struct AnalysedRecord {
    std::string id;
    std::string hash;
    Xapian::Document doc;
    std::size_t input_bytes = 0;
    std::string origin_file;                ///< Where the record was read, for messages.
    std::size_t origin_line = 0;
    std::optional<InputError> bad_record;   ///< Unreadable, or no text left: report and skip.
    std::optional<InputError> build_error;  ///< Reported only if the article is not unchanged.
    std::optional<InputError> note;         ///< Told once the document is written.
    std::exception_ptr failure;             ///< Anything else: rethrown by the writer, in order.
};

/// One record as read, numbered in input order. No article for a bad record or a reader failure,
/// whose `result` is already filled in.
struct ReadRecord {
    std::uint64_t seq = 0;
    std::optional<Article> article;
    AnalysedRecord result;
};

/// Cleans and analyses `article` as the sequential path does, deferring the unchanged check
/// (which reads the database) to the writer. Never throws: failures travel in the record.
AnalysedRecord analyse(Article& article, const LanguageData& data, DocumentBuilder& builder) {
    AnalysedRecord out;
    out.input_bytes = article.input_bytes;
    try {
        data.cleaner.clean(article);
        if (is_blank(article.body) && is_blank(article.title)) {
            out.bad_record.emplace(article.origin_file, article.origin_line, "no text left after removing boilerplate");
            return out;
        }
        out.id = article.id;
        out.origin_file = article.origin_file;
        out.origin_line = article.origin_line;
        out.hash = builder.content_hash(article);
        try {
            out.doc = builder.build(article);
            out.note = date_note(article);
        } catch (const InputError& e) {
            out.build_error = e;
        }
    } catch (...) {
        out.failure = std::current_exception();
    }
    return out;
}

/// The reader, the analysis workers and the queues between them. The destructor closes the
/// queues and joins every thread, so leaving the writer loop by an exception cannot hang or
/// call std::terminate.
class AnalysisPipeline {
  public:
    explicit AnalysisPipeline(std::size_t workers) : read_(4 * workers), analysed_(4 * workers) {}
    AnalysisPipeline(const AnalysisPipeline&) = delete;
    AnalysisPipeline& operator=(const AnalysisPipeline&) = delete;
    ~AnalysisPipeline() { join(); }

    void start(const InputPlan& plan, const LanguageData& data, const std::atomic<bool>& stop, std::size_t workers) {
        threads_.reserve(workers + 1);
        threads_.emplace_back([this, &plan, &stop] { guarded([&] { read_all(plan, stop); }); });
        for (std::size_t i = 0; i < workers; ++i)
            threads_.emplace_back([this, &data] { guarded([&] { analyse_all(data); }); });
    }

    /// The next record in input order; nothing at the end or after a failure outside a record.
    std::optional<AnalysedRecord> next() { return analysed_.take(); }

    /// Closes the queues (dropping what is in flight) and joins the threads. Idempotent.
    void join() {
        read_.close();
        analysed_.close();
        for (auto& thread : threads_)
            if (thread.joinable()) thread.join();
    }

    /// After join(): whether the reader stopped because `stop` was set.
    bool reader_stopped() const { return reader_stopped_; }

    /// After join(): rethrows an exception a thread hit outside any record (e.g. bad_alloc).
    void rethrow_stray() const {
        if (stray_) std::rethrow_exception(stray_);
    }

  private:
    template <typename F>
    void guarded(F&& body) {
        try {
            body();
        } catch (...) {
            {
                std::lock_guard lock(stray_mutex_);
                if (!stray_) stray_ = std::current_exception();
            }
            read_.close();
            analysed_.close();
        }
    }

    void read_all(const InputPlan& plan, const std::atomic<bool>& stop) {
        std::uint64_t seq = 0;
        const auto on_article = [&](Article&& article) {
            if (stop.load(std::memory_order_relaxed)) {
                reader_stopped_ = true;
                return false;
            }
            return read_.push(ReadRecord{seq++, std::move(article), {}});
        };
        const auto on_bad_record = [&](const InputError& e) {
            ReadRecord record{seq++, std::nullopt, {}};
            record.result.bad_record = e;
            read_.push(std::move(record));
        };
        try {
            for (const auto& file : plan.files)
                if (!read_input(file, plan.fields, on_article, on_bad_record, &stop)) {
                    if (stop.load(std::memory_order_relaxed)) reader_stopped_ = true;  // also while waiting for input
                    break;
                }
        } catch (...) {
            // Delivered in order, like the sequential path, which throws after the records before.
            ReadRecord record{seq++, std::nullopt, {}};
            record.result.failure = std::current_exception();
            read_.push(std::move(record));
        }
        analysed_.finish(seq);
        read_.close();
    }

    void analyse_all(const LanguageData& data) {
        DocumentBuilder builder(data);  // built here: its stemmer cache and ICU objects are this thread's
        while (auto record = read_.pop()) {
            if (record->article) record->result = analyse(*record->article, data, builder);
            if (!analysed_.put(record->seq, std::move(record->result))) break;
        }
    }

    BoundedQueue<ReadRecord> read_;
    ReorderBuffer<AnalysedRecord> analysed_;
    std::vector<std::thread> threads_;
    bool reader_stopped_ = false;  // written by the reader, read after join()
    std::mutex stray_mutex_;
    std::exception_ptr stray_;
};

IndexStats run_parallel(const InputPlan& plan, const LanguageData& data, IndexWriter& writer,
                        const std::function<void(const InputError&)>& on_error,
                        const std::function<void(const InputError&)>& on_note, const std::atomic<bool>& stop,
                        std::size_t threads, const std::function<void(const IndexStats&)>& on_progress) {
    IndexStats stats;
    const auto report = [&](const InputError& e) {
        ++stats.skipped;
        on_error(e);
    };
    const auto write_one = [&](AnalysedRecord& record) {
        if (record.bad_record) {
            report(*record.bad_record);
            return;
        }
        if (writer.is_unchanged(record.id, record.hash)) {
            ++stats.unchanged;
            return;
        }
        if (record.build_error) {
            report(*record.build_error);
            return;
        }
        try {
            const auto outcome = writer.write(record.id, std::move(record.doc));
            count_outcome(outcome, record.id, record.origin_file, record.origin_line, stats, on_error);
            if (record.note) on_note(*record.note);
        } catch (const InputError& e) {
            report(e);
        }
    };
    AnalysisPipeline pipeline(threads);
    pipeline.start(plan, data, stop, threads);
    while (auto record = pipeline.next()) {
        if (stop.load(std::memory_order_relaxed)) {
            stats.interrupted = true;  // what is in flight is dropped, as the sequential path never reads it
            break;
        }
        if (record->failure) std::rethrow_exception(record->failure);
        ++stats.read;
        stats.bytes += record->input_bytes;
        write_one(*record);
        if (on_progress) on_progress(stats);
    }
    pipeline.join();
    pipeline.rethrow_stray();
    if (pipeline.reader_stopped()) stats.interrupted = true;
    writer.commit();
    return stats;
}

}  // namespace

IndexStats run_indexing(const InputPlan& plan, const LanguageData& data, IndexWriter& writer,
                        const std::function<void(const InputError&)>& on_error,
                        const std::function<void(const InputError&)>& on_note, const std::atomic<bool>& stop,
                        std::size_t threads, const std::function<void(const IndexStats&)>& on_progress) {
    if (threads <= 1) return run_sequential(plan, data, writer, on_error, on_note, stop, on_progress);
    return run_parallel(plan, data, writer, on_error, on_note, stop, threads, on_progress);
}

}  // namespace telusur
