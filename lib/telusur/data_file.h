// Data files: the plain-text files of stemmer-data (word lists, tables, patterns, gazetteers),
// which users edit. Every loader reads them through these functions, so every file takes the
// same comments, line endings and byte-order mark, and every fault names its file and line.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "telusur/error.h"

namespace telusur {

/// A line of a data file that holds something: its comment cut, surrounding spaces trimmed.
struct DataLine {
    std::size_t number;     ///< in the file, from 1
    std::string_view text;  ///< points into the text given to data_lines
};

/// Where `#` starts a comment: anywhere on a line (word lists, tables), or only first on a line
/// (boilerplate patterns, whose regular expressions may hold `#`).
enum class CommentStart { Anywhere, LineStart };

/// Reads a whole data file. Throws DataError "cannot open KIND file PATH".
std::string read_data_file(const std::filesystem::path& path, std::string_view kind);

/// The lines of `text` that hold something. Accepts `\r\n` line ends and a byte-order mark (as
/// Windows editors write them). Throws DataError "SOURCE:LINE: …" for invalid UTF-8 or a control
/// character other than a tab: an editor's wrong encoding would otherwise give words that
/// silently never match.
std::vector<DataLine> data_lines(std::string_view text, std::string_view source,
                                 CommentStart comments = CommentStart::Anywhere);

/// A DataError "SOURCE:LINE: message".
DataError data_error(std::string_view source, std::size_t line, std::string_view message);

/// `text` without leading and trailing spaces, tabs and carriage returns.
inline std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

}  // namespace telusur
