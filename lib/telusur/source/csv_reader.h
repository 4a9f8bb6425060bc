// Reads articles from CSV, as spreadsheets and dataset sites export them: a header row naming the
// columns, then one article per record.
#pragma once

#include <array>
#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "telusur/article.h"
#include "telusur/source/line_pieces.h"
#include "telusur/source/record_fields.h"

namespace telusur {

/// Pulls articles from a CSV stream (RFC 4180, read by libcsv): quoted fields may hold the
/// delimiter, quotes ("") and line breaks. The delimiter is the one of ',', ';' (Excel's, where
/// the comma is the decimal mark, as in Indonesia) and tab that the header row uses most. Columns
/// are found by name, in any letter case: `id` and `body` must be there, `title`, `date`, `url`,
/// `source` may be; `fields` maps an article field to another column (a JSON Pointer names no
/// column). A date of nine digits or more is Unix time (unix_time_as_iso).
///
/// As JsonlReader: a bad record makes next() throw InputError naming the line it starts on, and
/// the next call goes on; a header without an id or body column, a file that is not text, or a
/// record longer than `max_record_bytes` (an unclosed quote swallows the rest of the file) is
/// reported once, and the file ends there. Memory stays bounded by one record.
class CsvReader {
  public:
    /// `in` must outlive the reader; `name` is used in error messages.
    CsvReader(std::istream& in, std::string name, RecordFields fields = {},
              std::size_t max_record_bytes = kMaxRecordBytes);
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    /// The next article, or nullopt at the end of the stream.
    std::optional<Article> next();

  private:
    struct Parser;

    /// Reads one line of the stream into the parser; false at the end of the stream, which
    /// also ends the parser's last record.
    bool feed_line();
    /// Parses `bytes` of the current line, noting where a record starts and refusing one too long.
    void feed(std::string_view bytes);
    void read_header(std::size_t line, std::vector<std::string> names);
    Article article_of(std::size_t line, const std::vector<std::string>& cells) const;
    [[noreturn]] void give_up(std::size_t line, const std::string& reason);

    std::string name_;
    RecordFields fields_;
    std::size_t max_record_bytes_;
    std::unique_ptr<Parser> parser_;
    std::array<std::size_t, 6> columns_{};  // each article field's column; npos: none
    std::size_t column_count_ = 0;          // 0 until the header is read
    bool abandoned_ = false;
    bool ended_ = false;
    std::size_t line_ = 0;
    std::size_t reported_bytes_ = 0;  // of the bytes read, those counted in an article's input_bytes
    LinePieces pieces_;               // after name_, which it copies
};

}  // namespace telusur
