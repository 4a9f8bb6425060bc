// Article: one news item as read from an archive, before analysis.
#pragma once

#include <cstddef>
#include <string>

namespace telusur {

/// Longest record a reader accepts, in bytes: a JSON Lines line or a text file. A news article is
/// at most a few hundred KiB (the longest of ../shared/corpus-data's 11,854: 38 KiB); a longer
/// "record" is a file without line breaks or not an archive at all. Analysis holds about 40 bytes
/// per byte of text, and each worker may be on one such record, so the limit bounds memory: an
/// archive of 8 MiB records indexes in under 1 GiB with two workers.
inline constexpr std::size_t kMaxRecordBytes = std::size_t{8} << 20;

/// A news article as the readers produce it. All text is valid UTF-8 without control characters,
/// but the tabs and line breaks of the body.
struct Article {
    std::string id;      ///< Stable identifier; re-indexing the same id replaces the document.
    std::string title;   ///< Headline; may be empty.
    std::string body;    ///< Paragraphs separated by blank lines, boilerplate already removed.
    std::string date;    ///< As given by the source (ISO 8601), or empty.
    std::string url;     ///< Original address, or empty.
    std::string source;  ///< Outlet name, or empty.

    std::string origin_file;    ///< Where it was read from ("-" for stdin), for messages.
    std::size_t origin_line = 0;  ///< 1-based line in a JSONL file; 0 for a whole text file.
    std::size_t input_bytes = 0;  ///< Bytes of (uncompressed) input read for it, bad lines before it included: for progress.

    /// Set by readers that have no title field (.txt): the cleaner moves the first
    /// non-boilerplate line of the body into `title`.
    bool title_from_first_line = false;
};

}  // namespace telusur
