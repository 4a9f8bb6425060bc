// Reads one plain-text article file (.txt): UTF-8, title on the first non-boilerplate line.
#pragma once

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>

#include "telusur/article.h"

namespace telusur {

/// Reads `path` as one article whose id is `id`. The body holds the whole text; the title is
/// left empty and `title_from_first_line` set, because only the cleaner knows which first
/// line is real. Throws InputError for a missing, empty, binary or non-UTF-8 file, one larger
/// than `max_bytes`, or an `id` (a file name) that is not UTF-8 or holds a control character.
Article read_text_file(const std::filesystem::path& path, std::string id, std::size_t max_bytes = kMaxRecordBytes);

/// As above, but a FIFO that waits for data is given up once `stop` is set: then nullopt, for
/// the text read so far is not the article.
std::optional<Article> read_text_file(const std::filesystem::path& path, std::string id, std::size_t max_bytes,
                                      const std::atomic<bool>* stop);

}  // namespace telusur
