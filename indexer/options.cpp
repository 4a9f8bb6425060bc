#include "options.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>

#include "telusur/error.h"

namespace telusur::indexer {

Options parse_options(int argc, char** argv) {
    Options options;
    CLI::App app{"Index Indonesian news articles into a telusur (Xapian) database.", "telusur-index"};
    app.footer(
        "Inputs: .txt files (title = first line that is not boilerplate, id = path below the folder given),\n"
        ".html/.htm files (a saved web page: title, date, url and outlet from its metadata, the story without\n"
        "menus and sidebars; id as for .txt), .jsonl files (one {id, title, body, date, url, source} object per\n"
        "line), .csv files and named .tsv files (a header row naming those columns, then one article per\n"
        "record; comma, semicolon or tab), folders (recursive, sorted, hidden entries and other extensions\n"
        "skipped), and - for JSON Lines on stdin.\n\n"
        "An archive whose records or columns name their fields otherwise is read with --field, once per field:\n"
        "  --field body=isi --field title=judul --field date=/meta/terbit  (a JSON Pointer for a nested field)\n\n"
        "Compressed .jsonl, .csv and .tsv files (.gz, .zst) are read while decompressing; any input\n"
        "saved as UTF-16 with a byte-order mark (Notepad's \"Unicode\", PowerShell 5) is decoded as it is read.\n\n"
        "While indexing, a progress line (docs, MiB, docs/s, ETA) is shown on stderr when it is a terminal.\n\n"
        "--delete and --delete-from take the ids that telusur-query --ids prints; they are deleted\n"
        "before the inputs are indexed. An id the database does not hold is reported.\n\n"
        "Exit status: 0 all indexed (and deleted), 1 some records skipped, ids repeated or not found, 2 fatal error,\n"
        "130 interrupted.\n\n"
        "Examples:\n"
        "  telusur-index --db news.db corpus/\n"
        "  telusur-index --db news.db --compact archive.jsonl.zst\n"
        "  telusur-index --db news.db --compact            (compact only)\n"
        "  telusur-index --db news.db --delete dun-003 --delete berita/2024-11-banjir-kota-bekasi.txt\n"
        "  telusur-query --db news.db --ids --no-collapse source:kabar | telusur-index --db news.db --delete-from -\n"
        "  zcat archive.jsonl.gz | telusur-index --db news.db -\n"
        "  telusur-index --db news.db --field body=isi --field title=judul export.csv");
    app.set_version_flag("--version", "telusur-index 0.1.0");
    app.add_option("--db", options.db, "Database folder (created if missing)")->required()->option_text("DIR (required)");
    app.add_option("inputs", options.inputs, "Files, folders, or - for JSON Lines on stdin")->option_text("PATH ...");
    app.add_option("--batch-size", options.batch_size,
                   "Documents per commit (default 1000, 1 to 1000000); a crash loses at most one batch")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
        ->option_text("N");
    app.add_option("--segment-size", options.segment_size,
                   "Write new documents in segments of N, merged (and compacted) at the end; keeps large runs "
                   "as fast per document as small ones. 0 = in one piece (default 50000, at most 100000000)")
        ->check(CLI::Range(std::size_t{0}, std::size_t{100000000}))
        ->option_text("N");
    app.add_option("--data-dir", options.data_dir, "Folder with stopwords, patterns and aliases")->option_text("DIR");
    std::size_t threads = 0;
    app.add_option("--threads", threads, "Analysis threads; 0 = one per core (the default), at most 256. Output is the same for any N")
        ->check(CLI::Range(std::size_t{0}, std::size_t{256}))
        ->option_text("N");
    app.add_flag("--compact", options.compact,
                 "Compact the database when done (full B-tree blocks: about half the size, faster searches); "
                 "with no inputs, only compact");
    app.add_option("--delete", options.delete_ids, "Delete the article with this id (repeatable)")
        ->allow_extra_args(false)
        ->option_text("ID");
    app.add_option("--delete-from", options.delete_from,
                   "Delete the articles whose ids FILE lists, one per line (- for standard input)")
        ->option_text("FILE");
    std::vector<std::string> field_maps;
    app.add_option("--field", field_maps,
                   "Read an article field (id, title, body, date, url or source) from the record's field or CSV "
                   "column NAME, or from a JSON Pointer such as /meta/date (repeatable)")
        ->allow_extra_args(false)
        ->option_text("FIELD=NAME");
    std::string stdin_format = "jsonl";
    app.add_option("--stdin-format", stdin_format, "What - reads: jsonl (the default) or csv")
        ->check(CLI::IsMember({"jsonl", "csv"}))
        ->option_text("jsonl|csv");
    app.add_flag("--progress", options.progress, "Show the progress line even when stderr is not a terminal");
    app.add_flag("-q,--quiet", options.quiet, "Print neither the progress line nor the summary");
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        std::exit(app.exit(e));
    } catch (const CLI::CallForVersion& e) {
        std::exit(app.exit(e));
    } catch (const CLI::ParseError& e) {
        std::cerr << "telusur-index: " << e.what() << " (see --help)\n";
        std::exit(kFatal);
    }
    try {
        for (const auto& spec : field_maps) options.fields.map(spec);
    } catch (const Error& e) {
        std::cerr << "telusur-index: " << e.what() << " (see --help)\n";
        std::exit(kFatal);
    }
    if (options.db.empty()) {  // --db '' would reach Xapian as "mkdir failed"
        std::cerr << "telusur-index: --db needs a database folder (see --help)\n";
        std::exit(kFatal);
    }
    if (options.inputs.empty() && !options.compact && !options.deletes()) {
        std::cerr << "telusur-index: inputs is required (files, folders or -), unless --compact or --delete is "
                     "given (see --help)\n";
        std::exit(kFatal);
    }
    const bool stdin_input = std::find(options.inputs.begin(), options.inputs.end(), "-") != options.inputs.end();
    if (options.delete_from == "-" && stdin_input) {
        std::cerr << "telusur-index: standard input cannot be both the id list of --delete-from and an input "
                     "(see --help)\n";
        std::exit(kFatal);
    }
    options.stdin_csv = stdin_format == "csv";
    options.threads = threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
    return options;
}

}  // namespace telusur::indexer
