// telusur-query: thin main over lib/. Reads options, then searches and prints, or serves HTTP.
#include <iostream>
#include <unistd.h>

#include <xapian.h>

#include "analyze_command.h"
#include "http_server.h"
#include "options.h"
#include "output.h"
#include "request.h"
#include "telusur/error.h"
#include "telusur/language_data.h"
#include "telusur/search/article_lookup.h"
#include "telusur/search/mapped_reads.h"
#include "telusur/search/searcher.h"

namespace {

using namespace telusur;
using namespace telusur::query;

bool use_bold(Color color) {
    if (color == Color::Always) return true;
    if (color == Color::Never) return false;
    return isatty(STDOUT_FILENO) != 0;
}

int search_once(const Options& options, const LanguageData& data) {
    Searcher searcher(options.db, data);
    const auto request = to_search_request(options);
    if (options.count) {
        const auto total = searcher.count(request);
        std::cout << total << '\n';
        return total > 0 ? kHits : kNoHits;
    }
    const auto results = searcher.search(request);
    if (options.ids) {
        for (const auto& hit : results.hits) std::cout << hit.article.id << '\n';
    } else if (options.format == Format::Json) {
        print_json(std::cout, results, options.fields);
    } else if (options.format == Format::Jsonl) {
        print_jsonl(std::cout, results, options.fields);
    } else {
        print_explanation(std::cout, results);
        print_text(std::cout, results, options.fields, use_bold(options.color));
    }
    std::cout.flush();
    // Matches, but none on the page asked for: tell the reader why the page is empty (a script
    // reading JSON sees "hits": [] beside the total).
    if (options.format == Format::Text && !options.ids && request.limit > 0 && results.hits.empty() &&
        results.estimated_total > 0)
        std::cerr << "telusur-query: no hits from rank " << request.offset + 1 << " on (" << total_text(results)
                  << "; lower --offset)\n";
    return results.estimated_total > 0 ? kHits : kNoHits;
}

/// --show: the article asked for, whole; kNoHits when the database has no such id.
int show_article(const Options& options, const LanguageData& data) {
    Searcher searcher(options.db, data);  // checks that it is a telusur database
    const auto view = find_article(searcher.database(), options.show);
    if (!view) {
        std::cerr << "telusur-query: no article with id '" << options.show
                  << "' (ids as telusur-query --ids prints them)\n";
        return kNoHits;
    }
    if (options.format == Format::Text) print_article_text(std::cout, *view, use_bold(options.color));
    else if (options.format == Format::Json) write_json(std::cout, Json::parse(article_document(*view)), 2);
    else std::cout << article_document(*view) << '\n';
    return kHits;
}

int run(const Options& options) {
    if (options.mmap) enable_mapped_reads();
    const auto data = LanguageData::load(find_data_dir(options.data_dir));
    if (options.stem) return run_stem(data, std::cin, std::cout, std::cerr);
    if (!options.analyze.empty()) return run_analyze(data, options.analyze, options.format != Format::Text, std::cout);
    if (!options.show.empty()) return show_article(options, data);
    if (!options.serve.empty()) {
        auto serve_options = parse_listen_address(options.serve);
        serve_options.db = options.db;
        serve_options.threads = options.threads;
        serve_options.connections = options.connections;
        serve_options.cache_size = options.cache_size;
        return serve(serve_options, data);
    }
    return search_once(options, data);
}

}  // namespace

int main(int argc, char** argv) {
    const auto options = parse_options(argc, argv);
    try {
        const int status = run(options);
        // Results that never reached their file (a full disk, a closed descriptor) are an error,
        // not hits: a script redirecting --ids to a file must not take an empty file for an answer.
        if (!std::cout.flush()) {
            std::cerr << "telusur-query: cannot write to standard output (a full disk?): the results are incomplete\n";
            return kError;
        }
        return status;
    } catch (const telusur::Error& e) {
        std::cerr << "telusur-query: " << e.what() << '\n';
    } catch (const Xapian::Error& e) {
        std::cerr << "telusur-query: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "telusur-query: " << e.what() << '\n';
    }
    return kError;
}
