// Reads articles from JSON Lines: one object per line with id, title, body, date, url, source.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "telusur/article.h"
#include "telusur/source/line_pieces.h"
#include "telusur/source/record_fields.h"

namespace telusur {

/// Pulls articles from a JSONL stream one line at a time (memory stays bounded by one line).
///
/// `id` and `body` are required strings (a numeric id is accepted); `title`, `date`, `url` and
/// `source` may be missing or null, `body` an array of strings (its paragraphs) and `date` a
/// number, Unix time (unix_time_as_iso); unknown fields are ignored; blank lines are skipped.
/// Each is read from the record's field of its name, or where `fields` maps it.
/// A bad line makes next() throw InputError naming the line; calling next() again continues
/// with the following line, so one bad record never stops the file. A line longer than
/// `max_line_bytes` is a bad record too, skipped without being held in memory. A stream that is
/// not text at all (UTF-16, compressed data), or JSON that is not JSON Lines (an array, an object
/// spread over lines), is reported once, at its first line, and then ends.
class JsonlReader {
  public:
    /// `in` must outlive the reader; `name` is used in error messages ("-" for stdin).
    JsonlReader(std::istream& in, std::string name, RecordFields fields = {},
                std::size_t max_line_bytes = kMaxRecordBytes);

    /// The next article, or nullopt at the end of the stream.
    std::optional<Article> next();

    /// Line number of the record last returned or rejected.
    std::size_t line() const { return line_; }

  private:
    /// The next line into buffer_, without its newline; false at the end of the stream. Returns
    /// true with buffer_ cut short when the line is longer than max_line_bytes_ (line_too_long_).
    bool read_line();

    std::istream& in_;
    std::string name_;
    RecordFields fields_;
    std::size_t max_line_bytes_;
    bool line_too_long_ = false;
    bool abandoned_ = false;  // the stream is not text at all, or not JSON Lines
    bool seen_record_ = false;  // a line that is not blank was read
    std::size_t line_ = 0;
    std::size_t reported_bytes_ = 0;  // of the bytes read, those counted in an article's input_bytes
    std::string buffer_;
    LinePieces pieces_;  // after name_, which it copies
};

/// Parses one JSONL record; `name` and `line` are used for errors and the article's origin.
Article parse_jsonl_record(std::string_view text, const std::string& name, std::size_t line,
                           const RecordFields& fields = {});

}  // namespace telusur
