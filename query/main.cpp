// telusur-query: thin main over lib/. Reads options, searches, prints.
#include <iostream>
#include <unistd.h>

#include <xapian.h>

#include "options.h"
#include "output.h"
#include "telusur/error.h"
#include "telusur/language_data.h"
#include "telusur/search/searcher.h"

namespace {

using namespace telusur;
using namespace telusur::query;

int run(const Options& options) {
    const auto data = LanguageData::load(find_data_dir(options.data_dir));
    Searcher searcher(options.db, data);
    SearchRequest request;
    request.query = options.query;
    request.limit = options.limit;
    request.offset = options.offset;
    const auto results = searcher.search(request);
    if (options.format == Format::Json) {
        print_json(std::cout, results);
    } else {
        print_text(std::cout, results, isatty(STDOUT_FILENO) != 0);
    }
    std::cout.flush();
    return results.estimated_total > 0 ? kHits : kNoHits;
}

}  // namespace

int main(int argc, char** argv) {
    const auto options = parse_options(argc, argv);
    try {
        return run(options);
    } catch (const telusur::Error& e) {
        std::cerr << "telusur-query: " << e.what() << '\n';
    } catch (const Xapian::Error& e) {
        std::cerr << "telusur-query: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "telusur-query: " << e.what() << '\n';
    }
    return kError;
}
