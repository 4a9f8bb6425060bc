#include "telusur/index/indexing_run.h"

#include "telusur/index/document_builder.h"

namespace telusur {

namespace {

bool is_blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

IndexStats run_indexing(const InputPlan& plan, const LanguageData& data, IndexWriter& writer,
                        const std::function<void(const InputError&)>& on_error,
                        const std::atomic<bool>& stop) {
    IndexStats stats;
    DocumentBuilder builder(data);
    const auto report = [&](const InputError& e) {
        ++stats.skipped;
        on_error(e);
    };
    const auto on_article = [&](Article&& article) {
        if (stop.load(std::memory_order_relaxed)) {
            stats.interrupted = true;
            return false;
        }
        ++stats.read;
        data.cleaner.clean(article);
        if (is_blank(article.body) && is_blank(article.title)) {
            report(InputError(article.origin_file, article.origin_line, "no text left after removing boilerplate"));
            return true;
        }
        const auto hash = content_hash(article);
        if (writer.is_unchanged(article.id, hash)) {
            ++stats.unchanged;
            return true;
        }
        try {
            auto doc = builder.build(article);
            const auto outcome = writer.write(article.id, std::move(doc), builder.spelling_words());
            ++(outcome == IndexOutcome::Added ? stats.added : stats.replaced);
        } catch (const InputError& e) {
            report(e);
        }
        return true;
    };
    const auto on_bad_record = [&](const InputError& e) {
        ++stats.read;
        report(e);
    };
    for (const auto& file : plan.files) {
        if (!read_input(file, on_article, on_bad_record)) break;
    }
    writer.commit();
    return stats;
}

}  // namespace telusur
