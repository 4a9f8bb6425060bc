#include "options.h"

#include <cstdlib>
#include <iostream>
#include <map>
#include <vector>

#include <CLI/CLI.hpp>

namespace telusur::query {

Options parse_options(int argc, char** argv) {
    Options options;
    std::vector<std::string> words;
    CLI::App app{"Search a telusur database of Indonesian news.", "telusur-query"};
    app.footer(
        "Query syntax: words (all-word matches rank first), \"a phrase\", AND, OR, NOT, +must, -mustnot,\n"
        "title:word, source:outlet. Aliases expand: Korut also finds \"Korea Utara\".\n\n"
        "Exit status: 0 hits, 1 no hits, 2 error.\n\n"
        "Examples:\n"
        "  telusur-query --db news.db tentara Korut Kursk\n"
        "  telusur-query --db news.db --format json --limit 5 '\"Korea Utara\" -rudal'\n"
        "  telusur-query --db news.db 'title:putin source:\"IDN Times\"'");
    app.set_version_flag("--version", "telusur-query 0.1.0");
    app.add_option("--db", options.db, "Database folder")->required();
    app.add_option("query", words, "Query words")->required();
    const std::map<std::string, Format> formats{{"text", Format::Text}, {"json", Format::Json}};
    app.add_option("-f,--format", options.format, "Output: text (default) or json")
        ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
    app.add_option("-n,--limit", options.limit, "Hits to show (default 10)")
        ->check(CLI::Range(std::size_t{0}, std::size_t{10000}));
    app.add_option("--offset", options.offset, "Hits to skip first")
        ->check(CLI::Range(std::size_t{0}, std::size_t{1000000}));
    app.add_option("--data-dir", options.data_dir, "Folder with stopwords and aliases");
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        std::exit(app.exit(e));
    } catch (const CLI::CallForVersion& e) {
        std::exit(app.exit(e));
    } catch (const CLI::ParseError& e) {
        std::cerr << "telusur-query: " << e.what() << " (see --help)\n";
        std::exit(kError);
    }
    for (const auto& word : words) options.query += (options.query.empty() ? "" : " ") + word;
    return options;
}

}  // namespace telusur::query
