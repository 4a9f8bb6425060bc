#include "options.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string_view>

#include <CLI/CLI.hpp>

namespace telusur::query {

namespace {

constexpr const char* kFooter = R"(Query syntax: words (documents with every word rank first), "a phrase", AND, OR, NOT,
+must, -mustnot (after -- when the query starts with -), (brackets), title:word, source:outlet,
person:"Vladimir Putin", place:Kursk, org:PBB, date:2024-11, date:2024-11-01..2024-11-30.
Aliases expand: Korut also finds "Korea Utara", Kiev also finds Kyiv.

Exit status: 0 a match, even past the last page (or the article --show asked for), 1 none (no such article), 2 error.

Examples:
  telusur-query --db news.db tentara Korut Kursk
  telusur-query --db news.db --format json --limit 5 '"Korea Utara" -rudal'
  telusur-query --db news.db --ids banjir Bekasi | xargs -n1 echo
  telusur-query --db news.db --count 'title:putin'
  telusur-query --db news.db --facet person --facet place --filter place:Korut tentara
  telusur-query --db news.db --since 2024-11 --until 2024-11-30 --sort -date banjir
  telusur-query --db news.db --explain --limit 2 penangkapan
  telusur-query --db news.db --like seeds/001_c8ce01ff440e4416.txt   # articles like this one
  telusur-query --db news.db --show seeds/001_c8ce01ff440e4416.txt   # the whole article
  telusur-query --db news.db --serve 127.0.0.1:8080   # then GET /search?q=kursk
  printf 'penangkapan\nberikan\n' | telusur-query --stem
  telusur-query --analyze 'Polisi menangkap anak-anak di Bekasi')";

std::vector<std::string> split_fields(const std::string& list) {
    std::vector<std::string> fields;
    std::stringstream in(list);
    for (std::string field; std::getline(in, field, ',');) {
        field.erase(0, field.find_first_not_of(' '));
        field.erase(field.find_last_not_of(' ') + 1);
        if (std::find(kHitFields.begin(), kHitFields.end(), field) == kHitFields.end())
            throw CLI::ValidationError("--fields", "unknown field '" + field + "'");
        fields.push_back(field);
    }
    if (fields.empty()) {
        std::string known;
        for (const auto& name : kHitFields) known += (known.empty() ? "" : ",") + name;
        throw CLI::ValidationError("--fields", "names no field (" + known + ")");
    }
    return fields;
}

[[noreturn]] void refuse(const std::string& message) {
    throw CLI::ExcludesError(message, CLI::ExitCodes::ExcludesError);
}

/// --count prints a number and --ids one id per line: an option that shapes the hits they do
/// not print would be ignored without a word. (--count's number is JSON too, so it takes --format.)
void require_hit_options(const CLI::App& app) {
    const auto given = [&app](const char* name) { return app.get_option(name)->count() > 0; };
    const char* shaping[] = {"--fields", "--color", "--snippet-length", "--explain", "--facet", "--facet-limit"};
    if (given("--ids")) {
        for (const char* name : shaping)
            if (given(name)) refuse(std::string(name) + " does not apply to --ids, which prints only ids");
        if (given("--format") && app.get_option("--format")->as<Format>() != Format::Text)
            refuse("--format does not apply to --ids, which prints one id per line");
    }
    if (given("--count")) {
        for (const char* name : shaping)
            if (given(name)) refuse(std::string(name) + " does not apply to --count, which prints only a number");
        for (const char* name : {"--limit", "--offset", "--sort", "--no-collapse"})
            if (given(name)) refuse(std::string(name) + " does not apply to --count, which counts every match");
    }
}

/// One thing per run: a search, --show, --serve, --stem or --analyze. An option of another mode would
/// otherwise be ignored without a word (a query after --serve, --threads on a search).
void require_one_mode(const CLI::App& app) {
    const auto given = [&app](const char* name) { return app.get_option(name)->count() > 0; };
    std::string mode;  // empty: a search
    for (const char* candidate : {"--show", "--serve", "--stem", "--analyze"}) {
        if (!given(candidate)) continue;
        if (!mode.empty()) refuse(std::string(candidate) + " cannot be combined with " + mode);
        mode = candidate;
    }
    // Empty, either would read as not given at all and end in a search's "--db is required".
    if (mode == "--analyze" && app.get_option("--analyze")->as<std::string>().empty())
        refuse("--analyze needs the text to analyse, e.g. --analyze 'Polisi menangkap'");
    if (mode == "--show" && app.get_option("--show")->as<std::string>().empty())
        refuse("--show needs an article id, as --ids prints it");
    if (mode == "--serve" && app.get_option("--serve")->as<std::string>().empty())
        refuse("--serve needs [HOST:]PORT, e.g. --serve 127.0.0.1:8080");
    for (const char* name : {"--threads", "--connections", "--cache-size"})
        if (given(name) && mode != "--serve")
            refuse(std::string(name) + " only applies to --serve, not to " + (mode.empty() ? "a search" : mode));
    if (mode.empty()) {
        if (given("--like") && given("QUERY")) refuse("--like searches instead of a query: give one or the other");
        if (given("--like") && app.get_option("--like")->as<std::string>().empty())
            refuse("--like needs an article id, as --ids prints it");
        if (given("--facet-limit") && !given("--facet")) refuse("--facet-limit applies to --facet, which is not given");
        // Empty, a bound would read as none: --since "$FROM" with FROM unset lists every date.
        for (const char* name : {"--since", "--until"})
            if (given(name) && app.get_option(name)->as<std::string>().empty())
                refuse(std::string(name) + " needs a date: YYYY, YYYY-MM or YYYY-MM-DD");
        require_hit_options(app);
        return;
    }
    if (given("QUERY")) refuse("a query only applies to a search, not to " + mode);
    for (const char* name : {"--like", "--count", "--ids", "--limit", "--offset", "--snippet-length", "--fields", "--color", "--facet",
                             "--facet-limit", "--filter", "--since", "--until", "--sort", "--explain", "--no-collapse"})
        if (given(name) && !(mode == "--show" && std::string_view(name) == "--color"))
            refuse(std::string(name) + " only applies to a search, not to " + mode);
    // --analyze and --show print text or JSON as a search does; a server answers JSON only.
    if (given("--format") && mode != "--analyze" && mode != "--show") refuse("--format does not apply to " + mode);
}

}  // namespace

Options parse_options(int argc, char** argv) {
    Options options;
    std::vector<std::string> words;
    std::string fields;
    CLI::App app{"Search a telusur database of Indonesian news.", "telusur-query"};
    app.footer(kFooter);
    app.get_formatter()->column_width(33);  // room for the longest option text, --sort's
    app.set_version_flag("--version", "telusur-query 0.1.0");
    app.add_option("--db", options.db, "Database folder")->option_text("DIR");
    app.add_option("QUERY", words, "Query words")->option_text("WORD ...");
    app.add_option("--like", options.like, "Find the articles most like the article with this id (as --ids prints it), instead of a query")
        ->option_text("ID");
    app.add_option("--show", options.show,
                   "Print the whole article with this id (as --ids prints it): fields, entities, copies, body")
        ->option_text("ID");
    app.add_option("-f,--format", options.format, "Output: text (default), json or jsonl")
        ->transform(CLI::Transformer(std::map<std::string, Format>{{"text", Format::Text}, {"json", Format::Json},
                                                                          {"jsonl", Format::Jsonl}},
                                            CLI::ignore_case))
        // CLI11 runs transforms last-added first: the name is checked, then mapped.
        ->transform(CLI::IsMember({"text", "json", "jsonl"}, CLI::ignore_case))
        ->option_text("text|json|jsonl");
    app.add_option("--fields", fields, "Hit fields to print, comma-separated: rank,id,title,date,url,source,score,snippet,similar,entities (text: all but entities)")
        ->option_text("LIST");
    auto* count = app.add_flag("--count", options.count, "Print only the number of matching articles (exact, near-duplicates included)");
    app.add_flag("--ids", options.ids, "Print only hit ids, one per line")->excludes(count);
    app.add_option("-n,--limit", options.limit, "Hits to show (default 10, at most 1000)")
        ->check(CLI::Range(std::size_t{0}, std::size_t{1000}))
        ->option_text("N");
    app.add_option("--offset", options.offset, "Hits to skip first (at most 100000)")
        ->check(CLI::Range(std::size_t{0}, std::size_t{100000}))
        ->option_text("N");
    app.add_option("--snippet-length", options.snippet_length, "Longest snippet in bytes (default 240, at most 5000; 0: none)")
        ->check(CLI::Range(std::size_t{0}, std::size_t{5000}))
        ->option_text("BYTES");
    app.add_option("--color", options.color, "Bold highlights: auto (on a terminal), always, never")
        ->transform(CLI::Transformer(std::map<std::string, Color>{{"auto", Color::Auto}, {"always", Color::Always},
                                                                         {"never", Color::Never}},
                                            CLI::ignore_case))
        // CLI11 runs transforms last-added first: the name is checked, then mapped.
        ->transform(CLI::IsMember({"auto", "always", "never"}, CLI::ignore_case))
        ->option_text("auto|always|never");
    app.add_option("--facet", options.facets, "Count matches by person, place, org, entity, date or source (repeatable)")
        ->check(CLI::IsMember({"person", "place", "org", "entity", "date", "source"}))
        ->allow_extra_args(false)
        ->option_text("KIND");
    app.add_option("--facet-limit", options.facet_limit, "Values per facet (default 10, at most 100000; 0 = all)")
        ->check(CLI::Range(std::size_t{0}, std::size_t{100000}))
        ->option_text("N");
    app.add_option("--filter", options.filters, "Only KIND:VALUE, e.g. place:Kursk, person:\"Vladimir Putin\" (repeatable; AND across kinds, OR within)")
        ->allow_extra_args(false)
        ->option_text("KIND:VALUE");
    app.add_option("--since", options.since, "Published on or after YYYY, YYYY-MM or YYYY-MM-DD")->option_text("DATE");
    app.add_option("--until", options.until, "Published on or before YYYY, YYYY-MM or YYYY-MM-DD")->option_text("DATE");
    app.add_option("--sort", options.sort, "relevance (default), date (oldest first) or -date (newest first); undated last")
        ->check(CLI::IsMember({"relevance", "date", "-date"}))
        ->option_text("relevance|date|-date");
    app.add_flag("--explain", options.explain, "Show how the query was read and why each hit matched");
    bool no_collapse = false;
    app.add_flag("--no-collapse", no_collapse, "Show near-duplicate articles separately");
    app.add_option("--serve", options.serve, "Serve the JSON API over HTTP on [HOST:]PORT (default host 127.0.0.1)")
        ->option_text("[HOST:]PORT");
    app.add_option("--threads", options.threads, "HTTP: server threads, each an event loop searching with its own database handle (default: one per core, at most 256)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{256}))
        ->option_text("N");
    app.add_option("--connections", options.connections, "HTTP: connections open at once; more wait until one closes (default 512, at most 4096)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{4096}))
        ->option_text("N");
    app.add_option("--cache-size", options.cache_size,
                   "HTTP: search results kept for repeated requests, dropped when the database changes (default 1024; 0 = off)")
        ->check(CLI::Range(std::size_t{0}, std::size_t{1000000}))
        ->option_text("N");
    bool no_mmap = false;
    app.add_flag("--no-mmap", no_mmap, "Read the database with one system call per block instead of memory maps");
    app.add_option("--data-dir", options.data_dir, "Folder with stopwords, aliases and stemmer data")->option_text("DIR");
    app.add_flag("--stem", options.stem, "Read one word per line on stdin, print word<TAB>stem");
    app.add_option("--analyze", options.analyze, "Show each token of TEXT: normalised form, stem and why");
    try {
        app.parse(argc, argv);
        require_one_mode(app);
        if (app.count("--fields") > 0) {
            options.fields = split_fields(fields);
        } else if (options.format == Format::Text) {
            // A list read in the shell shows entities only when asked: a line more for every hit.
            std::erase(options.fields, std::string("entities"));
        }
        const bool tool = options.stem || !options.analyze.empty();
        if (!tool && options.db.empty()) throw CLI::RequiredError("--db");
        if (!tool && words.empty() && options.like.empty() && options.serve.empty() && options.show.empty())
            throw CLI::RequiredError("QUERY (or --like, --show, --serve)");
    } catch (const CLI::CallForHelp& e) {
        std::exit(app.exit(e));
    } catch (const CLI::CallForVersion& e) {
        std::exit(app.exit(e));
    } catch (const CLI::ExtrasError& e) {
        // "-rudal" reads as an option: a query word that excludes needs the "--" first.
        std::string hint = "see --help";
        for (const auto& arg : app.remaining())
            if (arg.size() > 1 && arg[0] == '-' && arg[1] != '-')
                hint = "query words after '--' may start with '-': telusur-query --db DIR -- " + arg;
        std::cerr << "telusur-query: " << e.what() << " (" << hint << ")\n";
        std::exit(kError);
    } catch (const CLI::Error& e) {
        std::cerr << "telusur-query: " << e.what() << " (see --help)\n";
        std::exit(kError);
    }
    options.collapse = !no_collapse;
    options.mmap = !no_mmap;
    for (const auto& word : words) options.query += (options.query.empty() ? "" : " ") + word;
    return options;
}

}  // namespace telusur::query
