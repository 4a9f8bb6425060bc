// A stream read line by line in pieces of bounded size, so that a line of any length (a record
// with no line breaks, a quote never closed) never has to be held whole.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace telusur {

/// Reads `in` in pieces of at most 64 KiB, each ending at a line break (not included) or inside
/// a longer line. Used by the record readers, which keep what they need of a line.
class LinePieces {
  public:
    struct Piece {
        std::string_view bytes;  ///< Valid until the next call.
        /// A line break followed; false for the first pieces of a long line, and for a last
        /// line without a line break.
        bool ends_line = false;
    };

    /// `in` must outlive this; `name` names the stream in errors.
    LinePieces(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}

    /// The next piece, or nullopt at the end of the stream. A stream that fails, or throws (a
    /// decompressor's "gzip data ends early"), gives InputError naming `line`, the line being
    /// read.
    std::optional<Piece> next(std::size_t line);

    /// Bytes read so far, line breaks included.
    std::size_t consumed_bytes() const { return consumed_; }

  private:
    std::istream& in_;
    std::string name_;
    std::size_t consumed_ = 0;
    char chunk_[1 << 16];
};

}  // namespace telusur
