// telusur-query's command line: one struct of settings, parsed and validated in one place.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace telusur::query {

enum class Format { Text, Json, Jsonl };
enum class Color { Auto, Always, Never };

/// Fields a hit may show; --fields picks a subset, in this order.
inline const std::vector<std::string> kHitFields{"rank",  "id",      "title",   "date",    "url",     "source",
                                                 "score", "snippet", "similar", "entities"};

struct Options {
    std::string db;               ///< Database folder.
    std::string query;            ///< The words of the query, joined by spaces.
    std::string like;             ///< An article id: search for articles like it instead of a query.
    std::string show;             ///< An article id: print that article whole instead of searching.
    Format format = Format::Text;
    std::vector<std::string> fields = kHitFields;  ///< Hit fields to print.
    bool count = false;           ///< Print only the number of matches.
    bool ids = false;             ///< Print only hit ids, one per line.
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::size_t snippet_length = 240;
    Color color = Color::Auto;
    bool explain = false;
    bool collapse = true;
    bool mmap = true;             ///< Read database tables through memory maps (see mapped_reads.h).
    std::string serve;            ///< [HOST:]PORT to serve HTTP on, or empty.
    std::size_t threads = 0;      ///< HTTP: searches at once, each with its own database handle (0 = one per core).
    std::size_t connections = 512; ///< HTTP: connections open at once.
    std::size_t cache_size = 1024;  ///< HTTP: results kept for repeated requests (0 = no cache).
    std::string data_dir;         ///< stemmer-data folder override.
    std::vector<std::string> facets;   ///< person, place, org, entity, date, source.
    std::size_t facet_limit = 10;
    std::vector<std::string> filters;  ///< KIND:VALUE.
    std::string since;
    std::string until;
    std::string sort = "relevance";    ///< relevance, date (oldest first) or -date (newest first).
    bool stem = false;            ///< Stem words read from stdin (no database needed).
    std::string analyze;          ///< Text to show through the analysis chain (no database needed).
};

/// Exit codes, documented in README.md and stable.
enum ExitCode : int {
    kHits = 0,    ///< At least one hit (or the server stopped cleanly).
    kNoHits = 1,  ///< The query ran and matched nothing.
    kError = 2,   ///< Bad option, missing database, bad query.
};

/// Parses argv; prints help/version and exits 0, or prints a usage error and exits kError.
Options parse_options(int argc, char** argv);

}  // namespace telusur::query
