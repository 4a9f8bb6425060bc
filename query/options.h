// telusur-query's command line: one struct of settings, parsed and validated in one place.
#pragma once

#include <cstddef>
#include <string>

namespace telusur::query {

enum class Format { Text, Json };

struct Options {
    std::string db;               ///< Database folder.
    std::string query;            ///< The words of the query, joined by spaces.
    Format format = Format::Text;
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::string data_dir;         ///< stemmer-data folder override.
};

/// Exit codes, documented in README.md and stable.
enum ExitCode : int {
    kHits = 0,    ///< At least one hit.
    kNoHits = 1,  ///< The query ran and matched nothing.
    kError = 2,   ///< Bad option, missing database, bad query.
};

/// Parses argv; prints help/version and exits 0, or prints a usage error and exits kError.
Options parse_options(int argc, char** argv);

}  // namespace telusur::query
